package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * The distribution archive as an admin installs it on a machine with only Java: unzip it, link
 * bin/logonrights into a folder on the PATH (directly, and through a relative link to a link), run
 * an audit through the link, and source the bash completion it generates.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links, sh and bash completion; the Windows workflow runs the zip through logonrights.cmd")
class DistributionIT {

    @TempDir
    static Path dir;
    private static Path home;

    @BeforeAll
    static void unzip() throws Exception {
        Path zip;
        try (Stream<Path> files = Files.list(JarRunner.jar().getParent())) {
            zip = files.filter(p -> p.getFileName().toString().matches("logonrights-.+\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("mvn package makes target/logonrights-VERSION.zip"));
        }
        CliResult unzip = run(List.of("unzip", "-q", zip.toString(), "-d", dir.toString()), List.of());
        assertEquals(0, unzip.exitCode(), unzip.stderr());
        try (Stream<Path> top = Files.list(dir)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertEquals(zip.getFileName().toString().replaceFirst("\\.zip$", ""), home.getFileName().toString());
    }

    @Test
    void theArchiveHoldsLaunchersJarDocsLicenceAndReadme() {
        for (String file : List.of("bin/logonrights", "bin/logonrights.cmd", "lib/logonrights.jar", "docs/README.md",
                "docs/man/logonrights-audit.adoc", "LICENSE", "README.md")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/logonrights")), "unzip restores the launcher's mode");
    }

    @Test
    void anAuditRunsThroughLinksOnThePath() throws Exception {
        Path path = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(path.resolve("logonrights"), home.resolve("bin/logonrights"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.createSymbolicLink(other.resolve("lr"), Path.of("../path/logonrights")); // relative, to a link
        for (String command : List.of("logonrights", "lr")) {
            List<String> args = new ArrayList<>(List.of(command, "audit"));
            Samples.serverFault().forEach(a -> args.add(a.startsWith("--") ? a : Samples.project().resolve(a).toString()));
            CliResult r = run(args, List.of(path, other));
            assertEquals(1, r.exitCode(), command + ": " + r.stderr());
            assertTrue(r.stdout().startsWith("5 application pools on WG-WEB-01: 4 will start, 1 will fail"), r.stdout());
        }
    }

    @Test
    void theBashCompletionSourcesCleanly() throws Exception {
        Path path = Files.createDirectories(dir.resolve("completion"));
        Files.createSymbolicLink(path.resolve("logonrights"), home.resolve("bin/logonrights"));
        CliResult r = run(List.of("bash", "-c", "source <(logonrights generate-completion) && complete -p logonrights"),
                List.of(path));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertTrue(r.stdout().contains("-F _complete_logonrights logonrights"), r.stdout());
    }

    /** Runs with the java of this JVM as the only Java, and {@code path} first on the PATH. */
    private static CliResult run(List<String> command, List<Path> path) throws IOException, InterruptedException {
        // Through sh, so that the command is looked up on the PATH given here, not on this JVM's.
        List<String> viaShell = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\""));
        viaShell.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(viaShell).directory(dir.toFile());
        List<String> entries = new ArrayList<>();
        path.forEach(p -> entries.add(p.toString()));
        entries.add("/usr/bin");
        entries.add("/bin");
        pb.environment().put("PATH", String.join(":", entries));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("LOGONRIGHTS_JAR");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not end: " + command);
        return new CliResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
