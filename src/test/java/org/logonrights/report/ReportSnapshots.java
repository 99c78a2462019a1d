package org.logonrights.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.EffectiveRights;
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
 * Builds snapshots in code for renderer tests, in the CONTOSO / SRV-WEB01 world of the engine tests
 * (the approach of the engine's TestSnapshots, plus applications, unknown rights and input notes,
 * which only reports care about). Line numbers are handed out in call order, so a scenario always
 * cites the same lines.
 */
final class ReportSnapshots {

    static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    static final Sid BATCH_ACCOUNTS = Sid.parse(DOMAIN_SID + "-1108");
    static final Sid SVC_REPORTS = Sid.parse(DOMAIN_SID + "-1127");
    static final Sid SVC_PORTAL = Sid.parse(DOMAIN_SID + "-1131");
    static final Sid DOMAIN_USERS = Sid.parse(DOMAIN_SID + "-513");
    static final String ADMINISTRATORS = "*S-1-5-32-544";
    static final String IIS_IUSRS = "*S-1-5-32-568";
    static final String GUESTS = "*S-1-5-32-546";
    static final String ALL_SERVICES = "*S-1-5-80-0";

    private final String rightsFile;
    private final Map<UserRight, List<RightEntry>> rights = new EnumMap<>(UserRight.class);
    private final List<UnknownRight> unknownRights = new ArrayList<>();
    private final List<AppPool> pools = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    private final List<AccountMembership> memberships = new ArrayList<>();
    private final List<InputNote> notes = new ArrayList<>();
    private MachineInfo machine = new MachineInfo("SRV-WEB01", "CONTOSO", "10.0.17763", "10.0");
    private int line = 3;

    private ReportSnapshots(String rightsFile) {
        this.rightsFile = rightsFile;
    }

    /** A server whose rights come from {@code secedit.inf}. */
    static ReportSnapshots server() {
        return new ReportSnapshots("secedit.inf");
    }

    /** A server whose rights come from the given export path, as the user typed it. */
    static ReportSnapshots server(String rightsFile) {
        return new ReportSnapshots(rightsFile);
    }

    ReportSnapshots machine(MachineInfo info) {
        this.machine = info;
        return this;
    }

    /** Adds entries ("*S-1-…" for a SID, anything else a name) to a right, one secedit line per call. */
    ReportSnapshots right(UserRight right, String... entries) {
        List<RightEntry> list = rights.computeIfAbsent(right, r -> new ArrayList<>());
        int l = line++;
        for (String e : entries) {
            list.add(new RightEntry(principal(e), Provenance.at(SourceKind.SECEDIT_EXPORT, rightsFile, l)));
        }
        return this;
    }

    ReportSnapshots unknownRight(String name) {
        unknownRights.add(new UnknownRight(name, Provenance.at(SourceKind.SECEDIT_EXPORT, rightsFile, line++)));
        return this;
    }

    ReportSnapshots appPoolIdentity(String name) {
        return pool(name, IdentityType.APPLICATION_POOL_IDENTITY, null, false);
    }

    ReportSnapshots builtIn(String name, IdentityType type) {
        return pool(name, type, null, false);
    }

    ReportSnapshots batchUser(String name, String user) {
        return pool(name, IdentityType.SPECIFIC_USER, user, false);
    }

    private ReportSnapshots pool(String name, IdentityType type, String user, boolean manualGroupMembership) {
        ProcessModel pm = new ProcessModel(type, user, LogonType.LOGON_BATCH, manualGroupMembership, true, false,
                user == null ? PasswordState.NONE : PasswordState.classify("[enc:IISWASOnlyCngProvider:AAAA:enc]"),
                Map.of("identityType", ValueOrigin.POOL));
        pools.add(new AppPool(name, pm, "OnDemand", true, "v4.0",
                Provenance.at(SourceKind.APPLICATION_HOST, "applicationHost.config", 100 + pools.size())));
        return this;
    }

    ReportSnapshots application(String site, String path, String pool) {
        applications.add(new Application(site, path, pool, PoolSource.EXPLICIT,
                Provenance.at(SourceKind.APPLICATION_HOST, "applicationHost.config", 200 + applications.size())));
        return this;
    }

    ReportSnapshots member(String account, Sid sid, String... groups) {
        List<Principal> gs = new ArrayList<>();
        for (String g : groups) {
            gs.add(principal(g));
        }
        memberships.add(new AccountMembership(account, sid, gs, MembershipSource.FILE, true,
                Provenance.at(SourceKind.MEMBERSHIPS, "memberships.json", 2 + memberships.size())));
        return this;
    }

    ReportSnapshots note(InputNote.Level level, String code, String message) {
        notes.add(new InputNote(level, code, message, Provenance.at(SourceKind.APPLICATION_HOST, "applicationHost.config", 7)));
        return this;
    }

    Snapshot build() {
        Map<UserRight, RightAssignment> assignments = new LinkedHashMap<>();
        rights.forEach((r, entries) -> assignments.put(r, new RightAssignment(r, entries, entries.get(0).provenance())));
        EffectiveRights effective = new EffectiveRights(assignments, unknownRights,
                Provenance.of(SourceKind.SECEDIT_EXPORT, rightsFile));
        IisConfiguration iis = new IisConfiguration(ConfigKind.SERVER, pools, applications, List.of(),
                Provenance.of(SourceKind.APPLICATION_HOST, "applicationHost.config"));
        return new Snapshot(machine, effective, iis, new Memberships(memberships), null, notes);
    }

    /** The inputs a report lists: the rights export, the IIS configuration and, when used, memberships. */
    List<Provenance> inputs() {
        List<Provenance> inputs = new ArrayList<>();
        inputs.add(Provenance.of(SourceKind.SECEDIT_EXPORT, rightsFile));
        inputs.add(Provenance.of(SourceKind.APPLICATION_HOST, "applicationHost.config"));
        if (!memberships.isEmpty()) {
            inputs.add(Provenance.of(SourceKind.MEMBERSHIPS, "memberships.json"));
        }
        return inputs;
    }

    private static Principal principal(String e) {
        return e.startsWith("*") ? Principal.ofSid(Sid.parse(e)) : Principal.ofName(e);
    }
}
