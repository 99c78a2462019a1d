package org.logonrights.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UnknownRight;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;

/**
 * Replaces the names and domain-specific SIDs of a snapshot with stable pseudonyms, so a support
 * engineer can attach the result to a ticket. Well-known SIDs and names are kept; every pseudonym
 * is consistent within one run (the same input gives the same pseudonym), which keeps every verdict
 * unchanged: pool SIDs are recomputed from the pseudonymous pool names, and an account keeps its
 * match with its memberships and with the right entries that name it.
 */
public final class SnapshotRedactor {

    private static final Pattern DOMAIN_SID = Pattern.compile("S-1-5-21-(\\d+)-(\\d+)-(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_SID = Pattern.compile("S-1-5-(?:21|82)(?:-\\d+)+", Pattern.CASE_INSENSITIVE);

    /** Built-in local account names: the same on every Windows machine, so they identify nobody. */
    static final java.util.Set<String> BUILT_IN_ACCOUNTS = java.util.Set.of("guest", "administrator", "defaultaccount",
            "wdagutilityaccount");

    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, String> pools = new HashMap<>();
    private final Map<String, String> sites = new HashMap<>();
    private final Map<String, String> gpoNames = new HashMap<>();
    private final Map<String, String> domainSids = new HashMap<>();
    private final Map<Sid, Sid> poolSids = new HashMap<>();
    /** Original text to pseudonym, applied to free text (messages, XML paths), longest first. */
    private final Map<String, String> scrub = new LinkedHashMap<>();
    private String machineName;

    private SnapshotRedactor() {
    }

    /** Redacts a snapshot. */
    public static Snapshot redact(Snapshot s) {
        SnapshotRedactor r = new SnapshotRedactor();
        // The first pass learns every name, so the second can scrub free text that mentions a name
        // met later in the traversal; pseudonyms do not change between the passes.
        r.run(s);
        return r.run(s);
    }

    private Snapshot run(Snapshot s) {
        // Learn every name first, so free text can be scrubbed consistently afterwards.
        if (s.machine().name() != null) {
            machineName = s.machine().name();
            pseudonym(domains, machineName, "HOST");
        }
        if (s.machine().domain() != null) {
            pseudonym(domains, s.machine().domain(), "DOMAIN");
        }
        for (AppPool p : s.iis().pools()) {
            String alias = pseudonym(pools, p.name(), "pool");
            poolSids.put(p.virtualAccountSid(), VirtualAccounts.appPoolSid(alias));
        }
        for (Application a : s.iis().applications()) {
            pseudonym(sites, a.siteName(), "site");
        }
        MachineInfo m = s.machine();
        MachineInfo machine = new MachineInfo(name(m.name()), name(m.domain()), m.osVersion(), m.iisVersion());
        EffectiveRights rights = rights(s.rights());
        IisConfiguration iis = iis(s.iis());
        Memberships memberships = new Memberships(s.memberships().accounts().stream().map(this::membership).toList());
        GroupPolicy gp = s.groupPolicy() == null ? null : groupPolicy(s.groupPolicy());
        List<InputNote> notes = s.notes().stream()
                .map(n -> new InputNote(n.level(), n.code(), text(n.message()), provenance(n.provenance()))).toList();
        return new Snapshot(machine, rights, iis, memberships, gp, notes);
    }

    private EffectiveRights rights(EffectiveRights r) {
        Map<UserRight, RightAssignment> map = new LinkedHashMap<>();
        r.assignments().forEach((right, a) -> map.put(right, new RightAssignment(right,
                a.entries().stream().map(this::entry).toList(), provenance(a.provenance()))));
        List<UnknownRight> unknown = r.unknownRights().stream()
                .map(u -> new UnknownRight(u.name(), provenance(u.provenance()))).toList();
        return new EffectiveRights(map, unknown, provenance(r.source()));
    }

    private IisConfiguration iis(IisConfiguration c) {
        List<AppPool> ps = new ArrayList<>();
        for (AppPool p : c.pools()) {
            ProcessModel pm = p.processModel();
            ProcessModel redacted = new ProcessModel(pm.identityType(), account(pm.userName()), pm.logonType(),
                    pm.manualGroupMembership(), pm.loadUserProfile(), pm.setProfileEnvironment(), pm.password(), pm.origins());
            ps.add(new AppPool(pools.get(key(p.name())), redacted, p.startMode(), p.autoStart(), p.managedRuntimeVersion(),
                    provenance(p.provenance())));
        }
        List<Application> apps = c.applications().stream().map(a -> new Application(sites.get(key(a.siteName())),
                text(a.path()), a.poolName() == null ? null : poolName(a.poolName()), a.poolSource(),
                provenance(a.provenance()))).toList();
        List<CredentialUse> creds = c.credentials().stream().map(u -> new CredentialUse(account(u.userName()),
                text(u.context()), u.requiredRight(), u.password(), provenance(u.provenance()))).toList();
        return new IisConfiguration(c.kind(), ps, apps, creds, provenance(c.source()));
    }

    private AccountMembership membership(AccountMembership a) {
        return new AccountMembership(account(a.account()), sid(a.sid()),
                a.groups().stream().map(this::principal).toList(), a.source(), a.complete(), provenance(a.provenance()));
    }

    private GroupPolicy groupPolicy(GroupPolicy g) {
        List<GpoInfo> gpos = g.gpos().stream().map(this::gpo).toList();
        List<GpoRightSetting> settings = g.settings().stream().map(s -> new GpoRightSetting(s.right(), gpo(s.gpo()),
                s.precedence(), s.members().stream().map(this::entry).toList(), provenance(s.provenance()))).toList();
        return new GroupPolicy(gpos, settings, g.sources().stream().map(this::provenance).toList());
    }

    private GpoInfo gpo(GpoInfo g) {
        String name = g.displayName();
        if (name != null && !"Local Group Policy".equals(name) && !name.equalsIgnoreCase(g.id())) {
            name = pseudonym(gpoNames, name, "GPO");
        }
        return new GpoInfo(g.id(), name, name(g.domain()));
    }

    private RightEntry entry(RightEntry e) {
        return new RightEntry(principal(e.principal()), provenance(e.provenance()));
    }

    private Principal principal(Principal p) {
        Sid sid = sid(p.sid());
        String name = p.name() == null ? null : account(p.name());
        return new Principal(sid, name);
    }

    /** Keeps well-known SIDs; maps domain SIDs per domain (keeping the RID) and pool SIDs per pool. */
    private Sid sid(Sid sid) {
        if (sid == null || WellKnownSids.isWellKnown(sid)) {
            return sid;
        }
        if (sid.isAppPoolSid()) {
            return poolSids.computeIfAbsent(sid, s -> VirtualAccounts.appPoolSid("orphan-" + (poolSids.size() + 1)));
        }
        Matcher m = DOMAIN_SID.matcher(sid.toString());
        if (m.lookingAt()) {
            String domain = m.group(0).toUpperCase(Locale.ROOT);
            String alias = domainSids.computeIfAbsent(domain, d -> {
                int n = domainSids.size() + 1;
                return "S-1-5-21-" + (1000000000L + n) + "-" + (2000000000L + n) + "-" + (3000000000L + n);
            });
            return Sid.parse(alias + sid.toString().substring(m.end()));
        }
        return sid;
    }

    /** Maps "DOMAIN\name", ".\name", "name" and "name@domain"; well-known and service names are kept. */
    private String account(String name) {
        if (name == null || name.isBlank() || WellKnownSids.sidOf(name).isPresent()
                || BUILT_IN_ACCOUNTS.contains(key(name))) {
            return name;
        }
        String n = name.strip();
        int slash = n.indexOf('\\');
        if (slash >= 0) {
            String domain = n.substring(0, slash);
            String user = n.substring(slash + 1);
            if (domain.equalsIgnoreCase(VirtualAccounts.APP_POOL_DOMAIN)) {
                return domain + "\\" + poolName(user);
            }
            if (domain.equalsIgnoreCase(VirtualAccounts.SERVICE_DOMAIN) || domain.equalsIgnoreCase("NT AUTHORITY")
                    || domain.equalsIgnoreCase("BUILTIN")) {
                return n;
            }
            String d = domain.equals(".") ? "." : pseudonym(domains, domain, "DOMAIN");
            return d + "\\" + pseudonym(accounts, user, "account");
        }
        int at = n.indexOf('@');
        if (at > 0) {
            return pseudonym(accounts, n.substring(0, at), "account") + "@" + pseudonym(domains, n.substring(at + 1), "DOMAIN")
                    .toLowerCase(Locale.ROOT) + ".example";
        }
        return pseudonym(accounts, n, "account");
    }

    private String poolName(String name) {
        return pseudonym(pools, name, "pool");
    }

    private String name(String value) {
        return value == null ? null : pseudonym(domains, value, "DOMAIN");
    }

    private Provenance provenance(Provenance p) {
        if (p == null) {
            return null;
        }
        String file = p.file() == null ? null : canonicalFile(p.kind());
        return new Provenance(p.kind(), file, p.line(), text(p.element()));
    }

    /** File paths can carry user and host names: only the kind of file survives. */
    private static String canonicalFile(SourceKind kind) {
        return switch (kind) {
            case SECEDIT_EXPORT -> "secedit.inf";
            case GPO_TEMPLATE -> "GptTmpl.inf";
            case GPRESULT -> "gpresult.xml";
            case APPLICATION_HOST -> "applicationHost.config";
            case MEMBERSHIPS -> "memberships.json";
            case SNAPSHOT -> "snapshot.json";
            case LSA -> "\\\\" + "HOST";
            case RSOP -> "root\\rsop\\computer";
            case ACCOUNT_LOOKUP -> "account lookup";
            case COMPUTED -> null;
        };
    }

    /** Replaces every learned original name and every domain or pool SID in free text. */
    private String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = s;
        Matcher m = ANY_SID.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Sid original = Sid.tryParse(m.group()).orElse(null);
            m.appendReplacement(b, Matcher.quoteReplacement(original == null ? "S-1-5-REDACTED" : sid(original).toString()));
        }
        m.appendTail(b);
        out = b.toString();
        List<Map.Entry<String, String>> pairs = new ArrayList<>(scrub.entrySet());
        pairs.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, String> e : pairs) {
            out = Pattern.compile(Pattern.quote(e.getKey()), Pattern.CASE_INSENSITIVE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }

    private String pseudonym(Map<String, String> table, String original, String prefix) {
        String k = key(original);
        String existing = table.get(k);
        if (existing != null) {
            return existing;
        }
        String alias = prefix + "-" + (table.size() + 1);
        table.put(k, alias);
        if (original.strip().length() >= 3) {
            scrub.putIfAbsent(original.strip(), alias);
        }
        return alias;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
