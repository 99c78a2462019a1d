package org.logonrights.report;

import java.io.IOException;
import org.logonrights.model.LoggedEvent;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Provenance;

/**
 * The report for people: a summary line, a table of pools to read at a glance, then the reason
 * chain and fixes of every pool that is not WILL_START, then machine-wide findings.
 */
public final class TextRenderer implements Renderer {

    private static final int MAX_CELL = 40;
    private final RenderOptions options;
    private final String onlyPool;

    public TextRenderer(RenderOptions options) {
        this(options, null);
    }

    /** With {@code onlyPool} set, renders the full reason chain of that pool alone ({@code explain}). */
    public TextRenderer(RenderOptions options, String onlyPool) {
        this.options = options;
        this.onlyPool = onlyPool;
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        AuditResult r = report.result();
        if (onlyPool != null) {
            for (PoolResult p : r.pools()) {
                if (p.name().equalsIgnoreCase(onlyPool)) {
                    explain(p, out);
                }
            }
            return;
        }
        out.write(summaryLine(r) + "\n");
        if (!r.pools().isEmpty()) {
            out.write("\n");
            table(r.pools(), out);
        }
        for (PoolResult p : r.pools()) {
            if (p.verdict() != Verdict.WILL_START || ReportFacts.eventsDisagree(p)) {
                out.write("\n");
                explain(p, out);
            }
        }
        List<Finding> infos = new ArrayList<>();
        r.pools().stream().filter(p -> p.verdict() == Verdict.WILL_START && !ReportFacts.eventsDisagree(p))
                .forEach(p -> infos.addAll(p.findings()));
        infos.addAll(r.machineFindings());
        if (!infos.isEmpty()) {
            out.write("\nOther findings:\n");
            for (Finding f : infos) {
                wrap(out, "  ", f.ruleId() + " " + f.ruleName() + ": " + f.message() + where(f.location()));
            }
        }
        if (!r.notes().isEmpty()) {
            out.write("\nInput notes:\n");
            r.notes().forEach(n -> {
                try {
                    wrap(out, "  ", n.level().name().toLowerCase(Locale.ROOT) + ": " + n.message() + where(n.provenance()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static String summaryLine(AuditResult r) {
        String machine = r.machine().name() == null ? "" : " on " + r.machine().name();
        long start = count(r, Verdict.WILL_START);
        long fail = count(r, Verdict.WILL_FAIL);
        long risk = count(r, Verdict.AT_RISK);
        long unknown = count(r, Verdict.UNKNOWN);
        return r.pools().size() + " application pool" + (r.pools().size() == 1 ? "" : "s") + machine + ": "
                + start + " will start, " + fail + " will fail, " + risk + " at risk, " + unknown + " unknown";
    }

    private static long count(AuditResult r, Verdict v) {
        return r.pools().stream().filter(p -> p.verdict() == v).count();
    }

    private void table(List<PoolResult> pools, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        // The agreement column appears only when event logs were given, so other reports keep their bytes.
        boolean events = pools.stream().anyMatch(p -> p.events() != null);
        rows.add(events ? new String[] {"POOL", "IDENTITY", "LOGON", "REQUIRED RIGHT", "VERDICT", "CONFIDENCE", "AGREEMENT"}
                : new String[] {"POOL", "IDENTITY", "LOGON", "REQUIRED RIGHT", "VERDICT", "CONFIDENCE"});
        for (PoolResult p : pools) {
            String[] row = {p.name(), p.identity().account() == null ? "(none)" : p.identity().account(),
                    p.logon().label(), p.requiredRight() == null ? "-" : p.requiredRight().constantName(),
                    p.verdict().name(), p.confidence().name().toLowerCase(Locale.ROOT)};
            if (events) {
                row = java.util.Arrays.copyOf(row, 7);
                row[6] = p.events() == null ? "-" : p.events().agreement().name();
            }
            rows.add(row);
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = truncate(row[i]);
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = i == 4 && r > 0 ? colour(row[i], Verdict.valueOf(row[i])) : row[i];
                line.append(cell);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.write(line.toString().stripTrailing() + "\n");
        }
    }

    private void explain(PoolResult p, Writer out) throws IOException {
        out.write(p.name() + ": " + colour(p.verdict().name(), p.verdict()) + " (confidence "
                + p.confidence().name().toLowerCase(Locale.ROOT) + ")\n");
        for (ReasonStep s : p.reasons()) {
            String label = s.step().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            wrap(out, "  " + pad(label, 15), s.message() + where(s.source()));
        }
        if (p.events() != null) {
            for (LoggedEvent e : p.events().events()) {
                wrap(out, "  " + pad("event", 15), EventTexts.event(e) + where(e.source()));
            }
            wrap(out, "  " + pad("agreement", 15), EventTexts.agreement(p));
        }
        for (Finding f : p.findings()) {
            wrap(out, "  " + pad("finding", 15), f.ruleId() + " " + f.ruleName() + " (" + f.severity().name().toLowerCase(Locale.ROOT)
                    + "): " + f.message());
            if (f.remediation() != null) {
                wrap(out, "  " + pad("fix", 15), f.remediation());
            }
        }
    }

    private static String where(Provenance p) {
        if (p == null || p.file() == null) {
            return "";
        }
        return " [" + p.describe() + "]";
    }

    private String colour(String text, Verdict v) {
        if (!options.color()) {
            return text;
        }
        String code = switch (v) {
            case WILL_START -> "32";
            case AT_RISK -> "33";
            case UNKNOWN -> "36";
            case WILL_FAIL -> "31;1";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private void wrap(Writer out, String prefix, String text) throws IOException {
        int width = Math.max(60, options.width());
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (line.length() - lineStart > prefix.length() && line.length() - lineStart + 1 + word.length() > width) {
                line.append('\n');
                lineStart = line.length();
                line.append(indent);
            } else if (line.length() - lineStart > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.write(line.toString().stripTrailing() + "\n");
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }

    /** Cuts long names in the middle, where domain prefixes and suffixes stay recognisable. */
    static String truncate(String s) {
        if (s.length() <= MAX_CELL) {
            return s;
        }
        int keep = MAX_CELL - 3;
        return s.substring(0, keep - keep / 3) + "..." + s.substring(s.length() - keep / 3);
    }
}
