package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.report.ReportFormat;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** The same inputs give byte-identical reports in every format, run after run. */
class ReportDeterminismTest {

    /** {@code audit --format FORMAT} over a bundled sample. */
    static List<String> auditArgs(String sample, ReportFormat format) {
        List<String> inputs = sample.equals("server-fault") ? Samples.serverFault() : Samples.defaultIis();
        return Samples.command(inputs, "audit", "--format", format.cliName());
    }

    static Stream<Arguments> samplesAndFormats() {
        return Stream.of("server-fault", "default-iis")
                .flatMap(s -> Stream.of(ReportFormat.values()).map(f -> Arguments.of(s, f)));
    }

    static String audit(String sample, ReportFormat format) {
        CliResult r = Cli.run(auditArgs(sample, format));
        assertEquals("", r.stderr());
        return r.stdout();
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
