package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;

/**
 * The fleet report for people: one line over the whole fleet, a table of hosts by verdict counts,
 * then, grouped by host, each pool that is not WILL_START with its one-line reason, and each host
 * that could not be read with why. {@code logonrights explain POOL --snapshot FILE} gives a pool's
 * full chain.
 */
public final class TextFleetRenderer implements FleetRenderer {

    /** The verdict columns, in the order of the single-host summary line. */
    static final Verdict[] COLUMNS = {Verdict.WILL_START, Verdict.WILL_FAIL, Verdict.AT_RISK, Verdict.UNKNOWN};
    private final RenderOptions options;

    public TextFleetRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void head(FleetSummary s, Writer out) throws IOException {
        TextRenderer.wrap(out, "", summaryLine(s), options);
        out.write("\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HOST", "STATUS", "POOLS", "WILL_START", "WILL_FAIL", "AT_RISK", "UNKNOWN"});
        for (FleetSummary.Row r : s.rows()) {
            String[] row = new String[COLUMNS.length + 3];
            row[0] = TextRenderer.truncate(r.host());
            row[1] = r.audited() ? "AUDITED" : "ERROR";
            row[2] = r.audited() ? String.valueOf(r.pools()) : "-";
            for (int i = 0; i < COLUMNS.length; i++) {
                row[i + 3] = r.audited() ? String.valueOf(r.count(COLUMNS[i])) : "-";
            }
            rows.add(row);
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.write(line.toString().stripTrailing() + "\n");
        }
    }

    /** "3 hosts (2 audited, 1 not read), 10 pools: 7 will start, 2 will fail, 1 at risk, 0 unknown". */
    static String summaryLine(FleetSummary s) {
        return s.hosts() + " host" + (s.hosts() == 1 ? "" : "s") + " (" + s.audited() + " audited, " + s.failed()
                + " not read), " + s.pools() + " pool" + (s.pools() == 1 ? "" : "s") + ": "
                + s.count(Verdict.WILL_START) + " will start, " + s.count(Verdict.WILL_FAIL) + " will fail, "
                + s.count(Verdict.AT_RISK) + " at risk, " + s.count(Verdict.UNKNOWN) + " unknown";
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        if (!host.audited()) {
            out.write("\n");
            TextRenderer.wrap(out, "", host.host() + ": not read (exit " + host.exitCode() + "): " + host.error(), options);
            return;
        }
        List<PoolResult> attention = host.report().result().pools().stream()
                .filter(p -> p.verdict() != Verdict.WILL_START).toList();
        if (attention.isEmpty()) {
            return;
        }
        out.write("\n" + host.host() + ":\n");
        int name = attention.stream().mapToInt(p -> TextRenderer.truncate(p.name()).length()).max().orElse(0);
        int verdict = attention.stream().mapToInt(p -> p.verdict().name().length()).max().orElse(0);
        for (PoolResult p : attention) {
            String prefix = "  " + pad(TextRenderer.truncate(p.name()), name + 2) + pad(p.verdict().name(), verdict + 2);
            TextRenderer.wrap(out, prefix, ReportFacts.headline(p) + " (confidence "
                    + p.confidence().name().toLowerCase(Locale.ROOT) + ")", options);
        }
    }

    @Override
    public void tail(FleetSummary summary, Writer out) {
        // nothing: the head and the hosts say it all
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }
}
