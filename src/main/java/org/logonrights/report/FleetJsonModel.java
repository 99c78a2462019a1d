package org.logonrights.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.logonrights.engine.Verdict;

/**
 * The fleet JSON report (docs/json-report.md, "Fleet report"; schema docs/schema/fleet.schema.json):
 * a summary over every host, then each host with its single-host report. Add fields only; never rename.
 */
public final class FleetJsonModel {

    /** The {@code kind} of a report over several hosts or snapshots. */
    public static final String KIND = "fleet";

    private FleetJsonModel() {
    }

    @JsonPropertyOrder({"schemaVersion", "kind", "tool", "summary", "hosts"})
    public record Fleet(int schemaVersion, String kind, JsonReportModel.Tool tool, Summary summary, List<Host> hosts) {
    }

    @JsonPropertyOrder({"hosts", "audited", "failed", "pools", "WILL_START", "AT_RISK", "UNKNOWN", "WILL_FAIL"})
    public record Summary(int hosts, int audited, int failed, int pools,
                          @JsonProperty("WILL_START") int willStart, @JsonProperty("AT_RISK") int atRisk,
                          @JsonProperty("UNKNOWN") int unknown, @JsonProperty("WILL_FAIL") int willFail) {
    }

    @JsonPropertyOrder({"host", "status", "error", "exitCode", "report"})
    public record Host(String host, String status, String error, int exitCode, JsonReportModel.Report report) {
    }

    /** The head of the fleet: everything but its hosts. */
    static Fleet head(FleetSummary s) {
        return new Fleet(JsonReportModel.SCHEMA_VERSION, KIND, new JsonReportModel.Tool("logonrights", s.toolVersion()),
                new Summary(s.hosts(), s.audited(), s.failed(), s.pools(), s.count(Verdict.WILL_START),
                        s.count(Verdict.AT_RISK), s.count(Verdict.UNKNOWN), s.count(Verdict.WILL_FAIL)), List.of());
    }

    static Host host(HostAudit h) {
        return new Host(h.host(), h.audited() ? "AUDITED" : "ERROR", h.error(), h.exitCode(),
                h.audited() ? JsonReportModel.from(h.report()) : null);
    }
}
