package org.logonrights.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Application;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;

/**
 * The JSON report, as typed records whose field names are the documented contract
 * (docs/json-report.md, schema in docs/schema/report.schema.json). Add fields only; never rename.
 */
public final class JsonReportModel {

    /** Incremented only for incompatible changes; new optional fields keep it. */
    public static final int SCHEMA_VERSION = 1;

    private JsonReportModel() {
    }

    /** The {@code kind} of a single host's report; a fleet report is {@value FleetJsonModel#KIND}. */
    public static final String KIND = "host";

    @JsonPropertyOrder({"schemaVersion", "kind", "tool", "machine", "inputs", "summary", "pools", "machineFindings", "notes"})
    public record Report(int schemaVersion, String kind, Tool tool, Machine machine, List<Source> inputs, Summary summary,
                         List<Pool> pools, List<JsonFinding> machineFindings, List<Note> notes) {
    }

    @JsonPropertyOrder({"name", "version"})
    public record Tool(String name, String version) {
    }

    @JsonPropertyOrder({"name", "domain", "osVersion", "iisVersion"})
    public record Machine(String name, String domain, String osVersion, String iisVersion) {
    }

    @JsonPropertyOrder({"kind", "file", "line", "element"})
    public record Source(String kind, String file, Integer line, String element) {
    }

    @JsonPropertyOrder({"pools", "WILL_START", "AT_RISK", "UNKNOWN", "WILL_FAIL"})
    public record Summary(int pools, @com.fasterxml.jackson.annotation.JsonProperty("WILL_START") int willStart,
                          @com.fasterxml.jackson.annotation.JsonProperty("AT_RISK") int atRisk,
                          @com.fasterxml.jackson.annotation.JsonProperty("UNKNOWN") int unknown,
                          @com.fasterxml.jackson.annotation.JsonProperty("WILL_FAIL") int willFail) {
    }

    @JsonPropertyOrder({"name", "identity", "logonType", "requiredRight", "denyRight", "verdict", "confidence",
            "decidedBy", "reasons", "findings", "applications", "agreement", "events"})
    public record Pool(String name, Identity identity, String logonType, String requiredRight, String denyRight,
                       String verdict, String confidence, String decidedBy, List<Reason> reasons, List<JsonFinding> findings,
                       List<App> applications, Agreement agreement, List<Event> events) {
    }

    /** Null unless event logs were given (--events), like {@code events}. */
    @JsonPropertyOrder({"value", "message", "eventRecord"})
    public record Agreement(String value, String message, Source eventRecord) {
    }

    @JsonPropertyOrder({"id", "time", "meaning", "pool", "account", "failure", "code", "codeName", "message", "source"})
    public record Event(int id, String time, String meaning, String pool, String account, String failure, String code,
                        String codeName, String message, Source source) {
    }

    @JsonPropertyOrder({"type", "account", "sid"})
    public record Identity(String type, String account, String sid) {
    }

    @JsonPropertyOrder({"step", "message", "source"})
    public record Reason(String step, String message, Source source) {
    }

    @JsonPropertyOrder({"ruleId", "ruleName", "severity", "pool", "account", "message", "remediation", "location"})
    public record JsonFinding(String ruleId, String ruleName, String severity, String pool, String account,
                              String message, String remediation, Source location) {
    }

    @JsonPropertyOrder({"site", "path", "poolSource"})
    public record App(String site, String path, String poolSource) {
    }

    @JsonPropertyOrder({"level", "code", "message", "source"})
    public record Note(String level, String code, String message, Source source) {
    }

    public static Report from(AuditReport report) {
        AuditResult r = report.result();
        MachineInfo m = r.machine();
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        r.pools().forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        return new Report(SCHEMA_VERSION, KIND, new Tool("logonrights", report.toolVersion()),
                new Machine(m.name(), m.domain(), m.osVersion(), m.iisVersion()),
                report.inputs().stream().map(JsonReportModel::source).toList(),
                new Summary(r.pools().size(), counts.get(Verdict.WILL_START), counts.get(Verdict.AT_RISK),
                        counts.get(Verdict.UNKNOWN), counts.get(Verdict.WILL_FAIL)),
                r.pools().stream().map(JsonReportModel::pool).toList(),
                r.machineFindings().stream().map(JsonReportModel::finding).toList(),
                r.notes().stream().map(JsonReportModel::note).toList());
    }

    private static Pool pool(PoolResult p) {
        return new Pool(p.name(),
                new Identity(p.identity().type().iisName(), p.identity().account(),
                        p.identity().sid() == null ? null : p.identity().sid().toString()),
                p.logon().label(),
                p.requiredRight() == null ? null : p.requiredRight().constantName(),
                p.requiredRight() == null ? null : p.requiredRight().twin().constantName(),
                p.verdict().name(), p.confidence().name(), p.decidedBy(),
                p.reasons().stream().map(JsonReportModel::reason).toList(),
                p.findings().stream().map(JsonReportModel::finding).toList(),
                p.applications().stream().map(JsonReportModel::app).toList(),
                p.events() == null ? null : new Agreement(p.events().agreement().name(), EventTexts.agreement(p),
                        p.events().decidedBy() == null ? null : source(p.events().decidedBy().source())),
                p.events() == null ? null : p.events().events().stream().map(JsonReportModel::event).toList());
    }

    private static Event event(org.logonrights.model.LoggedEvent e) {
        String named = e.code() == null ? null : EventTexts.code(e.code());
        return new Event(e.kind().id(), e.time().toString(), e.kind().meaning(), e.poolName(), e.account(),
                e.failure() == null ? null : e.failure().name(), e.code(),
                named == null || named.equals(e.code()) ? null : named.substring(e.code().length() + 1),
                EventTexts.event(e), source(e.source()));
    }

    private static Reason reason(ReasonStep s) {
        return new Reason(s.step().name(), s.message(), source(s.source()));
    }

    static JsonFinding finding(Finding f) {
        return new JsonFinding(f.ruleId(), f.ruleName(), f.severity().name(), f.pool(), f.account(), f.message(),
                f.remediation(), source(f.location()));
    }

    private static App app(Application a) {
        return new App(a.siteName(), a.path(), a.poolSource().name());
    }

    private static Note note(InputNote n) {
        return new Note(n.level().name(), n.code(), n.message(), source(n.provenance()));
    }

    static Source source(Provenance p) {
        if (p == null) {
            return null;
        }
        return new Source(p.kind().name(), p.file(), p.line() > 0 ? p.line() : null, p.element());
    }
}
