package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.Provenance;

/**
 * The report for people: a summary line, a table of pools to read at a glance, then the reason
 * chain and fixes of every pool that is not WILL_START, then machine-wide findings.
 */
public final class TextRenderer implements Renderer {

    private static final int MAX_CELL = 40;
    /** Text is never wrapped narrower than this, however narrow the terminal says it is. */
    private static final int MIN_WIDTH = 40;
    private final RenderOptions options;
    private final String onlyPool;
    private final boolean glossary;

    public TextRenderer(RenderOptions options) {
        this(options, null, false);
    }

    /**
     * With {@code onlyPool} set, renders the full reason chain of that pool alone ({@code explain}),
     * followed, when {@code glossary} is set, by what the insider terms it used and its confidence mean.
     */
    public TextRenderer(RenderOptions options, String onlyPool, boolean glossary) {
        this.options = options;
        this.onlyPool = onlyPool;
        this.glossary = glossary;
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        AuditResult r = report.result();
        if (onlyPool != null) {
            for (PoolResult p : r.pools()) {
                if (p.name().equalsIgnoreCase(onlyPool)) {
                    java.io.StringWriter chain = new java.io.StringWriter();
                    explain(p, chain);
                    out.write(chain.toString());
                    if (glossary) {
                        glossary(chain.toString(), p, out);
                    }
                }
            }
            return;
        }
        if (options.terminal()) {
            wrap(out, "", summaryLine(r));
        } else {
            out.write(summaryLine(r) + "\n");
        }
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

    /**
     * The pools at a glance: all six columns in a file, whose layout is fixed, and on a terminal wide
     * enough; on a narrower terminal identity and confidence move to a line under each row; on a very
     * narrow one, each pool is a short block.
     */
    private void table(List<PoolResult> pools, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        // The agreement column appears only when event logs were given, so other reports keep their bytes.
        boolean events = pools.stream().anyMatch(p -> p.events() != null);
        rows.add(events ? new String[] {"POOL", "IDENTITY", "LOGON", "REQUIRED RIGHT", "VERDICT", "CONFIDENCE", "AGREEMENT"}
                : new String[] {"POOL", "IDENTITY", "LOGON", "REQUIRED RIGHT", "VERDICT", "CONFIDENCE"});
        for (PoolResult p : pools) {
            String[] row = {p.name(), identity(p), p.logon().label(), requiredRight(p),
                    p.verdict().name(), p.confidence().name().toLowerCase(Locale.ROOT)};
            if (events) {
                row = java.util.Arrays.copyOf(row, AGREEMENT_COLUMN + 1);
                row[AGREEMENT_COLUMN] = agreement(p);
            }
            rows.add(row);
        }
        rows.forEach(row -> java.util.Arrays.setAll(row, i -> truncate(row[i])));
        int width = Math.max(MIN_WIDTH, options.width());
        int[] all = events ? ALL_COLUMNS_WITH_EVENTS : ALL_COLUMNS;
        int[] narrow = events ? NARROW_COLUMNS_WITH_EVENTS : NARROW_COLUMNS;
        if (!options.terminal() || tableWidth(rows, all) <= width) {
            writeRows(rows, all, pools, false, out);
        } else if (tableWidth(rows, narrow) <= width) {
            writeRows(rows, narrow, pools, true, out);
        } else {
            for (PoolResult p : pools) {
                out.write(p.name() + ": " + colour(p.verdict().name(), p.verdict()) + " (confidence "
                        + p.confidence().name().toLowerCase(Locale.ROOT) + ")\n");
                wrap(out, "  ", "identity " + identity(p) + ", " + p.logon().label() + " logon, required right "
                        + requiredRight(p) + (events ? ", agreement " + agreement(p) : ""));
            }
        }
    }

    private static final int[] ALL_COLUMNS = {0, 1, 2, 3, 4, 5};
    /** Pool, logon, required right, verdict: identity and confidence go to the line below. */
    private static final int[] NARROW_COLUMNS = {0, 2, 3, 4};
    private static final int VERDICT_COLUMN = 4;
    /** The seventh column, present only when event logs were given. */
    private static final int AGREEMENT_COLUMN = 6;
    private static final int[] ALL_COLUMNS_WITH_EVENTS = {0, 1, 2, 3, 4, 5, 6};
    private static final int[] NARROW_COLUMNS_WITH_EVENTS = {0, 2, 3, 4, 6};

    private static int tableWidth(List<String[]> rows, int[] columns) {
        int total = 2 * (columns.length - 1);
        for (int c : columns) {
            total += rows.stream().mapToInt(row -> row[c].length()).max().orElse(0);
        }
        return total;
    }

    private void writeRows(List<String[]> rows, int[] columns, List<PoolResult> pools, boolean detailLine, Writer out)
            throws IOException {
        int[] widths = new int[columns.length];
        for (String[] row : rows) {
            for (int i = 0; i < columns.length; i++) {
                widths[i] = Math.max(widths[i], row[columns[i]].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < columns.length; i++) {
                String text = row[columns[i]];
                line.append(columns[i] == VERDICT_COLUMN && r > 0 ? colour(text, Verdict.valueOf(text)) : text);
                if (i < columns.length - 1) {
                    line.append(" ".repeat(widths[i] - text.length() + 2));
                }
            }
            out.write(line.toString().stripTrailing() + "\n");
            if (detailLine && r > 0) {
                PoolResult p = pools.get(r - 1);
                wrap(out, "    ", "identity " + identity(p) + ", confidence " + p.confidence().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String identity(PoolResult p) {
        return p.identity().account() == null ? "(none)" : p.identity().account();
    }

    private static String agreement(PoolResult p) {
        return p.events() == null ? "-" : p.events().agreement().name();
    }

    private static String requiredRight(PoolResult p) {
        return p.requiredRight() == null ? "-" : p.requiredRight().constantName();
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

    /**
     * " [file line N]": the file's spaces are non-breaking while the text is wrapped, so that a path
     * such as ".../Windows NT/SecEdit/GptTmpl.inf" is never split across lines.
     */
    /** "Terms used above": the confidence level, then each glossary term the explanation used. */
    private void glossary(String explanation, PoolResult p, Writer out) throws IOException {
        List<String[]> entries = new ArrayList<>();
        entries.add(new String[] {Glossary.term(p.confidence()), Glossary.meaning(p.confidence())});
        Glossary.usedIn(explanation).forEach(e -> entries.add(new String[] {e.term(), e.meaning()}));
        int width = entries.stream().mapToInt(e -> e[0].length()).max().orElse(0) + 2;
        out.write("\nTerms used above (docs/glossary.md has them all; --no-glossary leaves this out):\n");
        for (String[] e : entries) {
            wrap(out, "  " + pad(e[0], width), e[1]);
        }
    }

    private static String where(Provenance p) {
        if (p == null || p.file() == null) {
            return "";
        }
        String described = p.describe();
        return " [" + p.file().replace(' ', NO_BREAK) + described.substring(p.file().length()) + "]";
    }

    /** Stands for a space that {@link #wrap} must not break at; written out as a plain space. */
    private static final char NO_BREAK = '\ue000';

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

    /**
     * Writes {@code text} after {@code prefix}, wrapped at spaces to the width; a word is never split.
     * On a terminal, a word too long to follow the indent (a SID, a path) starts its own line at the
     * margin instead, so that it fits when it can.
     */
    private void wrap(Writer out, String prefix, String text) throws IOException {
        wrap(out, prefix, text, options);
    }

    /** {@link #wrap(Writer, String, String)} with the given options, for the other text renderers. */
    static void wrap(Writer out, String prefix, String text, RenderOptions options) throws IOException {
        int width = Math.max(MIN_WIDTH, options.width());
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (line.length() - lineStart > prefix.length() && line.length() - lineStart + 1 + word.length() > width) {
                line.append('\n');
                lineStart = line.length();
                boolean tooLong = options.terminal() && indent.length() + word.length() > width;
                line.append(tooLong ? " ".repeat(Math.max(0, Math.min(MARGIN, width - word.length()))) : indent);
            } else if (line.length() - lineStart > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.write(line.toString().stripTrailing().replace(NO_BREAK, ' ') + "\n");
    }

    /** The indent of a word too long for the usual one. */
    private static final int MARGIN = 4;

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
