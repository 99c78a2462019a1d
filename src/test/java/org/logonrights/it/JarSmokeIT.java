package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * The built jar as a user runs it, for what only a JVM of its own shows: the exit code that reaches
 * the shell through {@code System.exit}, the version filtered into the jar at build time, stack
 * traces on stderr only with {@code --debug}, no colour when stdout is not a terminal, and no wait
 * on a stdin that is not a console. The rest of the command-line contract runs in-process
 * (org.logonrights.cli.*Test).
 */
class JarSmokeIT {

    private static final String JAR_COMMAND = "java -jar target/logonrights.jar ";

    private static String readme() throws Exception {
        return Files.readString(Samples.project().resolve("README.md"));
    }

    /** The README's first command, after {@code java -jar target/logonrights.jar}. */
    private static List<String> readmeCommandOne() throws Exception {
        String readme = readme();
        String block = readme.substring(readme.indexOf("```sh\n"));
        String line = block.lines().filter(l -> l.contains(JAR_COMMAND)).findFirst().orElseThrow();
        return Arrays.asList(line.substring(line.indexOf(JAR_COMMAND) + JAR_COMMAND.length()).strip().split(" +"));
    }

    /** The README's example output (its {@code text} block). */
    private static String readmeExample() throws Exception {
        String readme = readme();
        String from = readme.substring(readme.indexOf("```text\n", readme.indexOf("## Example")) + "```text\n".length());
        return from.substring(0, from.indexOf("```"));
    }

    @Test
    void readmeCommandOneExitsWithOneAndPrintsTheReadmeExampleWithoutColour() throws Exception {
        ProcessBuilder pb = JarRunner.processBuilder(readmeCommandOne());
        // A colour-capable terminal type and no NO_COLOR: stdout being a file alone must keep escapes out.
        pb.environment().remove("NO_COLOR");
        pb.environment().put("TERM", "xterm-256color");

        CliResult r = JarRunner.run(pb);

        assertEquals(1, r.exitCode(), "README: \"exits with code 1 on purpose\"; " + r);
        assertEquals("", r.stderr());
        assertTrue(r.stdout().startsWith(readmeExample()), r.stdout());
        assertFalse(r.stdout().contains("\u001b"), "an escape sequence in redirected output");
    }

    @Test
    void versionIsTheOneFilteredIntoTheJar() throws Exception {
        String built;
        try (JarFile jar = new JarFile(JarRunner.jar().toFile())) {
            built = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }

        CliResult r = JarRunner.run("--version");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("logonrights " + built, r.stdout().lines().findFirst().orElseThrow());
        assertFalse(built.isBlank() || built.contains("${"), built);
    }

    @Test
    void aBadInputIsOneLineAndExitTwoAndDebugAddsTheStackTrace(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("applicationHost.config"),
                "<configuration>\n  <system.applicationHost>\n    <applicationPools>\n</configuration>\n");
        List<String> audit = Samples.command(List.of("--secedit", Samples.DEFAULT_IIS + "secedit.inf", "--applicationhost",
                bad.toString()), "audit");

        CliResult plain = JarRunner.run(audit);

        assertEquals(2, plain.exitCode(), plain::toString);
        assertEquals(1, plain.stderrLines().size(), plain::toString);
        assertTrue(plain.stderr().startsWith("logonrights: " + bad + ": line 4"), plain::toString);
        assertFalse(plain.stderr().contains("\tat "), plain::toString);
        assertEquals("", plain.stdout());

        CliResult debug = JarRunner.run(Samples.command(audit, "--debug"));

        assertEquals(2, debug.exitCode(), debug::toString);
        assertEquals(plain.stderrLines().get(0), debug.stderrLines().get(0));
        assertTrue(debug.stderr().contains("\tat "), "--debug shows the stack trace: " + debug);
    }

    @Test
    void aMissingFileIsTheDocumentedLine() throws Exception {
        CliResult r = JarRunner.run("audit", "--secedit", "no/such/secedit.inf", "--applicationhost",
                Samples.DEFAULT_IIS + "applicationHost.config");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(List.of("logonrights: no/such/secedit.inf: no such file"), r.stderrLines());
    }

    /** stdin stays open and empty: an audit ends on its own, and the remote audit's prompt knows there is no console. */
    @Test
    void nothingWaitsOnAnOpenStdinThatIsNotAConsole() throws Exception {
        CliResult audit = JarRunner.runWithOpenStdin(Samples.command(Samples.defaultIis(), "audit"));

        assertEquals(0, audit.exitCode(), audit::toString);
        assertTrue(audit.stdout().startsWith("3 application pools: 3 will start"), audit.stdout());

        CliResult prompt = JarRunner.runWithOpenStdin(List.of("audit", "--remote", "127.0.0.1", "--user", "CONTOSO\\admin"));

        assertEquals(2, prompt.exitCode(), prompt::toString);
        assertEquals(List.of("logonrights: no password: there is no console to prompt on; use --password-env VAR or "
                + "--password-file FILE"), prompt.stderrLines());
    }
}
