package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * Help and the Server Fault report on a real pseudo-terminal (util-linux {@code script}) of 80 and
 * 120 columns: no line is wider than the terminal and no word is split, compared with the same text
 * written unwrapped; the report written to a pipe keeps the fixed layout the README shows.
 */
class TerminalWidthIT {

    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final List<List<String>> HELP = List.of(List.of("--help"), List.of("audit", "--help"),
            List.of("explain", "--help"), List.of("rights", "--help"), List.of("collect", "--help"), List.of("sid", "--help"),
            List.of("sid", "apppool", "--help"), List.of("sid", "service", "--help"), List.of("help", "sid", "describe"));

    @BeforeAll
    static void needsAPseudoTerminal() {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "util-linux script(1) makes the pseudo-terminal");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void helpFitsTheTerminalAndSplitsNoWord(int columns) throws Exception {
        for (List<String> args : HELP) {
            String help = onTerminal(columns, args);
            assertFits(help, columns, args);
            // The same words in the same order as picocli lays the help out unwrapped.
            assertEquals(words(onTerminal(1000, args)), words(help), "a word was split: " + args);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void theReportFitsTheTerminalAndSplitsNoWord(int columns) throws Exception {
        for (List<String> args : List.of(Samples.command(Samples.serverFault(), "audit"),
                Samples.command(Samples.serverFault(), "explain", "OrdersApi"))) {
            String report = onTerminal(columns, args);
            assertFits(report, columns, args);
            Set<String> written = new HashSet<>(words(JarRunner.run(args).stdout()).stream()
                    .map(w -> w.replaceAll(",$", "")).toList());
            // A narrow table moves identity and confidence to a line of their own, labelled, comma-separated.
            List<String> added = words(report).stream().map(w -> w.replaceAll(",$", ""))
                    .filter(w -> !written.contains(w)).toList();
            assertTrue(added.stream().allMatch(w -> w.equals("confidence")), "split or new words: " + added);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void aPipeGetsTheFixedLayoutWhateverTheTerminal(int columns) throws Exception {
        ProcessBuilder piped = JarRunner.processBuilder(Samples.command(Samples.serverFault(), "audit"));
        piped.environment().put("COLUMNS", String.valueOf(columns));
        CliResult r = JarRunner.run(piped);
        String readme = Files.readString(Samples.project().resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```text\n") + "```text\n".length();
        assertTrue(r.stdout().startsWith(readme.substring(start, readme.indexOf("```", start))),
                "the report's head as the README shows it:\n" + r.stdout());
    }

    @org.junit.jupiter.api.Test
    void withoutColumnsTheSizeTheTerminalReportsIsUsed() throws Exception {
        String help = onTerminal(100, List.of("audit", "--help"), false);
        assertFits(help, 100, List.of("audit", "--help"));
        assertTrue(help.lines().anyMatch(l -> l.length() > 80), "wider than the 80 columns of a pipe:\n" + help);
        String report = onTerminal(100, Samples.command(Samples.serverFault(), "audit"), false);
        assertTrue(report.contains("\nPOOL            LOGON "), "the narrow table of a 100-column terminal:\n" + report);
    }

    private static void assertFits(String text, int columns, List<String> args) {
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= columns, args + " at " + columns + " columns: " + line.length() + ": " + line);
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Runs the jar under a pseudo-terminal of {@code columns} columns; its output with LF line ends. */
    private static String onTerminal(int columns, List<String> args) throws IOException, InterruptedException {
        return onTerminal(columns, args, true);
    }

    /** @param exportColumns whether COLUMNS is set too, as a shell that exports it does */
    private static String onTerminal(int columns, List<String> args, boolean exportColumns)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(JarRunner.processBuilder(args).command());
        StringBuilder shell = new StringBuilder("stty cols " + columns + " rows 50 2>/dev/null;");
        for (String c : command) {
            shell.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qec", shell.toString(), "/dev/null")
                .directory(Samples.project().toFile()).redirectErrorStream(true);
        if (exportColumns) {
            pb.environment().put("COLUMNS", String.valueOf(columns));
        } else {
            pb.environment().remove("COLUMNS");
        }
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "script did not end");
        return new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
