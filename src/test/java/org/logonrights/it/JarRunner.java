package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as a user would: a separate JVM, real arguments, real exit code. */
final class JarRunner {

    /** What one run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private JarRunner() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("logonrights.jar", "target/logonrights.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar must be built before integration tests: " + jar);
        return jar;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runWithEnv(List.of(), args);
    }

    static Result runWithEnv(List<String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Path out = Files.createTempFile("lr-out", ".txt");
        Path err = Files.createTempFile("lr-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("logonrights did not finish within 60 s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The shared folder beside the project, if present (CI and developer machines have it). */
    static Path shared() {
        String prop = System.getProperty("logonrights.shared");
        return prop != null ? Path.of(prop) : Path.of("").toAbsolutePath().getParent().resolve("shared");
    }
}
