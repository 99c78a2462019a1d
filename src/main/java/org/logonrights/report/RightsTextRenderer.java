package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.logonrights.engine.RightsAnalysis.Drift;
import org.logonrights.engine.RightsAnalysis.Holding;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.engine.Wording;
import org.logonrights.model.GpoInfo;

/** The {@code rights} answer as text: each right, its owner, and its holders with their origin and drift. */
public final class RightsTextRenderer implements RightsRenderer {

    private static final String OWNER = "  owner: ";
    private final RenderOptions options;

    /** For a file: every holder on one line, whatever its length. */
    public RightsTextRenderer() {
        this(RenderOptions.PLAIN);
    }

    /** On a terminal ({@link RenderOptions#terminal()}), a drift note too long for the line goes under it. */
    public RightsTextRenderer(RenderOptions options) {
        this.options = options;
    }

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
            } else if (!r.unread().isEmpty()) {
                owner = "  owner: unknown (" + String.join("; ", r.unread().stream()
                        .map(g -> g.label() + ": " + Wording.gapReason(g.reason())).toList()) + ")";
            } else if (r.definedBy() == null) {
                owner = "  owner: local policy (no GPO defines it)";
            } else {
                owner = "  owner: GPO " + r.definedBy().label() + "; local changes are overwritten at the next refresh";
                if (!r.losing().isEmpty()) {
                    owner += " (overrides " + String.join(", ", r.losing().stream().map(GpoInfo::label).toList()) + ")";
                }
            }
            if (options.terminal()) {
                TextRenderer.wrap(out, OWNER, owner.substring(OWNER.length()), options);
            } else {
                out.write(owner + "\n");
            }
            if (r.holders().isEmpty()) {
                out.write("  holders: nobody\n");
                continue;
            }
            int width = r.holders().stream().mapToInt(h -> label(h).length()).max().orElse(0);
            for (Holding h : r.holders()) {
                String l = label(h);
                String line = "  " + l + " ".repeat(width - l.length() + 2) + h.origin().name().toLowerCase(Locale.ROOT);
                String drift = drift(h);
                String whole = drift.isEmpty() ? line : line + "  " + drift;
                if (!options.terminal() || whole.length() <= options.width()) {
                    out.write(whole + "\n");
                } else if (line.length() <= options.width()) {
                    out.write(line + "\n");
                    TextRenderer.wrap(out, "      ", drift, options);
                } else {
                    // A name and SID too wide for the columns: origin and drift go under it.
                    TextRenderer.wrap(out, "  ", l, options);
                    TextRenderer.wrap(out, "      ", h.origin().name().toLowerCase(Locale.ROOT)
                            + (drift.isEmpty() ? "" : " " + drift), options);
                }
            }
        }
    }

    /** "[drift: removed at next refresh]", or "" for a holder the next refresh keeps. */
    private static String drift(Holding h) {
        String maybe = h.driftCertain() ? "" : "?";
        if (h.drift() == Drift.REMOVED_AT_NEXT_REFRESH) {
            return "[drift" + maybe + ": removed at next refresh"
                    + (h.driftCertain() ? "" : ", unless a GPO member without a SID is the same principal") + "]";
        }
        if (h.drift() == Drift.ADDED_AT_NEXT_REFRESH) {
            return "[drift" + maybe + ": added at next refresh" + (h.driftCertain() ? "" : ", unless it is one of the SIDs above") + "]";
        }
        return "";
    }

    private static String label(Holding h) {
        if (h.name() == null) {
            return h.sid().toString();
        }
        return h.sid() == null ? h.name() + " (no SID)" : h.name() + " (" + h.sid() + ")";
    }
}
