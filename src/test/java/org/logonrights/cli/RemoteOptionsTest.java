package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.app.ExitCode;
import org.logonrights.app.InputSelection;
import org.logonrights.app.RemoteRequest;
import org.logonrights.app.SnapshotRequest;
import org.logonrights.app.SnapshotSources;
import org.logonrights.app.UsageException;
import org.logonrights.model.InputException;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;

class RemoteOptionsTest {

    private static final InputSelection NO_FILES = new InputSelection(null, null, null, null, List.of(), null);

    private static RemoteOptions options(String host, String user) {
        RemoteOptions o = new RemoteOptions();
        o.hosts = host == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(List.of(host));
        o.user = user;
        o.environment = Map.<String, String>of()::get;
        return o;
    }

    /** Reads what the options request, as a command does, through the use-case API's source selection. */
    private static void load(RemoteOptions options, InputSelection files, long maxBytes) throws Exception {
        SnapshotSources.select(new SnapshotRequest(files, options.request(), maxBytes, false)).read();
    }

    @Test
    void passwordFileGivesItsFirstLineOnly(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("pw");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'P', (byte) 0xC3, (byte) 0xA4, 's', 's', '\r', '\n', 'x'});
        assertArrayEquals("Päss".toCharArray(), RemoteOptions.readPasswordFile(f));
        Files.writeString(f, "\n", StandardCharsets.UTF_8);
        assertThrows(UsageException.class, () -> RemoteOptions.readPasswordFile(f));
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0});
        assertThrows(InputException.class, () -> RemoteOptions.readPasswordFile(f));
        Files.write(f, new byte[RemoteOptions.MAX_PASSWORD_FILE_BYTES + 1]);
        assertThrows(InputException.class, () -> RemoteOptions.readPasswordFile(f));
        assertEquals("no such file", assertThrows(InputException.class,
                () -> RemoteOptions.readPasswordFile(tmp.resolve("none"))).getMessage());
    }

    @Test
    void usageMistakesAreOneLineUsageErrors() {
        RemoteOptions noHost = options(null, "A\\b");
        assertTrue(noHost.requested());
        assertThrows(UsageException.class, () -> load(noHost, NO_FILES, 100));
        assertThrows(UsageException.class, () -> load(options("web01", null), NO_FILES, 100));
        RemoteOptions both = options("web01", "A\\b");
        both.passwordEnv = "PW";
        both.passwordFile = Path.of("pw");
        assertThrows(UsageException.class, () -> load(both, NO_FILES, 100));
        RemoteOptions withFiles = options("web01", "A\\b");
        assertThrows(UsageException.class, () -> load(withFiles,
                new InputSelection(Path.of("secedit.inf"), null, null, null, List.of(), null), 100));
        RemoteOptions unsetEnv = options("web01", "A\\b");
        unsetEnv.passwordEnv = "LR_TEST_UNSET";
        assertEquals("--password-env: environment variable LR_TEST_UNSET is not set or empty",
                assertThrows(UsageException.class, () -> load(unsetEnv, NO_FILES, 100)).getMessage());
        assertFalse(new RemoteOptions().requested());
    }

    @Test
    void directoryOptionsBecomeTheRequestsDirectoryAndTheirMistakesAreUsageErrors() {
        RemoteOptions o = options("web01", "A\\b");
        assertEquals(RemoteRequest.Directory.DEFAULT, o.request().directory());
        o.dc = "dc01";
        o.dcAuth = RemoteRequest.Binding.LDAPS;
        o.dcCa = Path.of("ca.pem");
        assertEquals(new RemoteRequest.Directory("dc01", RemoteRequest.Binding.LDAPS, Path.of("ca.pem")), o.request().directory());

        RemoteOptions caWithoutLdaps = options("web01", "A\\b");
        caWithoutLdaps.dcCa = Path.of("ca.pem");
        assertEquals("--dc-ca names the CA of the DC's TLS certificate: it goes with --dc-auth ldaps",
                assertThrows(UsageException.class, () -> load(caWithoutLdaps, NO_FILES, 100)).getMessage());
        RemoteOptions dcAlone = new RemoteOptions();
        dcAlone.dc = "dc01";
        assertTrue(dcAlone.requested());
        assertTrue(assertThrows(UsageException.class, () -> load(dcAlone, NO_FILES, 100)).getMessage()
                .endsWith("need --remote HOST"));

        CliResult bad = Cli.run("audit", "--remote", "web01", "--user", "A\\b", "--dc-auth", "ntlm");
        assertEquals(ExitCode.INVALID_INPUT.code(), bad.exitCode());
        assertTrue(bad.stderr().contains("--dc-auth") && bad.stderr().contains("ntlm"), bad.stderr());
        CliResult lower = Cli.run("audit", "--remote", "web01:1", "--user", "A\\b", "--dc-auth", "ldaps", "--dc-ca", "x");
        assertFalse(lower.stderr().contains("Invalid value"), "the value is case-insensitive: " + lower.stderr());
    }

    @Test
    void plainPasswordIsRefusedWithoutEchoingIt() {
        CliResult r = Cli.run("audit", "--remote", "web01", "--user", "A\\b", "--password", "Hunter2-secret");
        assertEquals(ExitCode.INVALID_INPUT.code(), r.exitCode());
        assertTrue(r.stderr().contains("--password is not accepted"), r.stderr());
        assertFalse(r.stderr().contains("Hunter2") || r.stdout().contains("Hunter2"), r.stderr());
    }

    @Test
    void helpListsTheRemoteOptionsButNotThePasswordTrap() {
        String help = Cli.run("audit", "--help").stdout();
        for (String option : new String[] {"--remote", "--user", "--password-env", "--password-file", "--config-path"}) {
            assertTrue(help.contains(option), option);
        }
        for (String option : new String[] {"--dc", "--dc-auth", "--dc-ca"}) {
            assertTrue(help.contains(option), option);
        }
        assertFalse(help.contains("--password "), help);
        assertFalse(help.contains("--password="), help);
    }
}
