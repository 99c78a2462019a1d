package org.logonrights.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar ({@code -Dlogonrights.jar}, set by failsafe) as a user would: its own JVM, real
 * arguments, the real exit code from {@code System.exit}, stdin not a terminal. For the few tests that
 * need what only a separate JVM shows; everything else uses {@link Cli}, which returns the same
 * {@link CliResult}. It runs in the project directory (failsafe's), as {@link Cli} does.
 */
public final class JarRunner {

    /** A loaded 2-core machine builds while these run; a hung run still ends the test. */
    private static final long TIMEOUT_MINUTES = 5;

    private JarRunner() {
    }

    public static Path jar() {
        String jar = System.getProperty("logonrights.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no built jar at -Dlogonrights.jar=" + jar);
        return Path.of(jar);
    }

    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@code java -jar logonrights.jar ARGS}. C1 only: these runs are short, and the JIT level changes
     * their speed, not their output.
     */
    public static ProcessBuilder processBuilder(List<String> args) {
        List<String> command = new ArrayList<>(List.of(java().toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    public static CliResult run(String... args) throws IOException, InterruptedException {
        return run(List.of(args));
    }

    public static CliResult run(List<String> args) throws IOException, InterruptedException {
        return run(processBuilder(args));
    }

    /** With these variables added to the inherited environment. */
    public static CliResult runWithEnv(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = processBuilder(List.of(args));
        pb.environment().putAll(env);
        return run(pb);
    }

    /** Any command (a launcher, another user, JVM options), stdin at end of file. */
    public static CliResult run(ProcessBuilder pb) throws IOException, InterruptedException {
        return run(pb, false);
    }

    /** With stdin a pipe that stays open and empty until the process has ended: nothing may wait on it. */
    public static CliResult runWithOpenStdin(List<String> args) throws IOException, InterruptedException {
        return run(processBuilder(args), true);
    }

    private static CliResult run(ProcessBuilder pb, boolean openStdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("logonrights-stdout", ".txt");
        Path err = Files.createTempFile("logonrights-stderr", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(openStdin ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(nullDevice()));
            Process p = pb.start();
            try {
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("did not finish in " + TIMEOUT_MINUTES + " minutes: " + pb.command());
                }
            } finally {
                p.getOutputStream().close();
            }
            return new CliResult(p.exitValue(), utf8(out), utf8(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Strictly decoded: output that is not UTF-8 fails here, and equal strings mean equal bytes. */
    private static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file.getFileName() + " of the jar is not UTF-8", e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
