package org.logonrights.sources.snapshot;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.logonrights.json.JsonMapping;
import org.logonrights.model.AppPool;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.PasswordState;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.sources.snapshot.SnapshotDocument.ApplicationDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.AssignmentDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.CredentialDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.GpoDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.GroupPolicyDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.IisDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.MachineDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.MembershipDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.NoteDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PasswordDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PoolDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PrincipalDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.RightsDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.RouteDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.SettingDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.SourceDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.ToolDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.UnknownRightDoc;

/** Writes snapshot files: a model snapshot becomes a {@link SnapshotDocument}, then pretty JSON. */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /** Writes a snapshot as pretty JSON with LF line ends and a fixed field order. */
    public static void write(Snapshot s, String toolVersion, Writer out) throws IOException {
        write(toDocument(s, toolVersion), out);
    }

    public static void write(SnapshotDocument document, Writer out) throws IOException {
        JsonMapping.writePretty(document, out);
    }

    /** The document of a snapshot; rights are listed in {@link UserRight} order, origins by name. */
    public static SnapshotDocument toDocument(Snapshot s, String toolVersion) {
        MachineInfo m = s.machine();
        List<AssignmentDoc> assignments = new ArrayList<>();
        for (UserRight r : UserRight.values()) {
            s.rights().assignment(r).ifPresent(a -> assignments.add(new AssignmentDoc(r.constantName(), src(a.provenance()),
                    a.entries().stream().map(SnapshotWriter::principal).toList())));
        }
        IisConfiguration iis = s.iis();
        return new SnapshotDocument(SnapshotDocument.FORMAT, SnapshotDocument.SCHEMA_VERSION,
                new ToolDoc("logonrights", toolVersion),
                new MachineDoc(m.name(), m.domain(), m.osVersion(), m.iisVersion()),
                new RightsDoc(src(s.rights().source()), assignments,
                        s.rights().unknownRights().stream().map(u -> new UnknownRightDoc(u.name(), src(u.provenance()))).toList()),
                new IisDoc(iis.kind().name(), src(iis.source()), iis.pools().stream().map(SnapshotWriter::pool).toList(),
                        iis.applications().stream().map(a -> new ApplicationDoc(a.siteName(), a.path(), a.poolName(),
                                a.poolSource().name(), src(a.provenance()))).toList(),
                        iis.credentials().stream().map(c -> new CredentialDoc(c.userName(), c.context(),
                                c.requiredRight() == null ? null : c.requiredRight().constantName(), password(c.password()),
                                src(c.provenance()))).toList()),
                s.memberships().accounts().stream().map(a -> new MembershipDoc(a.account(), str(a.sid()),
                        a.groups().stream().map(g -> new PrincipalDoc(str(g.sid()), g.name(), null)).toList(),
                        a.source().name(), a.complete(), src(a.provenance()),
                        a.routes().stream().map(r -> new RouteDoc(str(r.group()), str(r.via()), src(r.provenance()))).toList()))
                        .toList(),
                s.groupPolicy() == null ? null : new GroupPolicyDoc(
                        s.groupPolicy().gpos().stream().map(SnapshotWriter::gpo).toList(),
                        s.groupPolicy().settings().stream().map(g -> new SettingDoc(g.right().constantName(), gpo(g.gpo()),
                                g.precedence(), g.members().stream().map(SnapshotWriter::principal).toList(),
                                src(g.provenance()))).toList(),
                        s.groupPolicy().sources().stream().map(SnapshotWriter::src).toList(),
                        s.groupPolicy().gaps().stream().map(g -> new SnapshotDocument.GapDoc(g.gpo() == null ? null : gpo(g.gpo()),
                                g.reason().name(), g.precedence(), g.detail(), src(g.provenance()))).toList()),
                s.notes().stream().map(n -> new NoteDoc(n.level().name(), n.code(), n.message(), src(n.provenance()))).toList(),
                s.events() == null ? null : events(s.events()));
    }

    private static SnapshotDocument.EventsDoc events(org.logonrights.model.EventLogs logs) {
        return new SnapshotDocument.EventsDoc(
                logs.files().stream().map(f -> new SnapshotDocument.EventFileDoc(f.name(), f.read(), f.kept(),
                        f.complete())).toList(),
                logs.events().stream().map(e -> new SnapshotDocument.EventDoc(e.kind().id(), e.time().toString(),
                        e.recordId(), e.computer(), e.poolName(), e.account(),
                        e.accountSid() == null ? null : e.accountSid().toString(),
                        e.failure() == null ? null : e.failure().name(), e.code(), src(e.source()))).toList());
    }

    private static PoolDoc pool(AppPool p) {
        ProcessModel pm = p.processModel();
        Map<String, String> origins = new TreeMap<>();
        pm.origins().forEach((k, v) -> origins.put(k, v.name()));
        return new PoolDoc(p.name(), pm.identityType().iisName(), pm.userName(), pm.logonType().iisName(),
                pm.manualGroupMembership(), pm.loadUserProfile(), pm.setProfileEnvironment(), password(pm.password()),
                origins, p.startMode(), p.autoStart(), p.managedRuntimeVersion(), src(p.provenance()));
    }

    private static PasswordDoc password(PasswordState p) {
        return new PasswordDoc(p.kind().name(), p.provider());
    }

    private static PrincipalDoc principal(RightEntry e) {
        return new PrincipalDoc(str(e.principal().sid()), e.principal().name(), src(e.provenance()));
    }

    private static GpoDoc gpo(GpoInfo g) {
        return new GpoDoc(g.id(), g.displayName(), g.domain());
    }

    private static SourceDoc src(Provenance p) {
        return p == null ? null : new SourceDoc(p.kind().name(), p.file(), p.line() > 0 ? p.line() : null, p.element());
    }

    private static String str(Sid sid) {
        return sid == null ? null : sid.toString();
    }
}
