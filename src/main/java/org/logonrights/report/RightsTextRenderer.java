package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.logonrights.engine.RightsAnalysis.Drift;
import org.logonrights.engine.RightsAnalysis.Holding;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.model.GpoInfo;

/** The {@code rights} answer as text: each right, its owner, and its holders with their origin and drift. */
public final class RightsTextRenderer implements RightsRenderer {

    @Override
    public void render(RightsReport report, Writer out) throws IOException {
        boolean first = true;
        for (RightSummary r : report.rights()) {
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
