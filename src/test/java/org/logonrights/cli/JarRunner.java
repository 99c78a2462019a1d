package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built jar ({@code -Dlogonrights.jar}) as a user would, in its own JVM. */
final class JarRunner {

    /** What one run left behind. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** stderr's lines, without the final line break. */
        List<String> errLines() {
            return stderr.isEmpty() ? List.of() : stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr:\n" + stderr;
        }
    }

    private JarRunner() {
    }

    static Path jar() {
        String jar = System.getProperty("logonrights.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no built jar at -Dlogonrights.jar=" + jar);
        return Path.of(jar);
    }

    static Result run(Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(args);
        return run(workDir, new ProcessBuilder(command));
    }

    static Result run(Path workDir, ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not finish in 5 minutes: " + pb.command());
        }
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The project's samples folder (failsafe runs in the project directory). */
    static Path samples() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("samples");
    }
}
