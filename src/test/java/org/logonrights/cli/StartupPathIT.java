package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * What start-up depends on, checked on the built jar: every class of the offline audit path can
 * go into the AppCDS archive (docs/performance.md), and the launcher gives what {@code java -jar}
 * gives. Kept out of process because each is about the jar and a JVM start: the classes shaded into
 * it, an archive dumped at a JVM's exit, the sh launcher. Timings are measured by bench/run.sh, never here.
 */
class StartupPathIT {

    private static List<String> smallAudit() {
        Path s = Samples.dir(Samples.SERVER_FAULT);
        return List.of("audit", "--secedit", s.resolve("secedit.inf").toString(),
                "--applicationhost", s.resolve("applicationHost.config").toString(),
                "--memberships", s.resolve("memberships.json").toString(),
                "--gpresult", s.resolve("gpresult.xml").toString());
    }

    /** Class files older than Java 6 (major 50) cannot be archived by CDS; picocli's own jar is Java 5. */
    @Test
    void everyClassInTheJarOfPicocliAndLogonrightsIsArchivable() throws IOException {
        List<String> old = new ArrayList<>();
        int checked = 0;
        try (JarFile jar = new JarFile(JarRunner.jar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || !(name.startsWith("picocli/") || name.startsWith("org/logonrights/"))) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] header = in.readNBytes(8);
                    int major = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
                    checked++;
                    if (major < 50) {
                        old.add(name + " (class file " + major + ")");
                    }
                }
            }
        }
        assertTrue(checked > 400, "found only " + checked + " classes");
        assertEquals(List.of(), old);
    }

    /** Dumps an archive of the small audit, as mvn package does, and reads what the JVM refused. */
    @Test
    void theJvmArchivesEveryClassTheSmallAuditLoads(@TempDir Path dir) throws IOException, InterruptedException {
        Path archive = dir.resolve("audit.jsa");
        List<String> command = new ArrayList<>(List.of(
                JarRunner.java().toString(), "-XX:ArchiveClassesAtExit=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:cds=warning:stderr", "-jar", JarRunner.jar().toString()));
        command.addAll(smallAudit());
        CliResult r = JarRunner.run(new ProcessBuilder(command));
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(Files.size(archive) > 0, "no archive written");
        // Only classes from the jar count: the JDK generates reflection accessors as old bytecode itself.
        List<String> refused = r.stderrLines().stream().filter(l -> l.contains("Pre JDK 6 class")
                && (l.contains(" picocli/") || l.contains(" org/logonrights/"))).toList();
        assertEquals(List.of(), refused);
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS, OS.AIX, OS.OTHER},
            disabledReason = "bin/logonrights is the POSIX sh launcher; Windows uses bin/logonrights.cmd")
    void theLauncherPrintsWhatJavaJarPrints() throws IOException, InterruptedException {
        Path launcher = Samples.project().resolve("bin/logonrights");
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(smallAudit());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LOGONRIGHTS_JAR", JarRunner.jar().toString());
        pb.environment().put("JAVA", JarRunner.java().toString());
        CliResult viaLauncher = JarRunner.run(pb);
        CliResult viaJar = JarRunner.run(smallAudit());
        assertEquals(viaJar.exitCode(), viaLauncher.exitCode(), viaLauncher::toString);
        assertEquals(viaJar.stdout(), viaLauncher.stdout());
        assertEquals("", viaLauncher.stderr());
    }
}
