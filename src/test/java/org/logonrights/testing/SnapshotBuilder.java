package org.logonrights.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.logonrights.model.InputNote;
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
 * Builds a {@link Snapshot} in code, in the CONTOSO / SRV-WEB01 world of the shared samples: the
 * rights, pools, applications, memberships, Group Policy and input notes a test needs, with the
 * provenance a secedit export, applicationHost.config, memberships.json and gpresult.xml would give.
 * Line numbers are handed out in call order, so the same calls always cite the same lines.
 *
 * <p>An entry or group is written {@code *S-1-…} for a SID, {@code NAME=*S-1-…} for a name with its
 * SID (as live LSA and gpresult give both) and anything else for a name alone.
 */
public final class SnapshotBuilder {

    /** The CONTOSO domain. */
    public static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    /** CONTOSO\IIS-BatchAccounts, the group a lockdown GPO leaves the batch right to. */
    public static final Sid BATCH_ACCOUNTS = Sid.parse(DOMAIN_SID + "-1108");
    /** CONTOSO\svc-reports and CONTOSO\svc-portal, custom pool identities. */
    public static final Sid SVC_REPORTS = Sid.parse(DOMAIN_SID + "-1127");
    public static final Sid SVC_PORTAL = Sid.parse(DOMAIN_SID + "-1131");
    public static final Sid DOMAIN_USERS = Sid.parse(DOMAIN_SID + "-513");
    /** Well-known holders, written as a secedit export writes them. */
    public static final String ADMINISTRATORS = "*S-1-5-32-544";
    public static final String IIS_IUSRS = "*S-1-5-32-568";
    public static final String GUESTS = "*S-1-5-32-546";
    public static final String ALL_SERVICES = "*S-1-5-80-0";
    /** The SeBatchLogonRight of a default IIS server: Administrators, Backup Operators, Performance Log Users, IIS_IUSRS. */
    public static final List<String> DEFAULT_BATCH = List.of(ADMINISTRATORS, "*S-1-5-32-551", "*S-1-5-32-559", IIS_IUSRS);
    /** The domain GPO that applies whenever a snapshot has Group Policy data. */
    public static final GpoInfo LOCKDOWN = new GpoInfo("{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}",
            "CONTOSO Web Servers - User Rights Lockdown", "contoso.com");

    private static final String APPLICATION_HOST = "applicationHost.config";
    private static final String GPRESULT = "gpresult.xml";

    private final String rightsFile;
    private final Map<UserRight, List<RightEntry>> rights = new EnumMap<>(UserRight.class);
    private final List<UnknownRight> unknownRights = new ArrayList<>();
    private final List<AppPool> pools = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    private final List<AccountMembership> memberships = new ArrayList<>();
    private final List<GpoRightSetting> gpoSettings = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    private MachineInfo machine = new MachineInfo("SRV-WEB01", "CONTOSO", "10.0.17763", "10.0");
    private ConfigKind kind = ConfigKind.SERVER;
    private boolean groupPolicyData;
    private int line = 3;

    private SnapshotBuilder(String rightsFile) {
        this.rightsFile = rightsFile;
    }

    /** A server whose rights come from {@code secedit.inf}. */
    public static SnapshotBuilder server() {
        return new SnapshotBuilder("secedit.inf");
    }

    /** A server whose rights come from the given export path, as the user typed it. */
    public static SnapshotBuilder server(String rightsFile) {
        return new SnapshotBuilder(rightsFile);
    }

    public SnapshotBuilder machine(MachineInfo info) {
        this.machine = info;
        return this;
    }

    /** The audited machine's NetBIOS name; null when the inputs do not tell it. The domain and versions stay. */
    public SnapshotBuilder machineName(String name) {
        return machine(new MachineInfo(name, machine.domain(), machine.osVersion(), machine.iisVersion()));
    }

    /** Adds entries to a right, one secedit line per call. */
    public SnapshotBuilder right(UserRight right, String... entries) {
        List<RightEntry> list = rights.computeIfAbsent(right, r -> new ArrayList<>());
        int l = line++;
        for (String e : entries) {
            list.add(new RightEntry(principal(e), Provenance.at(SourceKind.SECEDIT_EXPORT, rightsFile, l)));
        }
        return this;
    }

    public SnapshotBuilder right(UserRight right, List<String> entries) {
        return right(right, entries.toArray(String[]::new));
    }

    /** A line of the export that names no right Windows knows (a typo, a right of a newer Windows). */
    public SnapshotBuilder unknownRight(String name) {
        unknownRights.add(new UnknownRight(name, Provenance.at(SourceKind.SECEDIT_EXPORT, rightsFile, line++)));
        return this;
    }

    /** A GPO's setting of a right, as gpresult reports it; the snapshot then has Group Policy data. */
    public SnapshotBuilder gpo(UserRight right, GpoInfo gpo, int precedence, String... members) {
        groupPolicyData = true;
        List<RightEntry> list = new ArrayList<>();
        for (String e : members) {
            list.add(new RightEntry(principal(e), Provenance.at(SourceKind.GPRESULT, GPRESULT, 40)));
        }
        gpoSettings.add(new GpoRightSetting(right, gpo, precedence, list, Provenance.at(SourceKind.GPRESULT, GPRESULT, 39)));
        return this;
    }

    /** Marks that Group Policy data was supplied ({@link #LOCKDOWN} applies), even if it defines no logon right. */
    public SnapshotBuilder withGroupPolicyData() {
        groupPolicyData = true;
        return this;
    }

    public SnapshotBuilder appPoolIdentity(String name) {
        return pool(name, IdentityType.APPLICATION_POOL_IDENTITY, null, LogonType.LOGON_BATCH, false);
    }

    public SnapshotBuilder builtIn(String name, IdentityType type) {
        return pool(name, type, null, LogonType.LOGON_BATCH, false);
    }

    /** A pool running as a custom account with IIS's default logon type (batch). */
    public SnapshotBuilder batchUser(String name, String user) {
        return specificUser(name, user, LogonType.LOGON_BATCH, false);
    }

    public SnapshotBuilder specificUser(String name, String user, LogonType logonType, boolean manualGroupMembership) {
        return pool(name, IdentityType.SPECIFIC_USER, user, logonType, manualGroupMembership);
    }

    /** A pool as applicationHost.config defines it; a custom account gets an encrypted password. */
    public SnapshotBuilder pool(String name, IdentityType type, String user, LogonType logonType, boolean manualGroupMembership) {
        return pool(name, type, user, logonType, manualGroupMembership, Map.of("identityType", ValueOrigin.POOL));
    }

    /**
     * A pool whose processModel attributes come from where {@code origins} says (the others are IIS
     * schema defaults), as the applicationHost parser reports them.
     */
    public SnapshotBuilder pool(String name, IdentityType type, String user, LogonType logonType, boolean manualGroupMembership,
                                Map<String, ValueOrigin> origins) {
        ProcessModel pm = new ProcessModel(type, user, logonType, manualGroupMembership, true, false,
                user == null ? PasswordState.NONE : PasswordState.classify("[enc:IISWASOnlyCngProvider:AAAA:enc]"), origins);
        pools.add(new AppPool(name, pm, "OnDemand", true, "v4.0",
                Provenance.at(SourceKind.APPLICATION_HOST, APPLICATION_HOST, 100 + pools.size())));
        return this;
    }

    public SnapshotBuilder application(String site, String path, String pool) {
        return application(site, path, pool, PoolSource.EXPLICIT);
    }

    /** An application of a site, served by {@code pool} (null: none), as applicationHost.config resolves it. */
    public SnapshotBuilder application(String site, String path, String pool, PoolSource source) {
        applications.add(new Application(site, path, pool, source,
                Provenance.at(SourceKind.APPLICATION_HOST, APPLICATION_HOST, 200 + applications.size())));
        return this;
    }

    /** An account's complete groups as memberships.json lists them, one line per account. */
    public SnapshotBuilder member(String account, Sid sid, String... groups) {
        return member(account, sid, MembershipSource.FILE, true, groups);
    }

    /** Group membership read another way than from a file; {@code complete} false as the NetAPI fallback reports it. */
    public SnapshotBuilder member(String account, Sid sid, MembershipSource source, boolean complete, String... groups) {
        List<Principal> gs = new ArrayList<>();
        for (String g : groups) {
            gs.add(principal(g));
        }
        memberships.add(new AccountMembership(account, sid, gs, source, complete,
                Provenance.at(SourceKind.MEMBERSHIPS, "memberships.json", 2 + memberships.size())));
        return this;
    }

    public SnapshotBuilder note(InputNote.Level level, String code, String message) {
        notes.add(new InputNote(level, code, message, Provenance.at(SourceKind.APPLICATION_HOST, APPLICATION_HOST, 7)));
        return this;
    }

    /** An IIS Express configuration instead of a server's. */
    public SnapshotBuilder iisExpress() {
        kind = ConfigKind.IIS_EXPRESS;
        return this;
    }

    public Snapshot build() {
        Map<UserRight, RightAssignment> assignments = new LinkedHashMap<>();
        rights.forEach((r, entries) -> assignments.put(r, new RightAssignment(r, entries, entries.isEmpty()
                ? Provenance.of(SourceKind.SECEDIT_EXPORT, rightsFile) : entries.get(0).provenance())));
        EffectiveRights effective = new EffectiveRights(assignments, unknownRights,
                Provenance.of(SourceKind.SECEDIT_EXPORT, rightsFile));
        IisConfiguration iis = new IisConfiguration(kind, pools, applications, List.of(),
                Provenance.of(SourceKind.APPLICATION_HOST, APPLICATION_HOST));
        return new Snapshot(machine, effective, iis, new Memberships(memberships), groupPolicy(), notes);
    }

    private GroupPolicy groupPolicy() {
        if (!groupPolicyData) {
            return null;
        }
        Set<GpoInfo> applied = new LinkedHashSet<>(List.of(LOCKDOWN));
        gpoSettings.forEach(s -> applied.add(s.gpo()));
        return new GroupPolicy(List.copyOf(applied), gpoSettings, List.of(Provenance.of(SourceKind.GPRESULT, GPRESULT)));
    }

    /** The inputs a report lists: the rights export, the IIS configuration and, when used, memberships. */
    public List<Provenance> inputs() {
        List<Provenance> inputs = new ArrayList<>();
        inputs.add(Provenance.of(SourceKind.SECEDIT_EXPORT, rightsFile));
        inputs.add(Provenance.of(SourceKind.APPLICATION_HOST, APPLICATION_HOST));
        if (!memberships.isEmpty()) {
            inputs.add(Provenance.of(SourceKind.MEMBERSHIPS, "memberships.json"));
        }
        return inputs;
    }

    private static Principal principal(String entry) {
        int named = entry.indexOf("=*S-");
        if (named > 0) {
            return new Principal(Sid.parse(entry.substring(named + 1)), entry.substring(0, named));
        }
        return entry.startsWith("*") ? Principal.ofSid(Sid.parse(entry)) : Principal.ofName(entry);
    }
}
