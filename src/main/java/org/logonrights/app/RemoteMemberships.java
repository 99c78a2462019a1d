package org.logonrights.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Provenance;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.DirectoryGroups;
import org.logonrights.platform.remote.DomainDirectory;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteLsaException;

/**
 * The token groups of every SpecificUser pool identity of a remote audit, built the way a logon
 * builds them (docs/remote-audit.md, "Group membership"): the account's transitive domain groups from
 * {@code tokenGroups} on a DC of its domain, minus the DC's own BUILTIN aliases, then the target's
 * aliases for those SIDs (SamrGetAliasMembership on its Account and Builtin domains) until nothing new
 * appears; a local account of the target takes its groups from the target's SAM instead of a DC.
 * An account this cannot read keeps no membership (so D5 leaves it UNKNOWN) and gets a note
 * naming the account, the domain and why.
 */
final class RemoteMemberships {

    /** Note code: an account's groups could not be read remotely; its group entries stay undecided. */
    static final String NOTE_UNRESOLVED = "remote-groups-unresolved";
    /** A SAMR round with more aliases than this is not a real server; stop rather than loop. */
    private static final int MAX_ALIAS_ROUNDS = 8;

    /** Opens the directory of the target's domain; called at most once, and only when a domain account needs it. */
    @FunctionalInterface
    interface DirectoryOpener {
        DomainDirectory open() throws DirectoryException;
    }

    private final RemoteLsa lsa;
    private final String uncHost;
    private final MachineInfo machine;
    private final DirectoryOpener opener;
    private DomainDirectory directory;
    private DirectoryException openFailure;

    RemoteMemberships(RemoteLsa lsa, String uncHost, MachineInfo machine, DirectoryOpener opener) {
        this.lsa = Objects.requireNonNull(lsa, "lsa");
        this.uncHost = Objects.requireNonNull(uncHost, "uncHost");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** One read per distinct SpecificUser account (case-insensitive), in the order pools name them. */
    Memberships read(IisConfiguration iis, List<InputNote> notes) throws RemoteLsaException {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (AppPool pool : iis.pools()) {
            ProcessModel pm = pool.processModel();
            if (pm.identityType() == IdentityType.SPECIFIC_USER && pm.userName() != null && !pm.userName().isBlank()) {
                String user = pm.userName().strip();
                accounts.putIfAbsent(user.toLowerCase(Locale.ROOT), user);
            }
        }
        List<AccountMembership> found = new ArrayList<>();
        try {
            for (String account : accounts.values()) {
                AccountMembership m = readOne(account, notes);
                if (m != null) {
                    found.add(m);
                }
            }
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
        return found.isEmpty() ? Memberships.NONE : new Memberships(found);
    }

    private AccountMembership readOne(String account, List<InputNote> notes) throws RemoteLsaException {
        AccountName name = AccountName.parse(account);
        if (name.isLocalTo(machine)) {
            RemoteLsa.LocalAccount local = lsa.localAccount(name.user());
            if (local != null) {
                return localMembership(account, local);
            }
            if (!name.domain().isEmpty()) {
                notes.add(note(account, uncHost, "the groups of " + account + " could not be read: " + uncHost
                        + " has no local user '" + name.user() + "' (SamrLookupNamesInDomain)"));
                return null;
            }
            // A bare name that is no local user: LogonUser then tries the machine's domain.
        }
        DomainDirectory dir = directory();
        if (dir == null) {
            notes.add(note(account, uncHost, "the groups of " + account + " (domain " + name.domainOr(machine.domain())
                    + ") could not be read: " + openFailure.getMessage()));
            return null;
        }
        if (!name.isIn(dir.realm(), machine.domain())) {
            notes.add(note(account, dir.hostName(), "the groups of " + account + " could not be read: its domain "
                    + name.domain() + " is not the domain " + dir.realm() + " of " + dir.hostName()
                    + " (another domain or forest); supply them with --memberships"));
            return null;
        }
        DirectoryGroups groups;
        try {
            groups = dir.groupsOf(name.user());
        } catch (DirectoryException e) {
            notes.add(note(account, dir.hostName(), "the groups of " + account + " (domain " + dir.realm()
                    + ") could not be read: " + e.getMessage()));
            return null;
        }
        return membership(account, groups, dir.hostName());
    }

    private DomainDirectory directory() {
        if (directory == null && openFailure == null) {
            try {
                directory = opener.open();
            } catch (DirectoryException e) {
                openFailure = e;
            }
        }
        return directory;
    }

    /**
     * tokenGroups without S-1-5-32-x (on a DC they are the DC's BUILTIN memberships, which say nothing
     * of another server's), then the target's aliases, round after round until none is new.
     */
    private AccountMembership membership(String account, DirectoryGroups d, String dc) throws RemoteLsaException {
        Set<Sid> token = new LinkedHashSet<>();
        token.add(d.account());
        List<GroupRoute> routes = new ArrayList<>();
        for (DirectoryGroups.Group g : d.groups()) {
            if (g.sid().isBuiltinAlias()) {
                continue;
            }
            token.add(g.sid());
            if (g.via() != null && !g.via().isBuiltinAlias()) {
                routes.add(new GroupRoute(g.sid(), g.via(), new Provenance(SourceKind.ACCOUNT_LOOKUP, dc, 0,
                        g.link().attribute())));
            }
        }
        addAliases(token, routes);
        token.remove(d.account());
        Map<Sid, String> directoryNames = new LinkedHashMap<>();
        for (DirectoryGroups.Group g : d.groups()) {
            if (g.name() != null) {
                directoryNames.put(g.sid(), g.name());
            }
        }
        Provenance source = new Provenance(SourceKind.ACCOUNT_LOOKUP, null, 0, "tokenGroups on " + dc
                + " and SamrGetAliasMembership on " + uncHost);
        return new AccountMembership(account, d.account(), named(token, directoryNames), MembershipSource.REMOTE_TOKEN_GROUPS,
                true, source, routes);
    }

    /** A local account of the target: its groups in the target's SAM (its primary group), then the aliases. */
    private AccountMembership localMembership(String account, RemoteLsa.LocalAccount local) throws RemoteLsaException {
        Set<Sid> token = new LinkedHashSet<>();
        token.add(local.sid());
        List<GroupRoute> routes = new ArrayList<>();
        Provenance groupsForUser = new Provenance(SourceKind.ACCOUNT_LOOKUP, uncHost, 0, "SamrGetGroupsForUser");
        for (Sid g : local.groups()) {
            if (token.add(g)) {
                routes.add(new GroupRoute(g, local.sid(), groupsForUser));
            }
        }
        addAliases(token, routes);
        token.remove(local.sid());
        Provenance source = new Provenance(SourceKind.ACCOUNT_LOOKUP, null, 0, "SamrGetGroupsForUser and "
                + "SamrGetAliasMembership on " + uncHost);
        return new AccountMembership(account, local.sid(), named(token, Map.of()), MembershipSource.REMOTE_TOKEN_GROUPS,
                true, source, routes);
    }

    /** Adds the target's aliases of the SIDs in {@code token}, round after round until none is new. */
    private void addAliases(Set<Sid> token, List<GroupRoute> routes) throws RemoteLsaException {
        Provenance samr = new Provenance(SourceKind.ACCOUNT_LOOKUP, uncHost, 0, "SamrGetAliasMembership");
        for (int round = 0; round < MAX_ALIAS_ROUNDS; round++) {
            boolean added = false;
            for (Map.Entry<Sid, List<Sid>> alias : lsa.aliasMembership(token).entrySet()) {
                if (token.add(alias.getKey())) {
                    added = true;
                    if (!alias.getValue().isEmpty()) {
                        routes.add(new GroupRoute(alias.getKey(), alias.getValue().get(0), samr));
                    }
                }
            }
            if (!added) {
                return;
            }
        }
    }

    /** The groups named as the target's LSA names them, else as the directory did. */
    private List<Principal> named(Set<Sid> token, Map<Sid, String> fallback) throws RemoteLsaException {
        Map<Sid, ResolvedName> names = lsa.lookupSids(token);
        List<Principal> groups = new ArrayList<>();
        for (Sid sid : token) {
            ResolvedName n = names.get(sid);
            groups.add(new Principal(sid, n != null ? n.qualifiedName() : fallback.get(sid)));
        }
        return groups;
    }

    private static InputNote note(String account, String where, String message) {
        return new InputNote(InputNote.Level.WARNING, NOTE_UNRESOLVED, message,
                new Provenance(SourceKind.ACCOUNT_LOOKUP, where, 0, account));
    }

    /**
     * A pool identity as IIS holds it: {@code DOMAIN\name}, {@code name@dns.domain}, {@code .\name} or
     * a bare {@code name} (which LogonUser looks up locally first).
     */
    record AccountName(String domain, String user, boolean upn) {

        static AccountName parse(String value) {
            String s = value.strip();
            int slash = s.indexOf('\\');
            if (slash >= 0) {
                return new AccountName(s.substring(0, slash), s.substring(slash + 1), false);
            }
            int at = s.lastIndexOf('@');
            if (at > 0) {
                return new AccountName(s.substring(at + 1), s.substring(0, at), true);
            }
            return new AccountName("", s, false);
        }

        boolean isLocalTo(MachineInfo machine) {
            return !upn && (domain.isEmpty() || domain.equals(".")
                    || (machine.name() != null && domain.equalsIgnoreCase(machine.name())));
        }

        /** True when this names an account of the domain with DNS name {@code realm} or NetBIOS name {@code netbios}. */
        boolean isIn(String realm, String netbios) {
            if (domain.isEmpty()) {
                return true; // a bare name, not a local user: LogonUser looks in the machine's domain
            }
            if (upn) {
                return domain.equalsIgnoreCase(realm);
            }
            return domain.equalsIgnoreCase(netbios) || domain.equalsIgnoreCase(realm);
        }

        String domainOr(String fallback) {
            return domain.isEmpty() ? String.valueOf(fallback) : domain;
        }
    }
}
