package org.logonrights.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.Confidence;
import org.logonrights.report.Glossary;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/**
 * docs/glossary.md says what {@code explain}'s closing glossary says, in the same words, and an
 * explanation for someone who never heard of LSA spells out every insider term it uses. Regenerate
 * the page's tables after a change to Glossary:
 *
 * <pre>mvn -B -o -q test -Dtest=GlossaryTest -Dlogonrights.updateGlossary=true</pre>
 */
class GlossaryTest {

    private static final Path PAGE = Path.of("docs", "glossary.md");

    private static String confidenceTable() {
        StringBuilder b = new StringBuilder("| level | means |\n|---|---|\n");
        for (Confidence c : Confidence.values()) {
            b.append("| `").append(Glossary.term(c).substring("confidence ".length())).append("` | ")
                    .append(Glossary.meaning(c)).append(" |\n");
        }
        return b.toString();
    }

    private static String termsTable() {
        StringBuilder b = new StringBuilder("| term | means |\n|---|---|\n");
        for (Glossary.Entry e : Glossary.TERMS) {
            b.append("| ").append(e.term()).append(" | ").append(e.meaning().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    private static String between(String page, String section, String table) {
        String start = "<!-- " + section + ": generated from report/Glossary.java, checked by GlossaryTest -->\n";
        String end = "<!-- end " + section + " -->";
        int from = page.indexOf(start) + start.length();
        return page.substring(0, from) + table + page.substring(page.indexOf(end, from));
    }

    @Test
    void thePageListsEveryEntryInTheSameWords() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = between(between(page, "confidence", confidenceTable()), "terms", termsTable());
        if (Boolean.getBoolean("logonrights.updateGlossary")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertEquals(expected, page, "docs/glossary.md is stale; regenerate with -Dlogonrights.updateGlossary=true");
    }

    @Test
    void anExplanationEndsWithTheTermsItUsedAndItsConfidence() {
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi"));
        assertEquals(1, r.exitCode(), r.stderr());
        String text = r.stdout();
        int glossary = text.indexOf("\nTerms used above");
        assertTrue(glossary > 0, text);
        String explanation = text.substring(0, glossary);
        String terms = text.substring(glossary);
        assertTrue(terms.contains("\n  confidence documented  Microsoft states every fact"), terms);
        for (String term : List.of("WAS", "LSA", "SID", "token", "GPO", "LOGON32_LOGON_BATCH", "LogonUser", "gpupdate")) {
            assertTrue(explanation.contains(term), term);
            assertTrue(terms.contains("\n  " + term + " "), term + " is explained:\n" + terms);
        }
        assertFalse(terms.contains("\n  S4U "), "only the terms used: the explanation never says S4U");
        assertFalse(terms.contains("\n  RSoP "), "only the terms used");
    }

    @Test
    void noGlossaryLeavesItOutAndOtherFormatsNeverHaveIt() {
        CliResult without = Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi", "--no-glossary"));
        CliResult with = Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi"));
        assertEquals(with.stdout().substring(0, with.stdout().indexOf("\nTerms used above")), without.stdout());
        assertFalse(Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi", "--format", "markdown"))
                .stdout().contains("Terms used above"));
    }

    @Test
    void everyTermIsRecognisedOnlyAsAWord() {
        assertEquals(List.of(), Glossary.usedIn("SWAS SIDE tokenised LSAS GPOX"));
        assertEquals(List.of("WAS", "SID"), Glossary.usedIn("WAS needs the SIDs").stream().map(Glossary.Entry::term).toList());
    }
}
