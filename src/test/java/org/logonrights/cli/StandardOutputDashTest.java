package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** {@code -o -} is standard output for every command that writes (in process; ReportOutputIT covers the rest). */
class StandardOutputDashTest {

    @Test
    void collectAuditAndExplainWriteToStandardOutputAndCreateNoFileNamedDash() {
        CliResult collect = Cli.run(Samples.command(Samples.defaultIis(), "collect", "-o", "-"));
        assertEquals(0, collect.exitCode(), collect.stderr());
        assertTrue(collect.stdout().contains("\"logonrights-snapshot\""), collect.stdout());
        assertTrue(collect.stderr().startsWith("logonrights: wrote standard output ("), collect.stderr());

        CliResult audit = Cli.run(Samples.command(Samples.defaultIis(), "audit", "--format", "json", "-o", "-"));
        assertEquals(0, audit.exitCode(), audit.stderr());
        assertTrue(audit.stdout().startsWith("{"), audit.stdout());

        CliResult explain = Cli.run(Samples.command(Samples.defaultIis(), "explain", "DefaultAppPool", "-o", "-"));
        assertTrue(explain.stdout().contains("DefaultAppPool"), explain.stdout());

        assertFalse(Files.exists(Samples.project().resolve("-")), "no file named -");
        assertFalse(Files.exists(Path.of("-")), "no file named - in the working directory");
    }
}
