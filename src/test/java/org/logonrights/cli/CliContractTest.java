package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;

/** The promises of the command line, in-process: help with exit codes, one-line errors, no stack traces. */
class CliContractTest {

    @Test
    void everyHelpListsTheExitCodes() {
        for (String[] args : new String[][] {{"--help"}, {"audit", "--help"}, {"explain", "--help"}, {"rights", "--help"}, {"collect", "--help"}}) {
            CliResult r = Cli.run(args);
            assertEquals(0, r.exitCode());
            boolean verdicts = !args[0].equals("rights") && !args[0].equals("collect"); // SmallTrapsTest checks those
            for (String code : verdicts ? new String[] {"0", "1", "2", "3", "4"} : new String[] {"0", "2", "3"}) {
                assertTrue(r.stdout().lines().anyMatch(l -> l.strip().startsWith(code + " ") || l.strip().startsWith(code + "  ")),
                        String.join(" ", args) + " lacks exit code " + code + ":\n" + r.stdout());
            }
            assertTrue(r.stdout().contains("Exit codes:"));
        }
    }

    @Test
    void sidHelpListsOnlyTheCodesSidCanReturn() {
        CliResult r = Cli.run("sid", "apppool", "--help");
        assertTrue(r.stdout().contains("Exit codes:"), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.strip().startsWith("2 ")), r.stdout());
        assertFalse(r.stdout().contains("WILL_START"), "sid computes, it audits nothing:\n" + r.stdout());
    }

    @Test
    void badFailOnLevelNamesTheLevels() {
        CliResult r = Cli.run("audit", "--fail-on", "bogus", "--snapshot", "x.json");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("'bogus' is not a --fail-on level"), r.stderr());
        assertFalse(r.stderr().contains("No enum constant"), r.stderr());
    }

    @Test
    void versionPrintsTheToolVersion() {
        CliResult r = Cli.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("logonrights "), r.stdout());
        assertFalse(r.stdout().startsWith("logonrights dev"), "the version must be filtered in at build time");
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        CliResult r = Cli.run("audit", "--secedit", "no/such/secedit.inf", "--applicationhost",
                "samples/default-iis/applicationHost.config");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertEquals("logonrights: no/such/secedit.inf: no such file", r.stderrLines().get(0));
    }

    @Test
    void malformedXmlNamesFileAndLineWithoutStackTrace(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("applicationHost.config");
        Files.writeString(bad, "<configuration>\n  <system.applicationHost>\n    <applicationPools>\n</configuration>\n");
        CliResult r = Cli.run("audit", "--secedit", "samples/default-iis/secedit.inf", "--applicationhost", bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().contains(bad.toString()) && r.stderr().contains("line 4"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), r.stderr());

        CliResult debug = Cli.run("--debug", "audit", "--secedit", "samples/default-iis/secedit.inf",
                "--applicationhost", bad.toString());
        assertEquals(2, debug.exitCode());
        assertTrue(debug.stderr().contains("\tat "), "--debug shows the stack trace");
    }

    @Test
    void malformedSidInSeceditNamesTheLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("secedit.inf");
        Files.writeString(bad, "[Unicode]\nUnicode=yes\n[Privilege Rights]\nSeBatchLogonRight = *S-1-X-5,*S-1-5-32-544\n");
        CliResult r = Cli.run("audit", "--secedit", bad.toString(), "--applicationhost",
                "samples/default-iis/applicationHost.config");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().contains("line 4") && r.stderr().contains("S-1-X-5"), r.stderr());
    }

    @Test
    void offlineAuditNeedsBothInputsAndLiveModeExplainsTheOptions() {
        CliResult half = Cli.run("audit", "--secedit", "samples/default-iis/secedit.inf");
        assertEquals(2, half.exitCode());
        assertEquals(1, half.stderrLines().size());
        if (!System.getProperty("os.name").startsWith("Windows")) {
            CliResult none = Cli.run("audit");
            assertEquals(2, none.exitCode());
            assertEquals(1, none.stderrLines().size(), none.stderr());
            assertTrue(none.stderr().contains("--secedit") && none.stderr().contains("--snapshot"), none.stderr());
        }
    }

    @Test
    void sidCommandsComputeTheDocumentedVectors() {
        assertEquals("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415\n",
                Cli.run("sid", "apppool", "DefaultAppPool").stdout());
        assertEquals("S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464\n",
                Cli.run("sid", "service", "TrustedInstaller").stdout());
        CliResult d = Cli.run("sid", "describe", "S-1-5-32-568");
        assertEquals("S-1-5-32-568: BUILTIN\\IIS_IUSRS (well-known)\n", d.stdout());
        CliResult bad = Cli.run("sid", "describe", "S-1-X");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.stderrLines().size());
    }

    @Test
    void anInputErrorLooksTheSameWhateverTheFormat() {
        String expected = null;
        for (String format : new String[] {"text", "json", "sarif", "junit", "markdown"}) {
            CliResult r = Cli.run("audit", "--format", format, "--secedit", "no/such/secedit.inf",
                    "--applicationhost", "samples/default-iis/applicationHost.config");
            assertEquals(2, r.exitCode(), format);
            assertTrue(r.stdout().isEmpty(), format + " must not print a partial report");
            assertEquals(1, r.stderrLines().size(), format);
            if (expected == null) {
                expected = r.stderr();
            }
            assertEquals(expected, r.stderr(), format);
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliResult r = Cli.run("audit", "--no-such-option");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("logonrights: Unknown option"), r.stderr());
    }
}
