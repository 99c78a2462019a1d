package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** The traps a new user fell into (issue 17, item 5), one test each. */
class SmallTrapsTest {

    private static final String SECEDIT = Samples.SERVER_FAULT + "secedit.inf";

    @Test
    void rightsNeedsOnlyTheRightsInputs() {
        CliResult r = Cli.run("rights", "--secedit", SECEDIT, "--right", "SeBatchLogonRight");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("SeBatchLogonRight (Log on as a batch job)\n"), r.stdout());
        assertEquals("", r.stderr());

        CliResult nothing = Cli.run("rights", "--gpresult", Samples.SERVER_FAULT + "gpresult.xml");
        assertEquals(2, nothing.exitCode());
        assertEquals("logonrights: rights needs --secedit (secedit /export /areas USER_RIGHTS), or --snapshot",
                nothing.stderrLines().get(0));
        assertFalse(nothing.stderr().contains("offline audit"), nothing.stderr());
    }

    @Test
    void rightsWithOnlyTheExportListsTheSameHoldersAndTheIisConfigurationOnlyNamesPoolSids() {
        CliResult alone = Cli.run("rights", "--secedit", SECEDIT);
        CliResult withIis = Cli.run("rights", "--secedit", SECEDIT, "--applicationhost",
                Samples.SERVER_FAULT + "applicationHost.config");
        assertEquals(withIis.stdout().lines().count(), alone.stdout().lines().count());
        assertTrue(alone.stdout().contains("  S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415 "), alone.stdout());
        assertTrue(withIis.stdout().contains("  IIS APPPOOL\\DefaultAppPool (S-1-5-82-3006700770-"), withIis.stdout());
    }

    @Test
    void noCommandNamesEveryCommand() {
        CliResult r = Cli.run();
        assertEquals(2, r.exitCode());
        assertEquals("logonrights: a command is required (audit, explain, rights, collect, sid)", r.stderrLines().get(0));
    }

    @Test
    void helpReachesNestedCommands() {
        CliResult r = Cli.run("help", "sid", "apppool");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("Usage: logonrights sid apppool "), r.stdout());
        assertEquals(Cli.run("sid", "apppool", "--help").stdout(), r.stdout());
        assertTrue(Cli.run("help", "rights").stdout().startsWith("Usage: logonrights rights "));

        CliResult unknown = Cli.run("help", "sid", "bogus");
        assertEquals(2, unknown.exitCode());
        assertEquals("logonrights: 'bogus' is not a command of 'logonrights sid'; its commands are apppool, service, describe",
                unknown.stderrLines().get(0));
    }

    @Test
    void anEmptyPoolOrServiceNameIsRefused() {
        CliResult pool = Cli.run("sid", "apppool", "");
        assertEquals(2, pool.exitCode());
        assertEquals("", pool.stdout(), "no SID for a name no pool has");
        assertEquals("logonrights: the name of the application pool is empty; give its name as IIS Manager lists it",
                pool.stderrLines().get(0));
        assertEquals(2, Cli.run("sid", "service", " ").exitCode());
        assertEquals(2, Cli.run("sid", "apppool", "IIS APPPOOL\\").exitCode(), "the prefix alone is no name either");
    }

    @Test
    void anAccountNameIsStrippedOfItsDomainWithANote() {
        CliResult r = Cli.run("sid", "apppool", "IIS APPPOOL\\DefaultAppPool");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(VirtualAccounts.appPoolSid("DefaultAppPool") + "\n", r.stdout());
        assertEquals(List.of("logonrights: note: computing the SID of pool 'DefaultAppPool' (the 'IIS APPPOOL\\' prefix "
                + "is not part of the pool name)"), r.stderrLines());
        assertEquals(Cli.run("sid", "apppool", "DefaultAppPool").stdout(), Cli.run("sid", "apppool", "iis apppool\\DefaultAppPool").stdout());
        assertEquals("", Cli.run("sid", "apppool", "DefaultAppPool").stderr(), "a bare name needs no note");

        CliResult service = Cli.run("sid", "service", "NT SERVICE\\W3SVC");
        assertEquals(VirtualAccounts.serviceSid("W3SVC") + "\n", service.stdout());
        assertTrue(service.stderr().contains("'W3SVC'"), service.stderr());
    }

    @Test
    void appPackageAndCapabilitySidsAreDescribed() {
        assertEquals("S-1-15-2-1: APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES (well-known)\n",
                Cli.run("sid", "describe", "S-1-15-2-1").stdout());
        assertEquals("S-1-15-2-2: APPLICATION PACKAGE AUTHORITY\\ALL RESTRICTED APPLICATION PACKAGES (well-known)\n",
                Cli.run("sid", "describe", "S-1-15-2-2").stdout());
        assertTrue(Cli.run("sid", "describe", "S-1-15-3-1").stdout().contains("a capability SID"));
        assertTrue(Cli.run("sid", "describe", "S-1-15-2-2434737943-167758768-3180539153-984336765-1107280622-3591121930-2677285773")
                .stdout().contains("an AppContainer package SID"));
        assertTrue(Cli.run("sid", "describe", "S-1-15-9-1").stdout().contains("not a well-known SID"));
    }

    @Test
    void helpListsOnlyTheExitCodesACommandCanReturn() {
        for (String command : List.of("rights", "collect")) {
            String help = Cli.run(command, "--help").stdout();
            String codes = help.substring(help.indexOf("Exit codes:"));
            assertTrue(codes.contains("  0 ") && codes.contains("  2 ") && codes.contains("  3 ") && codes.contains(" 70 "), codes);
            assertFalse(codes.contains("  1 ") || codes.contains("  4 "), command + " gives no verdict: " + codes);
        }
        String audit = Cli.run("audit", "--help").stdout();
        assertTrue(audit.substring(audit.indexOf("Exit codes:")).contains("  4 "), audit);
    }

    @Test
    void theOutputExtensionChoosesTheFormat(@TempDir Path dir) throws Exception {
        for (String name : List.of("report.json", "report.sarif", "TEST-logonrights.xml", "report.md", "report.txt")) {
            Path out = dir.resolve(name);
            CliResult r = Cli.run(Samples.command(Samples.serverFault(), "audit", "--output", out.toString()));
            assertEquals(1, r.exitCode(), r.stderr());
            String head = Files.readString(out);
            switch (name.substring(name.lastIndexOf('.') + 1)) {
                case "json" -> assertTrue(head.contains("\"schemaVersion\""), head);
                case "sarif" -> assertTrue(head.contains("\"version\" : \"2.1.0\""), head);
                case "xml" -> assertTrue(head.startsWith("<?xml") && head.contains("<testsuites"), head);
                case "md" -> assertTrue(head.startsWith("**5 pools**"), head);
                default -> assertTrue(head.startsWith("5 application pools"), head);
            }
        }
        CliResult rights = Cli.run("rights", "--secedit", SECEDIT, "--output", dir.resolve("rights.json").toString());
        assertEquals(0, rights.exitCode(), rights.stderr());
        assertTrue(Files.readString(dir.resolve("rights.json")).startsWith("{"));
    }

    @Test
    void aFormatThatContradictsTheExtensionIsExitTwo(@TempDir Path dir) {
        Path out = dir.resolve("report.sarif");
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "audit", "--format", "json", "--output", out.toString()));
        assertEquals(2, r.exitCode());
        assertEquals(List.of("logonrights: --format json does not match the output file " + out
                + ", whose extension means --format sarif; change one of them"), r.stderrLines());
        assertFalse(Files.exists(out), "nothing is written");
        CliResult same = Cli.run(Samples.command(Samples.serverFault(), "audit", "--format", "sarif", "--output", out.toString()));
        assertEquals(1, same.exitCode(), same.stderr());
    }
}
