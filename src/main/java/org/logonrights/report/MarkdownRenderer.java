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
import org.logonrights.model.InputNote;

/**
 * A Markdown report that pastes cleanly into a GitHub issue or pull request: a summary line, a table
 * of pools, a section with the numbered reason chain and the fixes of every pool that is not
 * WILL_START, then the remaining findings and input notes as lists.
 */
public final class MarkdownRenderer implements Renderer {

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        AuditResult r = report.result();
        List<String> blocks = new ArrayList<>();
        blocks.add(summary(r));
        if (!r.pools().isEmpty()) {
            blocks.add(table(r.pools()));
        }
        for (PoolResult p : r.pools()) {
            if (p.verdict() != Verdict.WILL_START || ReportFacts.eventsDisagree(p)) {
                blocks.add(section(p));
            }
        }
        List<Finding> started = r.pools().stream().filter(p -> p.verdict() == Verdict.WILL_START
                        && !ReportFacts.eventsDisagree(p))
                .flatMap(p -> p.findings().stream()).toList();
        if (!started.isEmpty()) {
            blocks.add("### Findings on pools that will start\n\n" + findingList(started));
        }
        if (!r.machineFindings().isEmpty()) {
            blocks.add("### Machine findings\n\n" + findingList(r.machineFindings()));
        }
        if (!r.notes().isEmpty()) {
            blocks.add("### Input notes\n\n" + noteList(r.notes()));
        }
        out.write(String.join("\n\n", blocks));
        out.write("\n");
    }

    /** {@code **6 pools** on SRV-WEB01: 4 will start, 1 will fail, 1 at risk, 0 unknown}. */
    static String summary(AuditResult r) {
        int n = r.pools().size();
        String machine = r.machine().name() == null || r.machine().name().isBlank() ? ""
                : " on " + MarkdownText.text(r.machine().name());
        return "**" + n + " pool" + (n == 1 ? "" : "s") + "**" + machine + ": "
                + ReportFacts.count(r, Verdict.WILL_START) + " will start, "
                + ReportFacts.count(r, Verdict.WILL_FAIL) + " will fail, "
                + ReportFacts.count(r, Verdict.AT_RISK) + " at risk, "
                + ReportFacts.count(r, Verdict.UNKNOWN) + " unknown";
    }

    private static String table(List<PoolResult> pools) {
        // The agreement column appears only when event logs were given, so other reports keep their bytes.
        boolean events = pools.stream().anyMatch(p -> p.events() != null);
        StringBuilder b = new StringBuilder(events
                ? "| Pool | Identity | Required right | Verdict | Agreement |\n| --- | --- | --- | --- | --- |"
                : "| Pool | Identity | Required right | Verdict |\n| --- | --- | --- | --- |");
        for (PoolResult p : pools) {
            b.append("\n| ").append(MarkdownText.cell(p.name()))
                    .append(" | ").append(p.identity().account() == null ? "(none)" : MarkdownText.cell(p.identity().account()))
                    .append(" | ").append(p.requiredRight() == null ? "-" : MarkdownText.cell(p.requiredRight().constantName()))
                    .append(" | ").append(verdict(p.verdict()));
            if (events) {
                b.append(" | ").append(p.events() == null ? "-" : p.events().agreement().name());
            }
            b.append(" |");
        }
        return b.toString();
    }

    /** Bold where a reader must act; underscores inside a word are literal in GFM. */
    private static String verdict(Verdict v) {
        return v == Verdict.WILL_START ? v.name() : "**" + v.name() + "**";
    }

    private static String section(PoolResult p) {
        StringBuilder b = new StringBuilder("### ").append(MarkdownText.code(p.name())).append(": ").append(p.verdict().name())
                .append("\n\nConfidence: ").append(ReportFacts.confidence(p)).append(".\n");
        int i = 1;
        for (ReasonStep s : p.reasons()) {
            b.append('\n').append(i++).append(". ").append(MarkdownText.text(s.message() + ReportFacts.where(s.source())));
        }
        if (p.events() != null) {
            b.append("\n\n**Events:**\n");
            for (org.logonrights.model.LoggedEvent e : p.events().events()) {
                b.append("\n- ").append(MarkdownText.text(EventTexts.event(e) + ReportFacts.where(e.source())));
            }
            b.append("\n\n**Agreement:** ").append(MarkdownText.text(EventTexts.agreement(p)));
        }
        for (Finding f : p.findings()) {
            b.append("\n\n").append(findingLine(f));
            if (f.remediation() != null) {
                b.append("\n\n**Fix:** ").append(MarkdownText.text(f.remediation()));
            }
        }
        return b.toString();
    }

    private static String findingList(List<Finding> findings) {
        List<String> items = new ArrayList<>();
        for (Finding f : findings) {
            String item = "- " + (f.pool() == null ? "" : MarkdownText.code(f.pool()) + ": ") + findingLine(f);
            if (f.remediation() != null) {
                item += " **Fix:** " + MarkdownText.text(f.remediation());
            }
            items.add(item);
        }
        return String.join("\n", items);
    }

    /** {@code **LR001** `logon-right-not-granted` (error): message [where]}. */
    private static String findingLine(Finding f) {
        return "**" + f.ruleId() + "** " + MarkdownText.code(f.ruleName()) + " ("
                + f.severity().name().toLowerCase(Locale.ROOT) + "): " + MarkdownText.text(f.message() + ReportFacts.where(f.location()));
    }

    private static String noteList(List<InputNote> notes) {
        List<String> items = new ArrayList<>();
        for (InputNote n : notes) {
            items.add("- " + n.level().name().toLowerCase(Locale.ROOT) + ": "
                    + MarkdownText.text(n.message() + ReportFacts.where(n.provenance())));
        }
        return String.join("\n", items);
    }
}
