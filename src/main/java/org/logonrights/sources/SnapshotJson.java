package org.logonrights.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.GroupRoute;
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
 * Reads and writes snapshot files: one versioned JSON document holding everything the engine needs
 * and how each fact was obtained (docs/snapshot.md, schema docs/schema/snapshot.schema.json).
 * Passwords are never in it: only whether one is set and by which provider.
 */
public final class SnapshotJson {

    /** The document's {@code format} marker. */
    public static final String FORMAT = "logonrights-snapshot";
    /** Bumped only for incompatible changes; readers accept every version up to this one. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(4_000_000).build());
    }

    private SnapshotJson() {
    }

    // ---- the document -------------------------------------------------------------------------

    @JsonPropertyOrder({"format", "schemaVersion", "tool", "machine", "rights", "iis", "memberships", "groupPolicy", "notes"})
    public record Doc(String format, int schemaVersion, ToolDoc tool, MachineDoc machine, RightsDoc rights, IisDoc iis,
                      List<MembershipDoc> memberships, GroupPolicyDoc groupPolicy, List<NoteDoc> notes) {
    }

    @JsonPropertyOrder({"name", "version"})
    public record ToolDoc(String name, String version) {
    }

    @JsonPropertyOrder({"name", "domain", "osVersion", "iisVersion"})
    public record MachineDoc(String name, String domain, String osVersion, String iisVersion) {
    }

    @JsonPropertyOrder({"kind", "file", "line", "element"})
    public record SourceDoc(String kind, String file, Integer line, String element) {
    }

    @JsonPropertyOrder({"sid", "name", "source"})
    public record PrincipalDoc(String sid, String name, SourceDoc source) {
    }

    @JsonPropertyOrder({"source", "assignments", "unknownRights"})
    public record RightsDoc(SourceDoc source, List<AssignmentDoc> assignments, List<UnknownRightDoc> unknownRights) {
    }

    @JsonPropertyOrder({"right", "source", "entries"})
    public record AssignmentDoc(String right, SourceDoc source, List<PrincipalDoc> entries) {
    }

    @JsonPropertyOrder({"name", "source"})
    public record UnknownRightDoc(String name, SourceDoc source) {
    }

    @JsonPropertyOrder({"kind", "source", "pools", "applications", "credentials"})
    public record IisDoc(String kind, SourceDoc source, List<PoolDoc> pools, List<ApplicationDoc> applications,
                         List<CredentialDoc> credentials) {
    }

    @JsonPropertyOrder({"name", "identityType", "userName", "logonType", "manualGroupMembership", "loadUserProfile",
            "setProfileEnvironment", "password", "origins", "startMode", "autoStart", "managedRuntimeVersion", "source"})
    public record PoolDoc(String name, String identityType, String userName, String logonType, boolean manualGroupMembership,
                          boolean loadUserProfile, boolean setProfileEnvironment, PasswordDoc password,
                          Map<String, String> origins, String startMode, boolean autoStart, String managedRuntimeVersion,
                          SourceDoc source) {
    }

    /** Whether a password is set and how it is stored; the value is never written. */
    @JsonPropertyOrder({"kind", "provider"})
    public record PasswordDoc(String kind, String provider) {
    }

    @JsonPropertyOrder({"site", "path", "pool", "poolSource", "source"})
    public record ApplicationDoc(String site, String path, String pool, String poolSource, SourceDoc source) {
    }

    @JsonPropertyOrder({"userName", "context", "requiredRight", "password", "source"})
    public record CredentialDoc(String userName, String context, String requiredRight, PasswordDoc password, SourceDoc source) {
    }

    /** {@code routes} is left out when empty, so memberships without routes are written as before. */
    @JsonPropertyOrder({"account", "sid", "groups", "method", "complete", "source", "routes"})
    public record MembershipDoc(String account, String sid, List<PrincipalDoc> groups, String method, boolean complete,
                                SourceDoc source, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RouteDoc> routes) {
    }

    @JsonPropertyOrder({"group", "via", "source"})
    public record RouteDoc(String group, String via, SourceDoc source) {
    }

    @JsonPropertyOrder({"gpos", "settings", "sources"})
    public record GroupPolicyDoc(List<GpoDoc> gpos, List<SettingDoc> settings, List<SourceDoc> sources) {
    }

    @JsonPropertyOrder({"id", "name", "domain"})
    public record GpoDoc(String id, String name, String domain) {
    }

    @JsonPropertyOrder({"right", "gpo", "precedence", "members", "source"})
    public record SettingDoc(String right, GpoDoc gpo, int precedence, List<PrincipalDoc> members, SourceDoc source) {
    }

    @JsonPropertyOrder({"level", "code", "message", "source"})
    public record NoteDoc(String level, String code, String message, SourceDoc source) {
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Writes a snapshot as pretty JSON with LF line ends and a fixed field order. */
    public static void write(Snapshot s, String toolVersion, Writer out) throws IOException {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf)).writeValue(out, toDoc(s, toolVersion));
        out.write("\n");
    }

    static Doc toDoc(Snapshot s, String toolVersion) {
        MachineInfo m = s.machine();
        List<AssignmentDoc> assignments = new ArrayList<>();
        for (UserRight r : UserRight.values()) {
            s.rights().assignment(r).ifPresent(a -> assignments.add(new AssignmentDoc(r.constantName(), src(a.provenance()),
                    a.entries().stream().map(SnapshotJson::principal).toList())));
        }
        IisConfiguration iis = s.iis();
        return new Doc(FORMAT, SCHEMA_VERSION, new ToolDoc("logonrights", toolVersion),
                new MachineDoc(m.name(), m.domain(), m.osVersion(), m.iisVersion()),
                new RightsDoc(src(s.rights().source()), assignments,
                        s.rights().unknownRights().stream().map(u -> new UnknownRightDoc(u.name(), src(u.provenance()))).toList()),
                new IisDoc(iis.kind().name(), src(iis.source()), iis.pools().stream().map(SnapshotJson::pool).toList(),
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
                        s.groupPolicy().gpos().stream().map(SnapshotJson::gpo).toList(),
                        s.groupPolicy().settings().stream().map(g -> new SettingDoc(g.right().constantName(), gpo(g.gpo()),
                                g.precedence(), g.members().stream().map(SnapshotJson::principal).toList(),
                                src(g.provenance()))).toList(),
                        s.groupPolicy().sources().stream().map(SnapshotJson::src).toList()),
                s.notes().stream().map(n -> new NoteDoc(n.level().name(), n.code(), n.message(), src(n.provenance()))).toList());
    }

    private static PoolDoc pool(AppPool p) {
        ProcessModel pm = p.processModel();
        Map<String, String> origins = new java.util.TreeMap<>();
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

    // ---- reading -------------------------------------------------------------------------------

    /** Reads a snapshot file; any structural problem is an InputException naming the JSON path. */
    public static Snapshot read(Path file) throws InputException {
        return read(InputFiles.readText(file).text(), file.toString());
    }

    public static Snapshot read(String text, String fileName) throws InputException {
        Doc doc;
        try {
            doc = MAPPER.readValue(text, Doc.class);
        } catch (JsonMappingException e) {
            throw new InputException(fileName, position(e), "not a valid snapshot: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(fileName, where, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (doc == null) {
            throw new InputException(fileName, null, "empty snapshot");
        }
        return new Reader(fileName).snapshot(doc);
    }

    private static String position(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        if (e.getLocation() != null) {
            b.append(b.length() == 0 ? "" : " ").append("(line ").append(e.getLocation().getLineNr()).append(')');
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Turns the document into model objects, naming the JSON path of the first bad value. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        private InputException bad(String path, String message) {
            return new InputException(file, path, message);
        }

        private <T> T required(T value, String path) throws InputException {
            if (value == null) {
                throw bad(path, "required value is missing");
            }
            return value;
        }

        Snapshot snapshot(Doc d) throws InputException {
            if (!FORMAT.equals(d.format())) {
                throw bad("format", "not a logonrights snapshot (expected \"format\": \"" + FORMAT + "\")");
            }
            if (d.schemaVersion() < 1 || d.schemaVersion() > SCHEMA_VERSION) {
                throw bad("schemaVersion", "snapshot schema version " + d.schemaVersion() + " is not supported (this build reads 1 to "
                        + SCHEMA_VERSION + ")");
            }
            MachineDoc md = d.machine();
            MachineInfo machine = md == null ? MachineInfo.UNKNOWN
                    : new MachineInfo(md.name(), md.domain(), md.osVersion(), md.iisVersion());
            return new Snapshot(machine, rights(required(d.rights(), "rights")), iis(required(d.iis(), "iis")),
                    memberships(d.memberships()), groupPolicy(d.groupPolicy()), notes(d.notes()));
        }

        private EffectiveRights rights(RightsDoc r) throws InputException {
            Map<UserRight, RightAssignment> map = new EnumMap<>(UserRight.class);
            List<AssignmentDoc> list = r.assignments() == null ? List.of() : r.assignments();
            for (int i = 0; i < list.size(); i++) {
                AssignmentDoc a = list.get(i);
                String path = "rights.assignments[" + i + "]";
                UserRight right = right(required(a.right(), path + ".right"), path + ".right");
                if (map.containsKey(right)) {
                    throw bad(path + ".right", "right " + right + " is listed twice");
                }
                map.put(right, new RightAssignment(right, entries(a.entries(), path + ".entries"), provenance(a.source(), path + ".source")));
            }
            List<UnknownRight> unknown = new ArrayList<>();
            if (r.unknownRights() != null) {
                for (int i = 0; i < r.unknownRights().size(); i++) {
                    UnknownRightDoc u = r.unknownRights().get(i);
                    unknown.add(new UnknownRight(required(u.name(), "rights.unknownRights[" + i + "].name"),
                            provenance(u.source(), "rights.unknownRights[" + i + "].source")));
                }
            }
            return new EffectiveRights(map, unknown, provenance(required(r.source(), "rights.source"), "rights.source"));
        }

        private List<RightEntry> entries(List<PrincipalDoc> docs, String path) throws InputException {
            List<RightEntry> out = new ArrayList<>();
            if (docs == null) {
                return out;
            }
            for (int i = 0; i < docs.size(); i++) {
                PrincipalDoc p = docs.get(i);
                out.add(new RightEntry(principal(p, path + "[" + i + "]"), provenance(p.source(), path + "[" + i + "].source")));
            }
            return out;
        }

        private Principal principal(PrincipalDoc p, String path) throws InputException {
            if (p == null || (p.sid() == null && (p.name() == null || p.name().isBlank()))) {
                throw bad(path, "a principal needs a sid or a name");
            }
            return new Principal(sid(p.sid(), path + ".sid"), p.name());
        }

        private Sid sid(String text, String path) throws InputException {
            if (text == null) {
                return null;
            }
            try {
                return Sid.parse(text);
            } catch (IllegalArgumentException e) {
                throw bad(path, e.getMessage());
            }
        }

        private UserRight right(String name, String path) throws InputException {
            return UserRight.fromConstantName(name).orElseThrow(() -> bad(path, "'" + name + "' is not a logon right"));
        }

        private Provenance provenance(SourceDoc s, String path) throws InputException {
            if (s == null) {
                return Provenance.of(SourceKind.SNAPSHOT, file);
            }
            SourceKind kind = enumValue(SourceKind.class, required(s.kind(), path + ".kind"), path + ".kind");
            int line = s.line() == null ? 0 : s.line();
            if (line < 0) {
                throw bad(path + ".line", "line must not be negative");
            }
            return new Provenance(kind, s.file(), line, s.element());
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) throws InputException {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw bad(path, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        private IisConfiguration iis(IisDoc d) throws InputException {
            List<AppPool> pools = new ArrayList<>();
            List<PoolDoc> pd = d.pools() == null ? List.of() : d.pools();
            for (int i = 0; i < pd.size(); i++) {
                pools.add(pool(pd.get(i), "iis.pools[" + i + "]"));
            }
            List<Application> apps = new ArrayList<>();
            List<ApplicationDoc> ad = d.applications() == null ? List.of() : d.applications();
            for (int i = 0; i < ad.size(); i++) {
                ApplicationDoc a = ad.get(i);
                String path = "iis.applications[" + i + "]";
                apps.add(new Application(required(a.site(), path + ".site"), required(a.path(), path + ".path"), a.pool(),
                        enumValue(PoolSource.class, required(a.poolSource(), path + ".poolSource"), path + ".poolSource"),
                        provenance(a.source(), path + ".source")));
            }
            List<CredentialUse> creds = new ArrayList<>();
            List<CredentialDoc> cd = d.credentials() == null ? List.of() : d.credentials();
            for (int i = 0; i < cd.size(); i++) {
                CredentialDoc c = cd.get(i);
                String path = "iis.credentials[" + i + "]";
                creds.add(new CredentialUse(c.userName(), c.context(),
                        c.requiredRight() == null ? null : right(c.requiredRight(), path + ".requiredRight"),
                        password(c.password(), path + ".password"), provenance(c.source(), path + ".source")));
            }
            return new IisConfiguration(enumValue(ConfigKind.class, required(d.kind(), "iis.kind"), "iis.kind"), pools, apps,
                    creds, provenance(required(d.source(), "iis.source"), "iis.source"));
        }

        private AppPool pool(PoolDoc p, String path) throws InputException {
            IdentityType type = IdentityType.parse(required(p.identityType(), path + ".identityType"))
                    .orElseThrow(() -> bad(path + ".identityType", "'" + p.identityType() + "' is not an identity type"));
            LogonType logon = LogonType.parse(required(p.logonType(), path + ".logonType"))
                    .orElseThrow(() -> bad(path + ".logonType", "'" + p.logonType() + "' is not a logon type"));
            Map<String, ValueOrigin> origins = new LinkedHashMap<>();
            if (p.origins() != null) {
                for (Map.Entry<String, String> e : p.origins().entrySet()) {
                    origins.put(e.getKey(), enumValue(ValueOrigin.class, e.getValue(), path + ".origins." + e.getKey()));
                }
            }
            ProcessModel pm = new ProcessModel(type, p.userName(), logon, p.manualGroupMembership(), p.loadUserProfile(),
                    p.setProfileEnvironment(), password(p.password(), path + ".password"), origins);
            String name = required(p.name(), path + ".name");
            if (name.isBlank()) {
                throw bad(path + ".name", "a pool needs a name");
            }
            return new AppPool(name, pm, p.startMode(), p.autoStart(), p.managedRuntimeVersion(), provenance(p.source(), path + ".source"));
        }

        private PasswordState password(PasswordDoc p, String path) throws InputException {
            if (p == null) {
                return PasswordState.NONE;
            }
            PasswordState.Kind kind = enumValue(PasswordState.Kind.class, required(p.kind(), path + ".kind"), path + ".kind");
            return kind == PasswordState.Kind.NONE ? PasswordState.NONE : new PasswordState(kind, p.provider());
        }

        private Memberships memberships(List<MembershipDoc> docs) throws InputException {
            if (docs == null) {
                return Memberships.NONE;
            }
            List<AccountMembership> out = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                MembershipDoc m = docs.get(i);
                String path = "memberships[" + i + "]";
                List<Principal> groups = new ArrayList<>();
                List<PrincipalDoc> gd = m.groups() == null ? List.of() : m.groups();
                for (int g = 0; g < gd.size(); g++) {
                    groups.add(principal(gd.get(g), path + ".groups[" + g + "]"));
                }
                if (m.account() == null && m.sid() == null) {
                    throw bad(path, "a membership needs an account or a sid");
                }
                List<GroupRoute> routes = new ArrayList<>();
                List<RouteDoc> rd = m.routes() == null ? List.of() : m.routes();
                for (int r = 0; r < rd.size(); r++) {
                    String at = path + ".routes[" + r + "]";
                    RouteDoc route = rd.get(r);
                    if (route == null) {
                        throw bad(at, "a route must be an object");
                    }
                    routes.add(new GroupRoute(sid(required(route.group(), at + ".group"), at + ".group"),
                            sid(required(route.via(), at + ".via"), at + ".via"), provenance(route.source(), at + ".source")));
                }
                out.add(new AccountMembership(m.account(), sid(m.sid(), path + ".sid"), groups,
                        enumValue(MembershipSource.class, required(m.method(), path + ".method"), path + ".method"),
                        m.complete(), provenance(m.source(), path + ".source"), routes));
            }
            return new Memberships(out);
        }

        private GroupPolicy groupPolicy(GroupPolicyDoc d) throws InputException {
            if (d == null) {
                return null;
            }
            List<GpoInfo> gpos = new ArrayList<>();
            List<GpoDoc> gd = d.gpos() == null ? List.of() : d.gpos();
            for (int i = 0; i < gd.size(); i++) {
                gpos.add(gpo(gd.get(i), "groupPolicy.gpos[" + i + "]"));
            }
            List<GpoRightSetting> settings = new ArrayList<>();
            List<SettingDoc> sd = d.settings() == null ? List.of() : d.settings();
            for (int i = 0; i < sd.size(); i++) {
                SettingDoc s = sd.get(i);
                String path = "groupPolicy.settings[" + i + "]";
                if (s.precedence() < 1) {
                    throw bad(path + ".precedence", "precedence starts at 1");
                }
                settings.add(new GpoRightSetting(right(required(s.right(), path + ".right"), path + ".right"),
                        gpo(required(s.gpo(), path + ".gpo"), path + ".gpo"), s.precedence(),
                        entries(s.members(), path + ".members"), provenance(s.source(), path + ".source")));
            }
            List<Provenance> sources = new ArrayList<>();
            List<SourceDoc> srcs = d.sources() == null ? List.of() : d.sources();
            for (int i = 0; i < srcs.size(); i++) {
                sources.add(provenance(srcs.get(i), "groupPolicy.sources[" + i + "]"));
            }
            return new GroupPolicy(gpos, settings, sources);
        }

        private GpoInfo gpo(GpoDoc g, String path) throws InputException {
            if ((g.id() == null || g.id().isBlank()) && (g.name() == null || g.name().isBlank())) {
                throw bad(path, "a GPO needs an id or a name");
            }
            return new GpoInfo(g.id(), g.name(), g.domain());
        }

        private List<InputNote> notes(List<NoteDoc> docs) throws InputException {
            List<InputNote> out = new ArrayList<>();
            if (docs == null) {
                return out;
            }
            for (int i = 0; i < docs.size(); i++) {
                NoteDoc n = docs.get(i);
                String path = "notes[" + i + "]";
                out.add(new InputNote(enumValue(InputNote.Level.class, required(n.level(), path + ".level"), path + ".level"),
                        n.code(), required(n.message(), path + ".message"), n.source() == null ? null : provenance(n.source(), path + ".source")));
            }
            return out;
        }
    }
}
