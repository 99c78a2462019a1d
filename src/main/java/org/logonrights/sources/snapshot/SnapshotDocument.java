package org.logonrights.sources.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A snapshot file as JSON sees it (docs/snapshot.md, schema docs/schema/snapshot.schema.json): one
 * record type per JSON object, fields in the order they are written. Values are kept as the file
 * spells them; {@link SnapshotReader} turns them into model objects and says where a value is wrong.
 * Passwords are never in it: only whether one is set and by which provider.
 */
@JsonPropertyOrder({"format", "schemaVersion", "tool", "machine", "rights", "iis", "memberships", "groupPolicy", "notes",
        "events"})
public record SnapshotDocument(String format, int schemaVersion, ToolDoc tool, MachineDoc machine, RightsDoc rights,
                               IisDoc iis, List<MembershipDoc> memberships, GroupPolicyDoc groupPolicy,
                               List<NoteDoc> notes,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) EventsDoc events) {

    /** A document without event logs (absent from the JSON, so older snapshots keep their bytes). */
    public SnapshotDocument(String format, int schemaVersion, ToolDoc tool, MachineDoc machine, RightsDoc rights,
                            IisDoc iis, List<MembershipDoc> memberships, GroupPolicyDoc groupPolicy, List<NoteDoc> notes) {
        this(format, schemaVersion, tool, machine, rights, iis, memberships, groupPolicy, notes, null);
    }

    /** The events kept from the server's logs ({@code collect --events}). */
    @JsonPropertyOrder({"files", "events"})
    public record EventsDoc(List<EventFileDoc> files, List<EventDoc> events) {
    }

    @JsonPropertyOrder({"name", "read", "kept", "complete"})
    public record EventFileDoc(String name, int read, int kept, boolean complete) {
    }

    /** {@code id} is the event id, {@code failure} a LogonFailure name or null. */
    @JsonPropertyOrder({"id", "time", "recordId", "computer", "pool", "account", "accountSid", "failure", "code", "source"})
    public record EventDoc(int id, String time, long recordId, String computer, String pool, String account,
                           String accountSid, String failure, String code, SourceDoc source) {
    }

    /** The document's {@code format} marker. */
    public static final String FORMAT = "logonrights-snapshot";
    /** Bumped only for incompatible changes; readers accept every version up to this one. */
    public static final int SCHEMA_VERSION = 1;

    @JsonPropertyOrder({"name", "version"})
    public record ToolDoc(String name, String version) {
    }

    @JsonPropertyOrder({"name", "domain", "osVersion", "iisVersion"})
    public record MachineDoc(String name, String domain, String osVersion, String iisVersion) {
    }

    /** Where a fact came from; {@code line} is absent when unknown. */
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

    /** One link of a membership: {@code group} holds {@code via}, as recorded where {@code source} says. */
    @JsonPropertyOrder({"group", "via", "source"})
    public record RouteDoc(String group, String via, SourceDoc source) {
    }

    /** {@code gaps} (GPOs whose settings could not be read) is left out when empty, so complete data is written as before. */
    @JsonPropertyOrder({"gpos", "settings", "sources", "gaps"})
    public record GroupPolicyDoc(List<GpoDoc> gpos, List<SettingDoc> settings, List<SourceDoc> sources,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GapDoc> gaps) {
        public GroupPolicyDoc(List<GpoDoc> gpos, List<SettingDoc> settings, List<SourceDoc> sources) {
            this(gpos, settings, sources, List.of());
        }
    }

    /** A GPO (null: the list of applied GPOs) whose settings could not be read, and why ({@code GpoGap.Reason}). */
    @JsonPropertyOrder({"gpo", "reason", "precedence", "detail", "source"})
    public record GapDoc(GpoDoc gpo, String reason, int precedence, String detail, SourceDoc source) {
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
}
