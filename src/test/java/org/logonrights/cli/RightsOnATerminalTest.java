package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.app.InputSelection;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.SnapshotRequest;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;
import org.logonrights.report.RightsReport;
import org.logonrights.testing.Cli;
import org.logonrights.testing.Samples;

/** {@code rights} lines reached 223 characters: on a terminal a drift note goes under its holder; a file is unchanged. */
class RightsOnATerminalTest {

    private static RightsReport gpoRefresh() throws Exception {
        InputSelection files = new InputSelection(Path.of(Samples.GPO_REFRESH + "secedit.inf"),
                Path.of(Samples.GPO_REFRESH + "applicationHost.config"), Path.of(Samples.GPO_REFRESH + "memberships.json"),
                null, List.of(Path.of(Samples.GPO_REFRESH_TEMPLATE)), null);
        return new LogonRightsService().rights(new SnapshotRequest(files, null, 1 << 24, false), List.of());
    }

    private static String render(RightsReport report, RenderOptions options) throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.TEXT.rightsRenderer(options).orElseThrow().render(report, out);
        return out.toString();
    }

    @Test
    void onATerminalEveryLineFitsAndNothingIsLost() throws Exception {
        RightsReport report = gpoRefresh();
        String file = render(report, RenderOptions.PLAIN);
        assertTrue(file.lines().anyMatch(l -> l.length() > 100 && l.contains("[drift")), "the sample has long drift lines");
        String terminal = render(report, new RenderOptions(false, 79, true, RenderOptions.DEFAULT_FAILING));
        for (String line : terminal.split("\n")) {
            assertTrue(line.length() <= 79 || !line.strip().contains(" "), line.length() + ": " + line);
        }
        assertEquals(List.of(file.split("\\s+")), List.of(terminal.split("\\s+")), "the same words in the same order");
    }

    @Test
    void aFileIsWhatTheCommandWrites() throws Exception {
        assertEquals(render(gpoRefresh(), RenderOptions.PLAIN), Cli.run(Samples.command(Samples.gpoRefresh(), "rights")).stdout());
    }
}
