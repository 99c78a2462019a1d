package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarBatch;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Truncations;

/**
 * Every truncation of every sample input (security templates, applicationHost.config, memberships,
 * gpresult, the event logs and the snapshot {@code collect} writes of each sample), at every line
 * boundary and at 16 seeded random offsets, through the built jar's classes: exit 2, or verdicts that
 * are the whole file's or UNCERTAIN, and never a start the whole file does not give. The whole sample
 * and its {@code collect} run as {@code java -jar}; the cuts of each file run in one JVM on the jar
 * ({@link JarBatch}), since a JVM per cut would make these thousands of cuts take many minutes.
 */
class TruncatedInputsIT {

    private static Path driver;

    /** {@link JarBatch}'s class file alone in a folder: nothing but the jar and it on the class path. */
    @BeforeAll
    static void driverBesideTheJar() throws IOException, URISyntaxException {
        Path classes = Path.of(JarBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = JarBatch.class.getName().replace('.', '/') + ".class";
        driver = Files.createTempDirectory("logonrights-batch");
        Files.createDirectories(driver.resolve(name).getParent());
        Files.copy(classes.resolve(name), driver.resolve(name));
    }

    /** The samples two at a time (the machine has two cores), each file's cuts in one JVM. */
    @Test
    void noCutGivesAConfidentVerdictTheWholeFileDoesNot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Integer>> runs = new LinkedHashMap<>();
            for (Truncations.Sample sample : Truncations.samples()) {
                runs.put(sample.name(), pool.submit(() -> Truncations.check(sample, TruncatedInputsIT::jar, TruncatedInputsIT::batch)));
            }
            int total = 0;
            for (Map.Entry<String, Future<Integer>> run : runs.entrySet()) {
                int n;
                try {
                    n = run.getValue().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
                assertTrue(n >= 50, run.getKey() + ": only " + n + " cuts");
                total += n;
            }
            System.out.println(total + " cuts of " + runs.size() + " samples through the jar");
        } finally {
            pool.shutdownNow();
        }
    }

    private static CliResult jar(List<String> args) {
        try {
            return JarRunner.run(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cuts of one file in one JVM of the jar. */
    private static List<CliResult> batch(Path target, byte[] whole, List<Integer> offsets, List<String> args) {
        try {
            Path source = Files.createTempFile("logonrights-whole", ".bin");
            try {
                Files.write(source, whole);
                ProcessBuilder pb = new ProcessBuilder(JarRunner.java().toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                        "-cp", JarRunner.jar() + java.io.File.pathSeparator + driver, JarBatch.class.getName());
                pb.redirectError(ProcessBuilder.Redirect.INHERIT);
                Process p = pb.start();
                Thread feeder = new Thread(() -> feed(p, target, source, offsets, args));
                feeder.start();
                List<CliResult> results = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String exit;
                    while ((exit = r.readLine()) != null) {
                        results.add(new CliResult(Integer.parseInt(exit.substring("EXIT ".length())), decode(r.readLine(), "OUT "),
                                decode(r.readLine(), "ERR ")));
                    }
                }
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the batch of " + target + " did not end");
                feeder.join();
                assertEquals(0, p.exitValue(), "the batch of " + target);
                return results;
            } finally {
                Files.deleteIfExists(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void feed(Process p, Path target, Path source, List<Integer> offsets, List<String> args) {
        try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String run = "RUN\t" + String.join("\t", args) + "\n";
            for (int offset : offsets) {
                w.write("CUT\t" + target + "\t" + source + "\t" + offset + "\n");
                w.write(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String line, String prefix) {
        assertTrue(line != null && line.startsWith(prefix), "a batch answer: " + line);
        return new String(Base64.getDecoder().decode(line.substring(prefix.length())), StandardCharsets.UTF_8);
    }
}
