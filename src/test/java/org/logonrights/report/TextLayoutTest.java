package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text report on a terminal fits its width; in a file its layout never depends on a width. */
class TextLayoutTest {

    private static String render(RenderOptions options) {
        StringWriter out = new StringWriter();
        try {
            new TextRenderer(options).render(ReportScenarios.MIXED.report(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static RenderOptions terminal(int width) {
        return new RenderOptions(false, width, true, RenderOptions.DEFAULT_FAILING);
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 64, 79, 119})
    void onATerminalNoLineIsWiderThanTheTerminalUnlessOneWordIs(int width) {
        for (String line : render(terminal(width)).split("\n")) {
            assertTrue(line.length() <= width || !line.strip().contains(" "), width + ": " + line);
        }
    }

    @Test
    void aNarrowTableMovesIdentityAndConfidenceUnderEachRow() {
        List<String> lines = render(terminal(79)).lines().toList();
        int header = lines.indexOf("POOL            LOGON                  REQUIRED RIGHT       VERDICT");
        assertTrue(header > 0, String.join("\n", lines));
        assertTrue(lines.get(header + 1).startsWith("DefaultAppPool  "), lines.get(header + 1));
        assertEquals("    identity IIS APPPOOL\\DefaultAppPool, confidence observed", lines.get(header + 2));
    }

    @Test
    void aVeryNarrowTerminalGetsOneBlockPerPool() {
        String text = render(terminal(50));
        assertTrue(text.contains("\nDefaultAppPool: WILL_START (confidence observed)\n  identity IIS APPPOOL\\DefaultAppPool,"), text);
    }

    @Test
    void aWideTerminalGetsTheFileLayout() {
        assertEquals(render(RenderOptions.PLAIN), render(terminal(120)));
    }

    @Test
    void inAFileTheTableKeepsAllColumnsHoweverNarrowTheWidth() {
        String narrowFile = render(new RenderOptions(false, 60, false, RenderOptions.DEFAULT_FAILING));
        assertTrue(narrowFile.contains("\nPOOL            IDENTITY "), narrowFile);
    }

    @Test
    void aPathWithASpaceIsNeverSplitAtIt() {
        org.logonrights.model.Provenance gpo = org.logonrights.model.Provenance.at(org.logonrights.model.SourceKind.GPO_TEMPLATE,
                "Policies/{6F1A3C2E}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf", 12);
        org.logonrights.engine.Finding f = new org.logonrights.engine.Finding("LR017", "unknown-right",
                org.logonrights.engine.Severity.WARNING, null, null, "x ".repeat(30).strip(), null, gpo);
        org.logonrights.engine.AuditResult r = ReportScenarios.EMPTY_SERVER.report().result();
        AuditReport report = new AuditReport(new org.logonrights.engine.AuditResult(r.machine(), r.pools(), List.of(f),
                r.notes()), List.of(), "1");
        for (int width : new int[] {60, 70, 80, 90, 100}) {
            StringWriter out = new StringWriter();
            try {
                new TextRenderer(terminal(width)).render(report, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(out.toString().contains("Windows NT/SecEdit"), width + ":\n" + out);
        }
    }
}
