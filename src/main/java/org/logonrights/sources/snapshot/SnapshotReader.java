package org.logonrights.sources.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.json.JsonMapping;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
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
import org.logonrights.sources.InputFiles;
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
import org.logonrights.sources.snapshot.SnapshotDocument.UnknownRightDoc;

/**
 * Reads snapshot files: JSON into a {@link SnapshotDocument}, then the document into a model
 * {@link Snapshot}, validating every value. Any problem is an {@link InputException} naming the
 * file and the JSON path (or line and column) of the first bad value.
 */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    /** Reads a snapshot file within the size limit. */
    public static Snapshot read(Path file, InputFiles files) throws InputException {
        return read(files.readText(file).text(), file.toString());
    }

    /** Reads snapshot JSON; {@code fileName} names the input in errors and in default provenance. */
    public static Snapshot read(String text, String fileName) throws InputException {
        return toSnapshot(parse(text, fileName), fileName);
    }

    /** Parses JSON into the document without judging its values. */
    public static SnapshotDocument parse(String text, String fileName) throws InputException {
        SnapshotDocument doc;
        try {
            doc = JsonMapping.mapper().readValue(text, SnapshotDocument.class);
        } catch (JsonMappingException e) {
            throw new InputException(fileName, position(e), "not a valid snapshot: " + plain(e), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InputException(fileName, where, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (doc == null) {
            throw new InputException(fileName, null, "empty snapshot");
        }
        return doc;
    }

    /**
     * The model snapshot a document describes; a fact without a {@code source} is attributed to
     * {@code fileName}, as a snapshot of that name.
     */
    public static Snapshot toSnapshot(SnapshotDocument document, String fileName) throws InputException {
        return new Validation(fileName).snapshot(document);
    }

    /** What is wrong, in the file's terms: Jackson's own message names Java types and settings. */
    private static String plain(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException
                || String.valueOf(e.getOriginalMessage()).contains("FAIL_ON_NULL_FOR_PRIMITIVES")) {
            return "a required value is missing or null";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType()) + " here";
        }
        return "a value of the wrong kind";
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
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
    private static final class Validation {
        private final String file;
        /** One Sid per SID text, as the parsers keep them: a host's memberships repeat the same groups. */
        private final Map<String, Sid> sids = new HashMap<>();

        Validation(String file) {
            this.file = file;
        }

        private InputException bad(String path, String message) {
            return new InputException(file, path, message);
        }

        /** A conversion of one document element, given its JSON path, that may reject it. */
        private interface Conversion<D, T> {
            T apply(D doc, String path) throws InputException;
        }

        /** Converts each element of an optional list, in order, the element at {@code i} named {@code path[i]}. */
        private <D, T> List<T> each(List<D> docs, String path, Conversion<D, T> conversion) throws InputException {
            List<T> out = new ArrayList<>();
            for (int i = 0; docs != null && i < docs.size(); i++) {
                out.add(conversion.apply(docs.get(i), path + "[" + i + "]"));
            }
            return out;
        }

        private <T> T required(T value, String path) throws InputException {
            if (value == null) {
                throw bad(path, "required value is missing");
            }
            return value;
        }

        Snapshot snapshot(SnapshotDocument d) throws InputException {
            if (!SnapshotDocument.FORMAT.equals(d.format())) {
                throw bad("format", "not a logonrights snapshot (expected \"format\": \"" + SnapshotDocument.FORMAT + "\")");
            }
            if (d.schemaVersion() < 1 || d.schemaVersion() > SnapshotDocument.SCHEMA_VERSION) {
                throw bad("schemaVersion", "snapshot schema version " + d.schemaVersion() + " is not supported (this build reads 1 to "
                        + SnapshotDocument.SCHEMA_VERSION + ")");
            }
            MachineDoc md = d.machine();
            MachineInfo machine = md == null ? MachineInfo.UNKNOWN
                    : new MachineInfo(md.name(), md.domain(), md.osVersion(), md.iisVersion());
            return new Snapshot(machine, rights(required(d.rights(), "rights")), iis(required(d.iis(), "iis")),
                    memberships(d.memberships()), groupPolicy(d.groupPolicy()), notes(d.notes()), events(d.events()));
        }

        private org.logonrights.model.EventLogs events(SnapshotDocument.EventsDoc d) throws InputException {
            if (d == null) {
                return null;
            }
            List<org.logonrights.model.EventLogs.File> files = each(d.files(), "events.files",
                    (SnapshotDocument.EventFileDoc f, String path) -> new org.logonrights.model.EventLogs.File(
                            required(f.name(), path + ".name"), f.read(), f.kept(), f.complete()));
            List<org.logonrights.model.LoggedEvent> events = each(d.events(), "events.events", this::event);
            return new org.logonrights.model.EventLogs(events, files);
        }

        private org.logonrights.model.LoggedEvent event(SnapshotDocument.EventDoc e, String path) throws InputException {
            org.logonrights.model.LoggedEvent.EventKind kind = null;
            for (org.logonrights.model.LoggedEvent.EventKind k : org.logonrights.model.LoggedEvent.EventKind.values()) {
                if (k.id() == e.id()) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw bad(path + ".id", "event " + e.id() + " is not one logonrights keeps");
            }
            java.time.Instant time;
            try {
                time = java.time.Instant.parse(required(e.time(), path + ".time"));
            } catch (java.time.format.DateTimeParseException x) {
                throw bad(path + ".time", "'" + e.time() + "' is not an ISO-8601 UTC time");
            }
            return new org.logonrights.model.LoggedEvent(kind, time, e.recordId(), e.computer(), e.pool(), e.account(),
                    e.accountSid() == null ? null : sid(e.accountSid(), path + ".accountSid"),
                    e.failure() == null ? null
                            : enumValue(org.logonrights.model.LogonFailure.class, e.failure(), path + ".failure"),
                    e.code(), provenance(required(e.source(), path + ".source"), path + ".source"));
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
            List<UnknownRight> unknown = each(r.unknownRights(), "rights.unknownRights", (UnknownRightDoc u, String path) ->
                    new UnknownRight(required(u.name(), path + ".name"), provenance(u.source(), path + ".source")));
            return new EffectiveRights(map, unknown, provenance(required(r.source(), "rights.source"), "rights.source"));
        }

        private List<RightEntry> entries(List<PrincipalDoc> docs, String path) throws InputException {
            return each(docs, path, (PrincipalDoc p, String at) -> new RightEntry(principal(p, at), provenance(p.source(), at + ".source")));
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
            Sid known = sids.get(text);
            if (known != null) {
                return known;
            }
            try {
                Sid sid = Sid.parse(text);
                sids.put(text, sid);
                return sid;
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
            List<AppPool> pools = each(d.pools(), "iis.pools", this::pool);
            List<Application> apps = each(d.applications(), "iis.applications", (ApplicationDoc a, String path) ->
                    new Application(required(a.site(), path + ".site"), required(a.path(), path + ".path"), a.pool(),
                            enumValue(PoolSource.class, required(a.poolSource(), path + ".poolSource"), path + ".poolSource"),
                            provenance(a.source(), path + ".source")));
            List<CredentialUse> creds = each(d.credentials(), "iis.credentials", (CredentialDoc c, String path) ->
                    new CredentialUse(c.userName(), c.context(),
                            c.requiredRight() == null ? null : right(c.requiredRight(), path + ".requiredRight"),
                            password(c.password(), path + ".password"), provenance(c.source(), path + ".source")));
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
            return new Memberships(each(docs, "memberships", this::membership));
        }

        private AccountMembership membership(MembershipDoc m, String path) throws InputException {
            List<Principal> groups = each(m.groups(), path + ".groups", this::principal);
            if (m.account() == null && m.sid() == null) {
                throw bad(path, "a membership needs an account or a sid");
            }
            List<GroupRoute> routes = m.routes() == null ? List.of() : each(m.routes(), path + ".routes", this::route);
            return new AccountMembership(m.account(), sid(m.sid(), path + ".sid"), groups,
                    enumValue(MembershipSource.class, required(m.method(), path + ".method"), path + ".method"),
                    m.complete(), provenance(m.source(), path + ".source"), routes);
        }

        private GroupRoute route(RouteDoc r, String path) throws InputException {
            if (r == null) {
                throw bad(path, "a route must be an object");
            }
            return new GroupRoute(sid(required(r.group(), path + ".group"), path + ".group"),
                    sid(required(r.via(), path + ".via"), path + ".via"), provenance(r.source(), path + ".source"));
        }

        private GroupPolicy groupPolicy(GroupPolicyDoc d) throws InputException {
            if (d == null) {
                return null;
            }
            List<GpoInfo> gpos = each(d.gpos(), "groupPolicy.gpos", this::gpo);
            List<GpoRightSetting> settings = each(d.settings(), "groupPolicy.settings", this::setting);
            List<Provenance> sources = each(d.sources(), "groupPolicy.sources", this::provenance);
            List<GpoGap> gaps = d.gaps() == null ? List.of() : each(d.gaps(), "groupPolicy.gaps", this::gap);
            return new GroupPolicy(gpos, settings, sources, gaps);
        }

        private GpoGap gap(SnapshotDocument.GapDoc g, String path) throws InputException {
            if (g.precedence() < 0) {
                throw bad(path + ".precedence", "precedence is 0 (unknown) or starts at 1");
            }
            return new GpoGap(g.gpo() == null ? null : gpo(g.gpo(), path + ".gpo"),
                    enumValue(GpoGap.Reason.class, required(g.reason(), path + ".reason"), path + ".reason"), g.precedence(),
                    provenance(required(g.source(), path + ".source"), path + ".source"), g.detail());
        }

        private GpoRightSetting setting(SettingDoc s, String path) throws InputException {
            if (s.precedence() < 1) {
                throw bad(path + ".precedence", "precedence starts at 1");
            }
            return new GpoRightSetting(right(required(s.right(), path + ".right"), path + ".right"),
                    gpo(required(s.gpo(), path + ".gpo"), path + ".gpo"), s.precedence(),
                    entries(s.members(), path + ".members"), provenance(s.source(), path + ".source"));
        }

        private GpoInfo gpo(GpoDoc g, String path) throws InputException {
            if ((g.id() == null || g.id().isBlank()) && (g.name() == null || g.name().isBlank())) {
                throw bad(path, "a GPO needs an id or a name");
            }
            return new GpoInfo(g.id(), g.name(), g.domain());
        }

        private List<InputNote> notes(List<NoteDoc> docs) throws InputException {
            return each(docs, "notes", (NoteDoc n, String path) -> new InputNote(
                    enumValue(InputNote.Level.class, required(n.level(), path + ".level"), path + ".level"), n.code(),
                    required(n.message(), path + ".message"), n.source() == null ? null : provenance(n.source(), path + ".source")));
        }
    }
}
