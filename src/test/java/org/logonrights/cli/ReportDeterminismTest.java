package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.report.ReportFormat;

/** The same inputs give byte-identical reports in every format, run after run. */
class ReportDeterminismTest {

    static List<String> sampleArgs(String sample) {
        Path dir = Path.of("samples", sample);
        List<String> args = new ArrayList<>(List.of("--secedit", dir.resolve("secedit.inf").toString(),
                "--applicationhost", dir.resolve("applicationHost.config").toString()));
        if (sample.equals("server-fault")) {
            args.addAll(List.of("--memberships", dir.resolve("memberships.json").toString(),
                    "--gpresult", dir.resolve("gpresult.xml").toString()));
        }
        return args;
    }

    static Stream<Arguments> samplesAndFormats() {
        return Stream.of("server-fault", "default-iis")
                .flatMap(s -> Stream.of(ReportFormat.values()).map(f -> Arguments.of(s, f)));
    }

    static String audit(String sample, ReportFormat format) {
        List<String> args = new ArrayList<>(List.of("audit", "--format", format.cliName()));
        args.addAll(sampleArgs(sample));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.mainWithoutExit(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals("", err.toString());
        return out.toString();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("samplesAndFormats")
    void sameInputsSameBytes(String sample, ReportFormat format) {
        String first = audit(sample, format);
        String second = audit(sample, format);

        assertFalse(first.isEmpty());
        assertEquals(first, second);
    }
}
