package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.logonrights.app.ExitCode;
import org.logonrights.report.ReportFormat;

/**
 * Two runs of the built jar on the same sample print the same bytes, and those are the bytes the
 * in-process CLI prints: no clock, no hash order, no platform line ends leak into a report.
 */
class ReportDeterminismIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void twoRunsOfTheJarPrintTheSameBytes(ReportFormat format) throws Exception {
        // Relative paths, as in-process: reports cite the input paths as given. Both run in the project directory.
        List<String> args = new ArrayList<>(List.of("audit", "--format", format.cliName()));
        args.addAll(ReportDeterminismTest.sampleArgs("server-fault"));

        JarRunner.Result first = JarRunner.run(dir, args);
        JarRunner.Result second = JarRunner.run(dir, args);

        assertEquals(ExitCode.FINDINGS.code(), first.exitCode(), first::toString);
        assertEquals(first.exitCode(), second.exitCode());
        assertEquals("", first.stderr());
        assertArrayEquals(first.stdout(), second.stdout());
        assertEquals(ReportDeterminismTest.audit("server-fault", format), new String(first.stdout(), StandardCharsets.UTF_8));
    }
}
