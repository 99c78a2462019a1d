package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.logonrights.app.ExitCode;
import org.logonrights.report.ReportFormat;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;

/**
 * The built jar, in its own JVM, prints the bytes the in-process CLI prints in this one: no clock, no
 * per-JVM hash or identity order, no platform line ends or console encoding leak into a report. That
 * takes a second JVM; two runs in one JVM are {@link ReportDeterminismTest}.
 */
class ReportDeterminismIT {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void theJarPrintsTheBytesOfTheInProcessRun(ReportFormat format) throws Exception {
        // Relative paths, as in-process: reports cite the input paths as given. Both run in the project directory.
        CliResult jar = JarRunner.run(ReportDeterminismTest.auditArgs("server-fault", format));

        assertEquals(ExitCode.FINDINGS.code(), jar.exitCode(), jar::toString);
        assertEquals("", jar.stderr());
        // JarRunner decodes strictly, so equal text is equal bytes.
        assertEquals(ReportDeterminismTest.audit("server-fault", format), jar.stdout());
    }
}
