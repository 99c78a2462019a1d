package org.logonrights.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.logonrights.engine.RightsAnalysis.Drift;
import org.logonrights.engine.RightsAnalysis.Holding;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.MachineInfo;

/** Renders the {@code rights} command's answer as text or JSON (docs/json-report.md, "rights"). */
public final class RightsRenderer {

    private RightsRenderer() {
    }

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

    public static void json(MachineInfo machine, List<RightSummary> rights, Writer out) throws IOException {
        boolean gp = !rights.isEmpty() && rights.get(0).groupPolicyKnown();
        JsonRenderer.write(new RightsJson(JsonReportModel.SCHEMA_VERSION,
                new JsonReportModel.Machine(machine.name(), machine.domain(), machine.osVersion(), machine.iisVersion()), gp,
                rights.stream().map(r -> new RightJson(r.right().constantName(), r.right().displayName(), gpo(r.definedBy()),
                        r.losing().stream().map(RightsRenderer::gpo).toList(),
                        r.holders().stream().map(h -> new HolderJson(h.name(), h.sid() == null ? null : h.sid().toString(),
                                h.origin().name(), h.drift().name(), h.driftCertain(), JsonReportModel.source(h.source()))).toList())).toList()),
                out);
    }

    private static GpoJson gpo(GpoInfo g) {
        return g == null ? null : new GpoJson(g.id(), g.displayName(), g.domain());
    }

    public static void text(List<RightSummary> rights, Writer out) throws IOException {
        boolean first = true;
        for (RightSummary r : rights) {
            if (!first) {
                out.write("\n");
            }
            first = false;
            out.write(r.right().constantName() + " (" + r.right().displayName() + ")\n");
            String owner;
            if (!r.groupPolicyKnown()) {
                owner = "  owner: unknown (no --gpresult or --gpo-template given)";
            } else if (r.definedBy() == null) {
                owner = "  owner: local policy (no GPO defines it)";
            } else {
                owner = "  owner: GPO " + r.definedBy().label() + "; local changes are overwritten at the next refresh";
                if (!r.losing().isEmpty()) {
                    owner += " (overrides " + String.join(", ", r.losing().stream().map(GpoInfo::label).toList()) + ")";
                }
            }
            out.write(owner + "\n");
            if (r.holders().isEmpty()) {
                out.write("  holders: nobody\n");
                continue;
            }
            int width = r.holders().stream().mapToInt(h -> label(h).length()).max().orElse(0);
            for (Holding h : r.holders()) {
                String l = label(h);
                StringBuilder line = new StringBuilder("  ").append(l).append(" ".repeat(width - l.length() + 2))
                        .append(h.origin().name().toLowerCase(Locale.ROOT));
                String maybe = h.driftCertain() ? "" : "?";
                if (h.drift() == Drift.REMOVED_AT_NEXT_REFRESH) {
                    line.append("  [drift").append(maybe).append(": removed at next refresh")
                            .append(h.driftCertain() ? "" : ", unless a GPO member without a SID is the same principal")
                            .append(']');
                } else if (h.drift() == Drift.ADDED_AT_NEXT_REFRESH) {
                    line.append("  [drift").append(maybe).append(": added at next refresh")
                            .append(h.driftCertain() ? "" : ", unless it is one of the SIDs above").append(']');
                }
                out.write(line.toString() + "\n");
            }
        }
    }

    private static String label(Holding h) {
        if (h.name() == null) {
            return h.sid().toString();
        }
        return h.sid() == null ? h.name() + " (no SID)" : h.name() + " (" + h.sid() + ")";
    }
}
