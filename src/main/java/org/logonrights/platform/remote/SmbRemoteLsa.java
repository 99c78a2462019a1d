package org.logonrights.platform.remote;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.fileinformation.FileStandardInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import com.hierynomus.smbj.share.Share;
import com.rapid7.client.dcerpc.RPCException;
import com.rapid7.client.dcerpc.dto.SID;
import com.rapid7.client.dcerpc.mslsad.dto.PolicyDomainInfo;
import com.rapid7.client.dcerpc.mslsad.dto.PolicyHandle;
import com.rapid7.client.dcerpc.mssamr.SecurityAccountManagerService;
import com.rapid7.client.dcerpc.mssamr.dto.AliasHandle;
import com.rapid7.client.dcerpc.mssamr.dto.DomainHandle;
import com.rapid7.client.dcerpc.mssamr.dto.Membership;
import com.rapid7.client.dcerpc.mssamr.dto.MembershipWithAttributes;
import com.rapid7.client.dcerpc.mssamr.dto.MembershipWithUse;
import com.rapid7.client.dcerpc.mssamr.dto.ServerHandle;
import com.rapid7.client.dcerpc.mssamr.dto.UserHandle;
import com.rapid7.client.dcerpc.objects.RPCSID;
import com.rapid7.client.dcerpc.transport.SMBTransportFactories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;
import org.logonrights.platform.remote.RemoteLsaException.Reason;

/**
 * {@link RemoteLsa} over SMB 2/3 (smbj) and MS-LSAD on {@code \pipe\lsarpc} (rapid7 dcerpc).
 *
 * <p>Signing is required and encryption used whenever the server offers SMB 3: the audit must not
 * read a policy an attacker on the path could rewrite, and a guest session (which cannot sign) is
 * refused rather than audited.
 */
final class SmbRemoteLsa implements RemoteLsa {

    /** MS-LSAD 2.2.1.1.2: the least access that reads account rights and translates SIDs. */
    static final int POLICY_VIEW_LOCAL_INFORMATION = 0x00000001;
    static final int POLICY_LOOKUP_NAMES = 0x00000800;
    static final int POLICY_ACCESS = POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION;
    private static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    /** MS-SAMR 2.2.1: the least access that lists a SID's aliases and an alias's members. */
    static final int SAM_SERVER_LOOKUP_DOMAIN = 0x00000020;
    static final int SAM_SERVER_CONNECT = 0x00000001;
    static final int DOMAIN_LOOKUP = 0x00000200;
    static final int ALIAS_LIST_MEMBERS = 0x00000004;
    static final Sid BUILTIN_DOMAIN = Sid.parse("S-1-5-32");
    static final int USER_LIST_GROUPS = 0x00000100;
    /** SamrLookupNamesInDomain: none of the names exists. */
    private static final int STATUS_NONE_MAPPED = 0xC0000073;

    /** The winreg pipe is absent (Remote Registry stopped), or busy starting (MS-SMB2 3.3.5.9). */
    private static final long STATUS_PIPE_NOT_AVAILABLE = 0xC00000ACL;
    private static final long STATUS_OBJECT_NAME_NOT_FOUND_L = 0xC0000034L;

    private final RemoteTarget target;
    private final SmbFailures failures;
    private final SMBClient client;
    private final Session session;
    private final LsaRpcService lsa;
    private PolicyHandle policy;

    private SmbRemoteLsa(RemoteTarget target, SmbFailures failures, SMBClient client, Session session,
                         LsaRpcService lsa, PolicyHandle policy) {
        this.target = target;
        this.failures = failures;
        this.client = client;
        this.session = session;
        this.lsa = lsa;
        this.policy = policy;
    }

    static SmbRemoteLsa open(RemoteTarget target, RemoteAccount account, char[] password) throws RemoteLsaException {
        SmbFailures failures = new SmbFailures(target, account);
        SMBClient client = new SMBClient(config(target));
        String doing = "connecting";
        try {
            Connection connection = client.connect(target.host(), target.port());
            doing = "logging on";
            Session session = logOn(connection, account, password);
            doing = "opening \\pipe\\lsarpc";
            LsaRpcService lsa = new LsaRpcService(SMBTransportFactories.LSASVC.getTransport(session));
            doing = "opening the LSA policy (LsarOpenPolicy2)";
            PolicyHandle policy = lsa.openPolicyHandle("", POLICY_ACCESS);
            return new SmbRemoteLsa(target, failures, client, session, lsa, policy);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw failures.classify(e, doing);
        }
    }

    /** Logs on; smbj keeps its own copy of the password for the session's lifetime, so the logon's copy is wiped. */
    private static Session logOn(Connection connection, RemoteAccount account, char[] password) {
        AuthenticationContext credentials = new AuthenticationContext(account.name(), password, account.domain());
        try {
            return connection.authenticate(credentials);
        } finally {
            Arrays.fill(credentials.getPassword(), '\0');
        }
    }

    /** A session for files only: connects and logs on, opens no pipe. */
    static RemoteFiles openFiles(RemoteTarget target, RemoteAccount account, char[] password) throws RemoteLsaException {
        SmbFailures failures = new SmbFailures(target, account);
        SMBClient client = new SMBClient(config(target));
        String doing = "connecting";
        try {
            Connection connection = client.connect(target.host(), target.port());
            doing = "logging on";
            Session session = logOn(connection, account, password);
            return new SessionFiles(target, failures, client, session);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw failures.classify(e, doing);
        }
    }

    /** {@link RemoteFiles} over a session of its own, closed with it. */
    private record SessionFiles(RemoteTarget target, SmbFailures failures, SMBClient client, Session session)
            implements RemoteFiles {
        @Override
        public String unc() {
            return target.unc();
        }

        @Override
        public byte[] readFile(String share, String path, long maxBytes) throws RemoteLsaException {
            return SmbRemoteLsa.readFile(session, target, failures, share, path, maxBytes);
        }

        @Override
        public boolean folderExists(String share, String path) throws RemoteLsaException {
            return SmbRemoteLsa.folderExists(session, target, failures, share, path);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static SmbConfig config(RemoteTarget target) {
        long millis = target.timeout().toMillis();
        return SmbConfig.builder()
                .withSocketFactory(new BoundedConnectSocketFactory((int) millis))
                .withTimeout(millis, TimeUnit.MILLISECONDS)
                .withSoTimeout(millis, TimeUnit.MILLISECONDS)
                .withSigningRequired(true)
                .withEncryptData(true)
                .withDfsEnabled(false)
                .build();
    }

    @Override
    public PolicyDomains domains() throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        try {
            PolicyDomainInfo account = lsa.getPolicyAccountDomainInformation(h);
            PolicyDomainInfo primary = lsa.getPolicyPrimaryDomainInformation(h);
            return new PolicyDomains(account == null ? null : account.getDomainName(),
                    primary == null ? null : primary.getDomainName());
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "querying the policy's domains (LsarQueryInformationPolicy)");
        }
    }

    @Override
    public String dnsDomainName() throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        try {
            LsarQueryDnsDomainInformation.Info info = lsa.dnsDomainInformation(h);
            String name = info == null ? null : info.dnsDomainName();
            return name == null || name.isBlank() ? null : name.strip();
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "querying the policy's DNS domain (LsarQueryInformationPolicy)");
        }
    }

    @Override
    public List<Sid> enumerateAccounts() throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        try {
            List<Sid> out = new ArrayList<>();
            for (RPCSID s : lsa.enumerateAccounts(h)) {
                if (s != null) {
                    out.add(toSid(s));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "enumerating accounts (LsarEnumerateAccounts)");
        }
    }

    @Override
    public List<String> accountRights(Sid sid) throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        try {
            return List.of(lsa.getAccountRights(h, toRapid7(sid)));
        } catch (RPCException e) {
            if (e.getReturnValue() == STATUS_OBJECT_NAME_NOT_FOUND) {
                return List.of(); // no account object: the SID holds nothing (MS-LSAD 3.1.4.5.10)
            }
            throw failures.classify(e, "reading the rights of " + sid + " (LsarEnumerateAccountRights)");
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "reading the rights of " + sid + " (LsarEnumerateAccountRights)");
        }
    }

    @Override
    public List<Sid> accountsWithRight(UserRight right) throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        try {
            List<Sid> out = new ArrayList<>();
            for (SID s : lsa.getAccountsWithUserRight(h, right.constantName())) {
                if (s != null) {
                    out.add(toSid(s));
                }
            }
            return out;
        } catch (RPCException e) {
            if (e.getReturnValue() == RemoteNoSuchPrivilegeException.STATUS_NO_SUCH_PRIVILEGE) {
                throw new RemoteNoSuchPrivilegeException(target.describe(), right);
            }
            throw failures.classify(e, "listing the holders of " + right.constantName() + " (LsarEnumerateAccountsWithUserRight)");
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "listing the holders of " + right.constantName() + " (LsarEnumerateAccountsWithUserRight)");
        }
    }

    @Override
    public Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        List<Sid> unique = new ArrayList<>(new LinkedHashSet<>(sids));
        Map<Sid, ResolvedName> names = new LinkedHashMap<>();
        try {
            for (int from = 0; from < unique.size(); from += MAX_SIDS_PER_LOOKUP) {
                List<Sid> batch = unique.subList(from, Math.min(unique.size(), from + MAX_SIDS_PER_LOOKUP));
                List<LsaRpcService.TranslatedName> translated =
                        lsa.lookupSids(h, batch.stream().map(SmbRemoteLsa::toRapid7).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Sid sid = batch.get(i);
                    resolved(translated.get(i)).ifPresent(n -> names.put(sid, n));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, "translating SIDs (LsarLookupSids)");
        }
        return names;
    }

    /** The same shape the local reader gives: a domain SID is named by its domain alone. */
    static Optional<ResolvedName> resolved(LsaRpcService.TranslatedName t) {
        if (t == null) {
            return Optional.empty();
        }
        SidNameUse use = SidNameUse.fromCode(t.use()).orElse(SidNameUse.UNKNOWN);
        String domain = t.domain() == null ? "" : t.domain();
        String name = use == SidNameUse.DOMAIN ? "" : t.name();
        if (domain.isEmpty() && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedName(domain, name, use));
    }

    @Override
    public Map<Sid, List<Sid>> aliasMembership(Collection<Sid> sids) throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        List<Sid> unique = new ArrayList<>(new LinkedHashSet<>(sids));
        Map<Sid, List<Sid>> out = new LinkedHashMap<>();
        if (unique.isEmpty()) {
            return out;
        }
        String doing = "reading the account domain (LsarQueryInformationPolicy)";
        try {
            PolicyDomainInfo account = lsa.getPolicyAccountDomainInformation(h);
            doing = "opening \\pipe\\samr";
            SecurityAccountManagerService samr = new SecurityAccountManagerService(
                    SMBTransportFactories.SAMSVC.getTransport(session));
            doing = "connecting to the SAM (SamrConnect)";
            ServerHandle server = samr.openServer("", SAM_SERVER_CONNECT | SAM_SERVER_LOOKUP_DOMAIN);
            try {
                SID[] array = unique.stream().map(SmbRemoteLsa::toRapid7).toArray(SID[]::new);
                List<Sid> domains = new ArrayList<>();
                if (account != null && account.getDomainSID() != null) {
                    domains.add(toSid(account.getDomainSID()));
                }
                domains.add(BUILTIN_DOMAIN);
                for (Sid domainSid : domains) {
                    doing = "listing the aliases of " + domainSid + " that hold the account (SamrGetAliasMembership)";
                    DomainHandle domain = samr.openDomain(server, toRapid7(domainSid), DOMAIN_LOOKUP);
                    try {
                        for (Membership m : samr.getAliasMembership(domain, array)) {
                            Sid alias = domainSid.child(m.getRelativeID());
                            doing = "listing the members of " + alias + " (SamrGetMembersInAlias)";
                            AliasHandle handle = samr.openAlias(domain, m.getRelativeID(), ALIAS_LIST_MEMBERS);
                            try {
                                List<Sid> holders = new ArrayList<>();
                                for (SID member : samr.getMembersInAlias(handle)) {
                                    Sid sid = toSid(member);
                                    if (unique.contains(sid)) {
                                        holders.add(sid);
                                    }
                                }
                                out.put(alias, holders);
                            } finally {
                                samr.closeHandle(handle);
                            }
                        }
                    } finally {
                        samr.closeHandle(domain);
                    }
                }
            } finally {
                samr.closeHandle(server);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, doing);
        }
    }

    @Override
    public LocalAccount localAccount(String name) throws RemoteLsaException {
        PolicyHandle h = requireOpen();
        String doing = "reading the account domain (LsarQueryInformationPolicy)";
        try {
            PolicyDomainInfo account = lsa.getPolicyAccountDomainInformation(h);
            if (account == null || account.getDomainSID() == null) {
                return null;
            }
            Sid domainSid = toSid(account.getDomainSID());
            doing = "opening \\pipe\\samr";
            SecurityAccountManagerService samr = new SecurityAccountManagerService(
                    SMBTransportFactories.SAMSVC.getTransport(session));
            ServerHandle server = samr.openServer("", SAM_SERVER_CONNECT | SAM_SERVER_LOOKUP_DOMAIN);
            try {
                DomainHandle domain = samr.openDomain(server, toRapid7(domainSid), DOMAIN_LOOKUP);
                try {
                    doing = "looking up the local account " + name + " (SamrLookupNamesInDomain)";
                    MembershipWithUse[] found; // an unmapped name is a null element, or STATUS_NONE_MAPPED
                    try {
                        found = samr.lookupNamesInDomain(domain, name);
                    } catch (RPCException e) {
                        if (e.getReturnValue() == STATUS_NONE_MAPPED) {
                            return null;
                        }
                        throw e;
                    }
                    if (found.length == 0 || found[0] == null || found[0].getUseValue() != SidNameUse.USER.code()) {
                        return null;
                    }
                    long rid = found[0].getRelativeID();
                    doing = "reading the groups of the local account " + name + " (SamrGetGroupsForUser)";
                    UserHandle user = samr.openUser(domain, rid, USER_LIST_GROUPS);
                    try {
                        List<Sid> groups = new ArrayList<>();
                        for (MembershipWithAttributes g : samr.getGroupsForUser(user)) {
                            groups.add(domainSid.child(g.getRelativeID()));
                        }
                        return new LocalAccount(domainSid.child(rid), groups);
                    } finally {
                        samr.closeHandle(user);
                    }
                } finally {
                    samr.closeHandle(domain);
                }
            } finally {
                samr.closeHandle(server);
            }
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, doing);
        }
    }

    @Override
    public String unc() {
        return target.unc();
    }

    @Override
    public byte[] readFile(String shareName, String path, long maxBytes) throws RemoteLsaException {
        requireOpen();
        return readFile(session, target, failures, shareName, path, maxBytes);
    }

    @Override
    public boolean folderExists(String shareName, String path) throws RemoteLsaException {
        requireOpen();
        return folderExists(session, target, failures, shareName, path);
    }

    static byte[] readFile(Session session, RemoteTarget target, SmbFailures failures, String shareName, String path,
                           long maxBytes) throws RemoteLsaException {
        String where = target.unc() + "\\" + shareName + "\\" + path;
        String doing = "connecting to share " + target.unc() + "\\" + shareName;
        try {
            Share share = session.connectShare(shareName);
            try (share) {
                if (!(share instanceof DiskShare disk)) {
                    throw new RemoteLsaException(Reason.NOT_FOUND, target.unc() + "\\" + shareName + " is not a disk share");
                }
                doing = "reading " + where;
                try (File file = disk.openFile(path,
                        EnumSet.of(AccessMask.FILE_READ_DATA, AccessMask.FILE_READ_ATTRIBUTES, AccessMask.SYNCHRONIZE),
                        null, SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OPEN,
                        EnumSet.of(SMB2CreateOptions.FILE_NON_DIRECTORY_FILE))) {
                    long size = file.getFileInformation(FileStandardInformation.class).getEndOfFile();
                    if (size > maxBytes) {
                        throw tooLarge(where, size, maxBytes);
                    }
                    try (InputStream in = file.getInputStream()) {
                        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
                        if (bytes.length > maxBytes) {
                            throw tooLarge(where, bytes.length, maxBytes); // it grew while we read
                        }
                        return bytes;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw failures.classify(e.getCause(), doing);
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, doing);
        }
    }

    static boolean folderExists(Session session, RemoteTarget target, SmbFailures failures, String shareName, String path)
            throws RemoteLsaException {
        String doing = "connecting to share " + target.unc() + "\\" + shareName;
        try {
            Share share = session.connectShare(shareName);
            try (share) {
                if (!(share instanceof DiskShare disk)) {
                    throw new RemoteLsaException(Reason.NOT_FOUND, target.unc() + "\\" + shareName + " is not a disk share");
                }
                doing = "looking for the folder " + target.unc() + "\\" + shareName + "\\" + path;
                return disk.folderExists(path);
            }
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, doing);
        }
    }

    @Override
    public GpoHistory groupPolicyHistory() throws RemoteLsaException {
        requireOpen();
        String key = "HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY;
        RegistryRpcService registry;
        try {
            registry = new RegistryRpcService(SMBTransportFactories.WINREG.getTransport(session));
        } catch (IOException | RuntimeException e) {
            Long status = SmbFailures.status(e);
            if (status != null && (status == STATUS_OBJECT_NAME_NOT_FOUND_L || status == STATUS_PIPE_NOT_AVAILABLE)) {
                throw new RemoteLsaException(Reason.SERVICE_NOT_RUNNING, "the Remote Registry service of " + target.host()
                        + " does not answer on \\pipe\\winreg (" + SmbFailures.statusName(status) + "); start it with "
                        + "'sc \\\\" + target.host() + " start RemoteRegistry' (it is Manual or Disabled by default on client "
                        + "editions)", e);
            }
            throw failures.classify(e, "opening \\pipe\\winreg");
        }
        byte[] hklm = null;
        byte[] history = null;
        String doing = "opening HKLM (OpenLocalMachine)";
        try {
            hklm = registry.openLocalMachine();
            doing = "opening " + key;
            try {
                history = registry.openKey(hklm, GpoHistory.SECURITY_EXTENSION_KEY);
            } catch (RPCException e) {
                if (e.getReturnValue() == RegistryRpcService.ERROR_FILE_NOT_FOUND) {
                    return new GpoHistory(false, key, List.of());
                }
                throw e;
            }
            doing = "listing the subkeys of " + key;
            List<GpoHistory.Entry> entries = new ArrayList<>();
            for (String name : registry.subKeys(history)) {
                if (name == null || !name.matches("\\d{1,9}")) {
                    continue; // only the numbered subkeys are GPOs
                }
                doing = "reading " + key + "\\" + name;
                byte[] k = registry.openKey(history, name);
                try {
                    entries.add(new GpoHistory.Entry(Integer.parseInt(name), text(registry, k, "DisplayName"),
                            text(registry, k, "GPOName"), text(registry, k, "FileSysPath"), text(registry, k, "DSPath"),
                            text(registry, k, "Link"), number(registry, k, "GPOLink"), number(registry, k, "Options"),
                            number(registry, k, "Version")));
                } finally {
                    registry.close(k);
                }
            }
            entries.sort(java.util.Comparator.comparingInt(GpoHistory.Entry::index));
            return new GpoHistory(true, key, entries);
        } catch (RPCException e) {
            if (e.getReturnValue() == RegistryRpcService.ERROR_ACCESS_DENIED) {
                throw new RemoteLsaException(Reason.ACCESS_DENIED, "access denied while " + doing + " on " + target.describe()
                        + " (Win32 error 5): reading the registry remotely needs an administrator of " + target.host(), e);
            }
            throw new RemoteLsaException(Reason.PROTOCOL, doing + " on " + target.describe() + " failed: Win32 error "
                    + e.getReturnValue(), e);
        } catch (IOException | RuntimeException e) {
            throw failures.classify(e, doing);
        } finally {
            registry.close(history);
            registry.close(hklm);
        }
    }

    private static String text(RegistryRpcService registry, byte[] key, String name) throws IOException {
        return registry.value(key, name) instanceof String s ? s : null;
    }

    private static Integer number(RegistryRpcService registry, byte[] key, String name) throws IOException {
        return registry.value(key, name) instanceof Integer i ? i : null;
    }

    private static RemoteLsaException tooLarge(String where, long size, long max) {
        return new RemoteLsaException(Reason.TOO_LARGE, where + ": file is " + size + " bytes, over the limit of "
                + max + " bytes (raise it with --max-input-size)");
    }

    @Override
    public void close() {
        PolicyHandle h = policy;
        policy = null;
        try {
            if (h != null) {
                lsa.closePolicyHandle(h);
            }
        } catch (IOException | RuntimeException e) {
            // Closing is best effort: the session's end releases the handle on the server anyway.
        } finally {
            client.close();
        }
    }

    private PolicyHandle requireOpen() {
        if (policy == null) {
            throw new IllegalStateException("the remote LSA policy is closed");
        }
        return policy;
    }

    static Sid toSid(RPCSID s) {
        return Sid.of(authority(s.getIdentifierAuthority()), s.getSubAuthority());
    }

    static Sid toSid(SID s) {
        return Sid.of(authority(s.getIdentifierAuthority()), s.getSubAuthorities());
    }

    private static long authority(byte[] six) {
        long a = 0;
        for (byte b : six) {
            a = (a << 8) | (b & 0xFF);
        }
        return a;
    }

    static SID toRapid7(Sid sid) {
        byte[] authority = new byte[6];
        long a = sid.authority();
        for (int i = 5; i >= 0; i--) {
            authority[i] = (byte) (a & 0xFF);
            a >>>= 8;
        }
        long[] subs = sid.subAuthorities().stream().mapToLong(Long::longValue).toArray();
        return new SID((byte) 1, authority, subs);
    }
}
