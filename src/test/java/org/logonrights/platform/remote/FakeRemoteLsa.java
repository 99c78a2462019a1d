package org.logonrights.platform.remote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/**
 * An in-memory {@link RemoteLsa}: accounts with their rights, names, files, the rights the
 * "server" does not know through opnum 35, and a failure to throw from any call.
 */
public final class FakeRemoteLsa implements RemoteLsa {

    private final Map<Sid, List<String>> accountRights = new LinkedHashMap<>();
    private final Map<Sid, ResolvedName> names = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<Sid, List<Sid>> aliases = new LinkedHashMap<>();
    private final Set<UserRight> unknownToServer = EnumSet.noneOf(UserRight.class);
    private final Map<UserRight, List<Sid>> opnum35Override = new HashMap<>();
    private PolicyDomains domains = new PolicyDomains("WEB01", "CONTOSO");
    private RemoteLsaException failure;
    private String dnsDomain;
    private final Map<String, LocalAccount> localAccounts = new HashMap<>();
    private boolean closed;
    private final Set<String> folders = new java.util.HashSet<>();
    private GpoHistory history = new GpoHistory(true, "HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY, List.of());
    private RemoteLsaException historyFailure;
    private final List<String> calls = new ArrayList<>();

    public FakeRemoteLsa grant(String sid, String... rights) {
        accountRights.computeIfAbsent(Sid.parse(sid), k -> new ArrayList<>()).addAll(List.of(rights));
        return this;
    }

    public FakeRemoteLsa name(String sid, String domain, String name, int use) {
        names.put(Sid.parse(sid), new ResolvedName(domain, name,
                org.logonrights.model.SidNameUse.fromCode(use).orElseThrow()));
        return this;
    }

    public FakeRemoteLsa file(String share, String path, byte[] content) {
        files.put(share + "\\" + path, content);
        return this;
    }

    /** Makes opnum 35 answer 0xC0000060 for these rights, as Samba does for batch, service and deny. */
    public FakeRemoteLsa unknownToServer(UserRight... rights) {
        unknownToServer.addAll(List.of(rights));
        return this;
    }

    /** Makes opnum 35 list other holders than the accounts' own rights say. */
    public FakeRemoteLsa opnum35(UserRight right, String... sids) {
        opnum35Override.put(right, java.util.Arrays.stream(sids).map(Sid::parse).toList());
        return this;
    }

    public FakeRemoteLsa domains(String account, String primary) {
        domains = new PolicyDomains(account, primary);
        return this;
    }

    /** A folder that exists on a share (files imply their folders too). */
    public FakeRemoteLsa folder(String share, String path) {
        folders.add((share + "\\" + path).toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    /** The Group Policy history the registry answers (default: the key exists and lists no GPO). */
    public FakeRemoteLsa history(GpoHistory h) {
        history = h;
        return this;
    }

    /** Makes the registry read fail. */
    public FakeRemoteLsa historyFails(RemoteLsaException e) {
        historyFailure = e;
        return this;
    }

    public FakeRemoteLsa failWith(RemoteLsaException e) {
        failure = e;
        return this;
    }

    public boolean closed() {
        return closed;
    }

    public List<String> calls() {
        return calls;
    }

    private void call(String name) throws RemoteLsaException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        calls.add(name);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public PolicyDomains domains() throws RemoteLsaException {
        call("domains");
        return domains;
    }

    /** The DNS domain the fake machine belongs to; null (the default): a workgroup. */
    public FakeRemoteLsa dnsDomain(String name) {
        dnsDomain = name;
        return this;
    }

    @Override
    public String dnsDomainName() throws RemoteLsaException {
        call("dnsDomainName");
        return dnsDomain;
    }

    @Override
    public List<Sid> enumerateAccounts() throws RemoteLsaException {
        call("enumerateAccounts");
        return List.copyOf(accountRights.keySet());
    }

    @Override
    public List<String> accountRights(Sid sid) throws RemoteLsaException {
        call("accountRights");
        return List.copyOf(accountRights.getOrDefault(sid, List.of()));
    }

    @Override
    public List<Sid> accountsWithRight(UserRight right) throws RemoteLsaException {
        call("accountsWithRight");
        if (unknownToServer.contains(right)) {
            throw new RemoteNoSuchPrivilegeException("\\\\fake", right);
        }
        if (opnum35Override.containsKey(right)) {
            return opnum35Override.get(right);
        }
        return accountRights.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(r -> r.equalsIgnoreCase(right.constantName())))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws RemoteLsaException {
        call("lookupSids");
        Map<Sid, ResolvedName> out = new LinkedHashMap<>();
        for (Sid s : sids) {
            if (names.containsKey(s)) {
                out.put(s, names.get(s));
            }
        }
        return out;
    }

    /** The target's alias {@code alias} holds {@code members} directly (its Account or Builtin domain). */
    public FakeRemoteLsa alias(String alias, String... members) {
        aliases.put(Sid.parse(alias), java.util.Arrays.stream(members).map(Sid::parse).toList());
        return this;
    }

    @Override
    public Map<Sid, List<Sid>> aliasMembership(Collection<Sid> sids) throws RemoteLsaException {
        call("aliasMembership");
        Map<Sid, List<Sid>> out = new LinkedHashMap<>();
        aliases.forEach((alias, members) -> {
            List<Sid> held = members.stream().filter(sids::contains).toList();
            if (!held.isEmpty()) {
                out.put(alias, held);
            }
        });
        return out;
    }

    /** A local user of the fake machine, with its groups in the machine's Account domain (SamrGetGroupsForUser). */
    public FakeRemoteLsa localUser(String name, String sid, String... groups) {
        localAccounts.put(name.toLowerCase(java.util.Locale.ROOT), new LocalAccount(Sid.parse(sid),
                java.util.Arrays.stream(groups).map(Sid::parse).toList()));
        return this;
    }

    @Override
    public LocalAccount localAccount(String name) throws RemoteLsaException {
        call("localAccount");
        return localAccounts.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public byte[] readFile(String share, String path, long maxBytes) throws RemoteLsaException {
        call("readFile");
        byte[] b = files.get(share + "\\" + path);
        if (b == null) {
            throw new RemoteLsaException(RemoteLsaException.Reason.NOT_FOUND, "no such file " + share + "\\" + path);
        }
        if (b.length > maxBytes) {
            throw new RemoteLsaException(RemoteLsaException.Reason.TOO_LARGE, share + "\\" + path + ": file is "
                    + b.length + " bytes, over the limit of " + maxBytes + " bytes");
        }
        return b.clone();
    }

    @Override
    public String unc() {
        return "\\\\WEB01";
    }

    @Override
    public boolean folderExists(String share, String path) throws RemoteLsaException {
        call("folderExists");
        String key = (share + "\\" + path).toLowerCase(java.util.Locale.ROOT);
        return folders.contains(key) || files.keySet().stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith(key + "\\"));
    }

    @Override
    public GpoHistory groupPolicyHistory() throws RemoteLsaException {
        call("groupPolicyHistory");
        if (historyFailure != null) {
            throw historyFailure;
        }
        return history;
    }

    @Override
    public void close() {
        closed = true;
    }
}
