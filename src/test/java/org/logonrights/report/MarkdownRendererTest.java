package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.UserRight;
import org.logonrights.testing.SnapshotBuilder;

/** The Markdown table, sections and escaping, as GitHub will render them. */
class MarkdownRendererTest {

    private static List<String> lines(ReportScenarios scenario) {
        return Arrays.asList(Golden.render(ReportFormat.MARKDOWN, scenario.report()).split("\n"));
    }

    @Test
    void summaryLineCountsEveryVerdict() {
        assertEquals("**5 pools** on SRV-WEB01: 2 will start, 1 will fail, 1 at risk, 1 unknown", lines(ReportScenarios.MIXED).get(0));
        assertEquals("**0 pools** on SRV-WEB01: 0 will start, 0 will fail, 0 at risk, 0 unknown",
                lines(ReportScenarios.EMPTY_SERVER).get(0));
    }

    @Test
    void tableHasOneRowPerPoolWithNamesInCodeSpans() {
        List<String> lines = lines(ReportScenarios.MIXED);
        int header = lines.indexOf("| Pool | Identity | Required right | Verdict |");
        assertEquals("| --- | --- | --- | --- |", lines.get(header + 1));
        assertEquals(List.of(
                "| `DefaultAppPool` | `IIS APPPOOL\\DefaultAppPool` | `SeServiceLogonRight` | WILL_START |",
                "| `Intranet` | `NT AUTHORITY\\SYSTEM` | - | WILL_START |",
                "| `Jobs` | `CONTOSO\\svc-jobs` | `SeBatchLogonRight` | **UNKNOWN** |",
                "| `Portal` | `CONTOSO\\svc-portal` | `SeBatchLogonRight` | **AT_RISK** |",
                "| `Reports` | `CONTOSO\\svc-reports` | `SeBatchLogonRight` | **WILL_FAIL** |"),
                lines.subList(header + 2, header + 7));
        assertFalse(String.join("\n", lines).contains("CONTOSO\\\\svc"), "a backslash is never doubled before a letter");
    }

    @Test
    void everyPoolThatDoesNotStartHasASectionWithNumberedReasonsAndAFix() {
        List<String> lines = lines(ReportScenarios.MIXED);
        assertTrue(lines.contains("### `Reports`: WILL_FAIL"));
        assertTrue(lines.contains("### `Portal`: AT_RISK"));
        assertTrue(lines.contains("### `Jobs`: UNKNOWN"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("### `DefaultAppPool`")));
        int reports = lines.indexOf("### `Reports`: WILL_FAIL");
        assertTrue(lines.get(reports + 4).startsWith("1. Pool 'Reports' runs as"), lines.get(reports + 4));
        assertTrue(lines.subList(reports, lines.size()).stream().anyMatch(l -> l.startsWith("**Fix:** Take CONTOSO\\svc-reports out of BUILTIN\\Guests")));
        assertTrue(lines.contains("### Machine findings"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("- **LR017** `unknown-right` (note):")));
    }

    @Test
    void awkwardPoolAndAccountNamesStayInsideTheirCells() {
        String md = Golden.render(ReportFormat.MARKDOWN, new AuditReport(Rules.standardEngine().audit(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544")
                .batchUser("A|B `x`", "CONTOSO\\svc|pipe")
                .builtIn("*Kiosk*", IdentityType.LOCAL_SERVICE).build()), List.of(), "1"));
        assertTrue(md.contains("| `*Kiosk*` | `NT AUTHORITY\\LOCAL SERVICE` | - | WILL_START |"), md);
        assertTrue(md.contains("| `` A\\|B `x` `` | `CONTOSO\\svc\\|pipe` | `SeBatchLogonRight` | **UNKNOWN** |"), md);
        assertTrue(md.contains("### `` A|B `x` ``: UNKNOWN"), md);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "CONTOSO\\svc-reports#CONTOSO\\svc-reports",
        "in a GptTmpl.inf: *S-1-5-21-1#in a GptTmpl.inf: \\*S-1-5-21-1",
        "LOGON32_LOGON_BATCH#LOGON32_LOGON_BATCH",
        "_leading and trailing_#\\_leading and trailing\\_",
        "IIS APPPOOL\\.NET v4.5#IIS APPPOOL\\\\.NET v4.5",
        "[certain]#[certain]",
        "[click](https://example.invalid)#\\[click](https://example.invalid)",
        "a <script> tag#a \\<script> tag",
        "1 < 2 > 0#1 < 2 > 0",
        "R&D &amp; more#R&D \\&amp; more",
        "a|b ~c~ `d`#a\\|b \\~c\\~ \\`d\\`"
    })
    void textIsEscapedOnlyWhereMarkdownWouldActOnIt(String raw, String escaped) {
        assertEquals(escaped, MarkdownText.text(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "CONTOSO\\svc#`CONTOSO\\svc`",
        "a|b#`a|b`",
        "tick`in#``tick`in``",
        "`edge#`` `edge ``"
    })
    void codeSpansKeepNamesLiteral(String raw, String code) {
        assertEquals(code, MarkdownText.code(raw));
    }

    @Test
    void tableCellsEscapeThePipeEvenInsideCode() {
        assertEquals("`a\\|b`", MarkdownText.cell("a|b"));
        assertEquals("`CONTOSO\\svc`", MarkdownText.cell("CONTOSO\\svc"));
    }
}
