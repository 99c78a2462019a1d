package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;

/**
 * The fleet report in Markdown: a summary line, a table of hosts by verdict counts, then a section
 * per host that needs attention listing its pools that are not WILL_START with their one-line reason,
 * or why the host could not be read.
 */
public final class MarkdownFleetRenderer implements FleetRenderer {

    @Override
    public void head(FleetSummary s, Writer out) throws IOException {
        out.write("**" + s.hosts() + " host" + (s.hosts() == 1 ? "" : "s") + "**: " + s.audited() + " audited, "
                + s.failed() + " not read; **" + s.pools() + " pool" + (s.pools() == 1 ? "" : "s") + "**: "
                + s.count(Verdict.WILL_START) + " will start, " + s.count(Verdict.WILL_FAIL) + " will fail, "
                + s.count(Verdict.AT_RISK) + " at risk, " + s.count(Verdict.UNKNOWN) + " unknown\n\n");
        out.write("| Host | Status | Pools | WILL_START | WILL_FAIL | AT_RISK | UNKNOWN |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (FleetSummary.Row r : s.rows()) {
            StringBuilder line = new StringBuilder("| ").append(MarkdownText.cell(r.host())).append(" | ")
                    .append(r.audited() ? "AUDITED" : "**ERROR**").append(" | ").append(r.audited() ? r.pools() : "-");
            for (Verdict v : TextFleetRenderer.COLUMNS) {
                int n = r.count(v);
                line.append(" | ").append(!r.audited() ? "-" : v != Verdict.WILL_START && n > 0 ? "**" + n + "**" : n);
            }
            out.write(line.append(" |\n").toString());
        }
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        if (!host.audited()) {
            out.write("\n### " + MarkdownText.text(host.host()) + "\n\nNot read (exit " + host.exitCode() + "): "
                    + MarkdownText.text(host.error()) + "\n");
            return;
        }
        StringBuilder b = new StringBuilder();
        for (PoolResult p : host.report().result().pools()) {
            if (p.verdict() != Verdict.WILL_START) {
                b.append("\n- ").append(MarkdownText.code(p.name())).append(": **").append(p.verdict().name())
                        .append("** (").append(ReportFacts.confidence(p)).append("): ")
                        .append(MarkdownText.text(ReportFacts.headline(p)));
            }
        }
        if (b.length() > 0) {
            out.write("\n### " + MarkdownText.text(host.host()) + "\n" + b + "\n");
        }
    }

    @Override
    public void tail(FleetSummary summary, Writer out) {
        // nothing after the hosts
    }
}
