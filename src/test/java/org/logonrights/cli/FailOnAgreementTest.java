package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.app.FailOn;
import org.logonrights.engine.Verdict;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * One meaning of "failed": for every sample and every --fail-on level, the exit code is the same in
 * every format, JUnit's failure count is non-zero exactly when the exit code is 1 (and an exit 4 is a
 * run with skipped UNKNOWN pools and no failure), and SARIF has an {@code error} exactly then.
 */
class FailOnAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LR004 = "docs/examples/lr004-batch-only-through-injected-iis-iusrs/";
    private static final String LR005 = "docs/examples/lr005-membership-not-supplied/";

    static Stream<Arguments> samplesAndLevels() {
        List<List<String>> samples = List.of(Samples.serverFault(), Samples.gpoRefresh(), Samples.defaultIis(),
                // without memberships the custom accounts' verdicts are UNKNOWN
                Samples.serverFault().subList(0, 4),
                List.of("--secedit", LR004 + "secedit.inf", "--applicationhost", LR004 + "applicationHost.config",
                        "--memberships", LR004 + "memberships.json"),
                List.of("--secedit", LR005 + "secedit.inf", "--applicationhost", LR005 + "applicationHost.config"));
        List<Arguments> cases = new ArrayList<>();
        for (List<String> sample : samples) {
            for (FailOn level : FailOn.values()) {
                cases.add(Arguments.of(sample, level));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("samplesAndLevels")
    void everyFormatAgreesWithTheExitCode(List<String> sample, FailOn level) throws Exception {
        CliResult junit = run(sample, level, ReportFormat.JUNIT);
        int exit = junit.exitCode();
        assertTrue(Set.of(0, 1, 4).contains(exit), junit.stderr());
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(exit, run(sample, level, format).exitCode(), "exit code of " + format);
        }

        Element suites = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(junit.stdout()))).getDocumentElement();
        int failures = Integer.parseInt(suites.getAttribute("failures"));
        int skipped = Integer.parseInt(suites.getAttribute("skipped"));
        assertEquals(exit == 1, failures > 0, "JUnit failures=" + failures + " but exit " + exit);
        if (exit == 4) {
            assertTrue(skipped > 0, "exit 4 means UNKNOWN pools, which JUnit skips");
        }

        JsonNode sarif = JSON.readTree(run(sample, level, ReportFormat.SARIF).stdout());
        boolean anError = sarif.at("/runs/0/results").findValuesAsText("level").contains("error");
        assertEquals(exit == 1, anError, "SARIF has an error exactly when the run fails");

        JsonNode json = JSON.readTree(run(sample, level, ReportFormat.JSON).stdout());
        int failing = 0;
        for (JsonNode pool : json.at("/pools")) {
            failing += level.failingVerdicts().contains(Verdict.valueOf(pool.get("verdict").asText())) ? 1 : 0;
        }
        assertEquals(failing, failures, "JUnit fails exactly the pools whose verdict fails the run");
    }

    @ParameterizedTest
    @MethodSource("levels")
    void theDefaultRenderThresholdIsTheDefaultFailOn(FailOn level) {
        assertEquals(level == FailOn.RISK, RenderOptions.DEFAULT_FAILING.equals(level.failingVerdicts()));
        assertEquals(EnumSet.of(Verdict.WILL_FAIL, Verdict.AT_RISK), RenderOptions.DEFAULT_FAILING);
    }

    static Stream<FailOn> levels() {
        return Stream.of(FailOn.values());
    }

    private static CliResult run(List<String> sample, FailOn level, ReportFormat format) {
        return Cli.run(Samples.command(sample, "audit", "--fail-on", level.toString(), "--format", format.cliName()));
    }
}
