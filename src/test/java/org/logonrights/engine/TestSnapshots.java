package org.logonrights.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.LogonType;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.PasswordState;
import org.logonrights.model.PoolSource;
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
import org.logonrights.model.ValueOrigin;

/**
 * Builds snapshots in code for engine tests: the CONTOSO / SRV-WEB01 world of the shared samples,
 * with the rights, pools, memberships and GPOs each test needs.
 */
final class TestSnapshots {

    static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    static final Sid BATCH_ACCOUNTS = Sid.parse(DOMAIN_SID + "-1108");
    static final Sid SVC_REPORTS = Sid.parse(DOMAIN_SID + "-1127");
    static final Sid DOMAIN_USERS = Sid.parse(DOMAIN_SID + "-513");
    static final GpoInfo LOCKDOWN = new GpoInfo("{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}",
            "CONTOSO Web Servers - User Rights Lockdown", "contoso.com");

    private final Map<UserRight, List<RightEntry>> rights = new EnumMap<>(UserRight.class);
    private final List<AppPool> pools = new ArrayList<>();
    private final List<AccountMembership> memberships = new ArrayList<>();
    private final List<GpoRightSetting> gpoSettings = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    private final List<UnknownRight> unknownRights = new ArrayList<>();
    private String machineName = "SRV-WEB01";
    private ConfigKind kind = ConfigKind.SERVER;
    private boolean gpoData;
    private int line = 3;

    static TestSnapshots server() {
        return new TestSnapshots();
    }

    /** Adds entries ("*S-1-…" for a SID, anything else a name) to a right, as a secedit export lists them. */
    TestSnapshots right(UserRight right, String... entries) {
        List<RightEntry> list = rights.computeIfAbsent(right, r -> new ArrayList<>());
        int l = line++;
        for (String e : entries) {
            list.add(new RightEntry(principal(e), Provenance.at(SourceKind.SECEDIT_EXPORT, "secedit.inf", l)));
        }
        return this;
    }

    TestSnapshots gpo(UserRight right, GpoInfo gpo, int precedence, String... members) {
        gpoData = true;
        List<RightEntry> list = new ArrayList<>();
        for (String e : members) {
            list.add(new RightEntry(principal(e), Provenance.at(SourceKind.GPRESULT, "gpresult.xml", 40)));
        }
        gpoSettings.add(new GpoRightSetting(right, gpo, precedence, list, Provenance.at(SourceKind.GPRESULT, "gpresult.xml", 39)));
        return this;
    }

    /** Marks that Group Policy data was supplied, even if it defines no logon right. */
    TestSnapshots withGroupPolicyData() {
        gpoData = true;
        return this;
    }

    TestSnapshots appPoolIdentity(String name) {
        return pool(name, IdentityType.APPLICATION_POOL_IDENTITY, null, LogonType.LOGON_BATCH, false);
    }

    TestSnapshots builtIn(String name, IdentityType type) {
        return pool(name, type, null, LogonType.LOGON_BATCH, false);
    }

    TestSnapshots specificUser(String name, String user, LogonType logonType, boolean manualGroupMembership) {
        return pool(name, IdentityType.SPECIFIC_USER, user, logonType, manualGroupMembership);
    }

    TestSnapshots pool(String name, IdentityType type, String user, LogonType logonType, boolean manual) {
        return pool(name, type, user, logonType, manual, Map.of("identityType", ValueOrigin.POOL));
    }

    TestSnapshots member(String account, Sid sid, String... groups) {
        return member(account, sid, MembershipSource.FILE, true, groups);
    }

    /**
     * A pool whose processModel attributes come from where {@code origins} says (the others are IIS
     * schema defaults), as the applicationHost parser reports them.
     */
    TestSnapshots pool(String name, IdentityType type, String user, LogonType logonType, boolean manual,
                       Map<String, ValueOrigin> origins) {
        ProcessModel pm = new ProcessModel(type, user, logonType, manual, true, false,
                user == null ? PasswordState.NONE : PasswordState.classify("[enc:IISWASOnlyCngProvider:AAAA:enc]"), origins);
        pools.add(new AppPool(name, pm, "OnDemand", true, "v4.0",
                new Provenance(SourceKind.APPLICATION_HOST, "applicationHost.config", 100 + pools.size(), null)));
        return this;
    }

    /** Group membership read another way than from a file; {@code complete} false as the NetAPI fallback reports it. */
    TestSnapshots member(String account, Sid sid, MembershipSource source, boolean complete, String... groups) {
        List<Principal> gs = new ArrayList<>();
        for (String g : groups) {
            gs.add(principal(g));
        }
        memberships.add(new AccountMembership(account, sid, gs, source, complete,
                Provenance.at(SourceKind.MEMBERSHIPS, "memberships.json", 2)));
        return this;
    }

    /** An application of a site, served by {@code pool} (null: none), as applicationHost.config resolves it. */
    TestSnapshots application(String site, String path, String pool, PoolSource source) {
        applications.add(new Application(site, path, pool, source,
                Provenance.at(SourceKind.APPLICATION_HOST, "applicationHost.config", 200 + applications.size())));
        return this;
    }

    /** A right name the security template lists that Windows does not know. */
    TestSnapshots unknownRight(String name) {
        unknownRights.add(new UnknownRight(name, Provenance.at(SourceKind.SECEDIT_EXPORT, "secedit.inf", line++)));
        return this;
    }

    /** The audited machine's NetBIOS name; null when the inputs do not tell it. */
    TestSnapshots machineName(String name) {
        machineName = name;
        return this;
    }

    TestSnapshots iisExpress() {
        kind = ConfigKind.IIS_EXPRESS;
        return this;
    }

    Snapshot build() {
        Map<UserRight, RightAssignment> assignments = new LinkedHashMap<>();
        rights.forEach((r, entries) -> assignments.put(r, new RightAssignment(r, entries, entries.isEmpty()
                ? Provenance.of(SourceKind.SECEDIT_EXPORT, "secedit.inf") : entries.get(0).provenance())));
        EffectiveRights effective = new EffectiveRights(assignments, unknownRights, Provenance.of(SourceKind.SECEDIT_EXPORT, "secedit.inf"));
        IisConfiguration iis = new IisConfiguration(kind, pools, applications, List.of(),
                Provenance.of(SourceKind.APPLICATION_HOST, "applicationHost.config"));
        GroupPolicy gp = gpoData ? new GroupPolicy(List.of(LOCKDOWN), gpoSettings,
                List.of(Provenance.of(SourceKind.GPRESULT, "gpresult.xml"))) : null;
        return new Snapshot(new MachineInfo(machineName, "CONTOSO", null, null), effective, iis,
                new Memberships(memberships), gp, List.of());
    }

    PoolResult audit(String pool) {
        return Rules.standardEngine().audit(build()).pools().stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow();
    }

    /** {@code *S-1-…} is a SID, {@code NAME=*S-1-…} a name with its SID (as live LSA and gpresult give both), anything else a name. */
    static Principal principal(String e) {
        int named = e.indexOf("=*S-");
        if (named > 0) {
            return new Principal(Sid.parse(e.substring(named + 1)), e.substring(0, named));
        }
        return e.startsWith("*") ? Principal.ofSid(Sid.parse(e)) : Principal.ofName(e);
    }

    /** The SeBatchLogonRight of a default IIS server: Administrators, Backup Operators, Performance Log Users, IIS_IUSRS. */
    static final String[] DEFAULT_BATCH = {"*S-1-5-32-544", "*S-1-5-32-551", "*S-1-5-32-559", "*S-1-5-32-568"};
}
