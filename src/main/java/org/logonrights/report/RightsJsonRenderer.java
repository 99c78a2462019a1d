package org.logonrights.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.MachineInfo;

/** The {@code rights} answer as JSON (docs/json-report.md, "rights"). */
public final class RightsJsonRenderer implements RightsRenderer {

    @JsonPropertyOrder({"schemaVersion", "machine", "groupPolicyKnown", "rights"})
    public record RightsJson(int schemaVersion, JsonReportModel.Machine machine, boolean groupPolicyKnown,
                             List<RightJson> rights) {
    }

    @JsonPropertyOrder({"right", "displayName", "definedBy", "losingGpos", "holders"})
    public record RightJson(String right, String displayName, GpoJson definedBy, List<GpoJson> losingGpos,
                            List<HolderJson> holders) {
    }

    @JsonPropertyOrder({"id", "name", "domain"})
    public record GpoJson(String id, String name, String domain) {
    }

    @JsonPropertyOrder({"name", "sid", "origin", "drift", "driftCertain", "source"})
    public record HolderJson(String name, String sid, String origin, String drift, boolean driftCertain,
                             JsonReportModel.Source source) {
    }

    @Override
    public void render(RightsReport report, Writer out) throws IOException {
        MachineInfo m = report.machine();
        JsonRenderer.write(new RightsJson(JsonReportModel.SCHEMA_VERSION,
                new JsonReportModel.Machine(m.name(), m.domain(), m.osVersion(), m.iisVersion()),
                report.groupPolicyKnown(), report.rights().stream().map(RightsJsonRenderer::right).toList()), out);
    }

    private static RightJson right(RightSummary r) {
        return new RightJson(r.right().constantName(), r.right().displayName(), gpo(r.definedBy()),
                r.losing().stream().map(RightsJsonRenderer::gpo).toList(),
                r.holders().stream().map(h -> new HolderJson(h.name(), h.sid() == null ? null : h.sid().toString(),
                        h.origin().name(), h.drift().name(), h.driftCertain(), JsonReportModel.source(h.source()))).toList());
    }

    private static GpoJson gpo(GpoInfo g) {
        return g == null ? null : new GpoJson(g.id(), g.displayName(), g.domain());
    }
}
