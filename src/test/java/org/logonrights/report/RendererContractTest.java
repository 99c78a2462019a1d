package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every renderer keeps (PMD's AbstractRendererTest idea): for each scenario, the output
 * of every {@link ReportFormat} equals its golden file, is byte-identical when rendered twice, uses LF
 * line ends only and ends with a newline. A new format is covered as soon as it is added to the enum.
 * Regenerating the goldens is described in {@link Golden}.
 */
class RendererContractTest {

    static Stream<Arguments> everyFormatAndScenario() {
        return Arrays.stream(ReportScenarios.values())
                .flatMap(s -> Arrays.stream(ReportFormat.values()).map(f -> Arguments.of(s, f)));
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("everyFormatAndScenario")
    void matchesTheGoldenFile(ReportScenarios scenario, ReportFormat format) throws IOException {
        Golden.check(scenario, format, Golden.render(format, scenario.report()));
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("everyFormatAndScenario")
    void renderingTwiceGivesIdenticalBytes(ReportScenarios scenario, ReportFormat format) throws IOException {
        AuditReport report = scenario.report();
        byte[] first = bytes(format, report);
        assertArrayEquals(first, bytes(format, report), "same report object");
        assertArrayEquals(first, bytes(format, scenario.report()), "a new audit of the same snapshot");
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("everyFormatAndScenario")
    void writesLfLinesAndAFinalNewline(ReportScenarios scenario, ReportFormat format) {
        String out = Golden.render(format, scenario.report());
        assertFalse(out.contains("\r"), "no CR");
        assertTrue(out.endsWith("\n"), "final newline");
        assertFalse(out.endsWith("\n\n"), "one final newline");
    }

    /** Rendered through a UTF-8 writer, as the CLI writes files: the bytes, not just the characters, must match. */
    private static byte[] bytes(ReportFormat format, AuditReport report) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
            format.renderer(RenderOptions.PLAIN).render(report, out);
        }
        return buffer.toByteArray();
    }
}
