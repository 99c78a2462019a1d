package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;
import org.logonrights.testing.Truncations;

/**
 * Every sample input cut short at every line boundary and at 16 random offsets (issue 16): exit 2, or
 * verdicts that are the whole file's or UNCERTAIN, and never a start the whole file does not give.
 * In-process for speed; TruncatedInputsIT runs these and the event logs' and snapshots' cuts through the jar.
 */
class TruncatedInputsTest {

    /** The three samples' own files; TruncatedInputsIT adds their event logs and snapshots, through the jar. */
    static Stream<Truncations.Sample> samples() {
        return Truncations.samples().stream().limit(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void noCutGivesAConfidentVerdictTheWholeFileDoesNot(Truncations.Sample sample) {
        int runs = Truncations.check(sample, Cli::run);
        assertTrue(runs > 100, sample.name() + ": only " + runs + " cuts");
    }

    @Test
    void theIssuesCutInsideASidIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("secedit.inf");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(Path.of(Samples.SERVER_FAULT + "secedit.inf")), 1868));
        CliResult r = Cli.run(withSecedit(cut, "audit"));
        assertEquals(2, r.exitCode());
        assertEquals(List.of("logonrights: " + cut + ": line 15: the file ends inside a line: truncated?"), r.stderrLines());
        assertEquals("", r.stdout());
    }

    @Test
    void anExportWithoutItsLastSectionLowersThePoolsWhoseRightsItLacks(@TempDir Path dir) throws Exception {
        String whole = new String(Files.readAllBytes(Path.of(Samples.SERVER_FAULT + "secedit.inf")), StandardCharsets.UTF_16);
        Path cut = dir.resolve("secedit.inf");
        Files.writeString(cut, "\uFEFF" + whole.substring(0, whole.indexOf("[Version]")), StandardCharsets.UTF_16LE);

        CliResult r = Cli.run(withSecedit(cut, "audit", "--format", "json"));
        JsonNode report = new ObjectMapper().readTree(r.stdout());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("UNKNOWN UNCERTAIN", verdict(report, "Payroll"));
        assertEquals("WILL_FAIL UNCERTAIN", verdict(report, "OrdersApi"));
        JsonNode payroll = pool(report, "Payroll").get("reasons");
        assertEquals("UNKNOWN (uncertain): " + cut + " may be cut short and does not define SeDenyBatchLogonRight (see the"
                + " warning on that input); the lines it holds give WILL_START (documented).",
                payroll.get(payroll.size() - 1).get("message").asText());
        assertTrue(r.stdout().contains("rights-may-be-cut"), r.stdout());
    }

    private static List<String> withSecedit(Path secedit, String... head) {
        List<String> args = new ArrayList<>(Samples.command(Samples.serverFault(), head));
        args.set(args.indexOf(Samples.SERVER_FAULT + "secedit.inf"), secedit.toString());
        return args;
    }

    private static JsonNode pool(JsonNode report, String name) {
        for (JsonNode p : report.get("pools")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no pool " + name);
    }

    private static String verdict(JsonNode report, String name) {
        JsonNode p = pool(report, name);
        return p.get("verdict").asText() + " " + p.get("confidence").asText();
    }
}
