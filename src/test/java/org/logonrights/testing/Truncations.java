package org.logonrights.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every way a sample input can be cut short (issue 16): at every line boundary, just before and just
 * after its line break, and at 16 random offsets, even and odd, and the check that a cut never gives
 * a confident verdict the whole file does not give. {@link Cli} and {@link JarRunner} both run it.
 */
public final class Truncations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RANDOM_OFFSETS = 16;

    /**
     * One sample: its folder, the command-line inputs relative to that folder, and the input files to cut.
     * {@code collect}, when not empty, are the inputs of a {@code collect} run made first in the copy of
     * the folder, whose snapshot ({@value #SNAPSHOT}) the inputs then name.
     */
    public record Sample(String name, String folder, List<String> inputs, List<String> files, List<String> collect) {
        public Sample(String name, String folder, List<String> inputs, List<String> files) {
            this(name, folder, inputs, files, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Runs every cut of one file: writes the first {@code offset} bytes of {@code whole} to {@code target}
     * and runs {@code args}, once per offset, in order; returns one result per offset.
     */
    @FunctionalInterface
    public interface Batch {
        List<CliResult> run(Path target, byte[] whole, List<Integer> offsets, List<String> args);
    }

    /** The snapshot a sample's {@code collect} writes, in the copy of its folder. */
    public static final String SNAPSHOT = "collected-snapshot.json";

    /** The seed of the random offsets, {@code -Dlogonrights.truncationSeed=N} to repeat another run's. */
    public static final long SEED = Long.getLong("logonrights.truncationSeed", 16L);

    /** The verdicts of one run: pool name to verdict and confidence. */
    private record Verdicts(Map<String, String[]> pools) {
    }

    private Truncations() {
    }

    /** Every bundled sample with every input file it passes; paths relative to the sample's folder. */
    public static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample("server-fault", Samples.SERVER_FAULT, Samples.serverFault()));
        samples.add(sample("gpo-refresh", Samples.GPO_REFRESH, Samples.gpoRefresh()));
        samples.add(sample("default-iis", Samples.DEFAULT_IIS, Samples.defaultIis()));
        samples.add(eventsOnly(sample("server-fault-events", Samples.SERVER_FAULT, Samples.serverFaultWithEvents())));
        for (Sample s : List.copyOf(samples.subList(0, 3))) {
            samples.add(new Sample(s.name() + "-snapshot", s.folder(), List.of("--snapshot", SNAPSHOT), List.of(SNAPSHOT),
                    s.name().equals("server-fault") ? relative(Samples.SERVER_FAULT, Samples.serverFaultWithEvents()) : s.inputs()));
        }
        return samples;
    }

    /** The same sample, cutting only its event logs (its other files are cut by the sample without events). */
    private static Sample eventsOnly(Sample s) {
        return new Sample(s.name(), s.folder(), s.inputs(), s.files().stream().filter(f -> f.startsWith("events/")).toList());
    }

    private static List<String> relative(String folder, List<String> args) {
        return args.stream().map(a -> a.startsWith(folder) ? a.substring(folder.length()) : a).toList();
    }

    private static Sample sample(String name, String folder, List<String> args) {
        List<String> inputs = relative(folder, args);
        List<String> files = inputs.stream().filter(a -> !a.startsWith("--")).toList();
        return new Sample(name, folder, inputs, files);
    }

    /**
     * The offsets a file is cut at: every line boundary (before a CR or LF that starts a line break and
     * after the break) and {@value #RANDOM_OFFSETS} random ones, seeded by {@link #SEED} and the file's
     * length so a failure repeats. UTF-16 text is cut at its code units as well as between their bytes.
     */
    public static List<Integer> offsets(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
        int unit = utf16 ? 2 : 1;
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i + unit <= bytes.length; i += unit) {
            if (isBreak(bytes, i, utf16, '\n')) {
                cuts.add(i + unit);
                boolean crlf = i >= unit && isBreak(bytes, i - unit, utf16, '\r');
                cuts.add(crlf ? i - unit : i);
            }
        }
        cuts.remove(bytes.length);
        Random random = new Random(SEED ^ bytes.length);
        for (int parity = 0; parity < 2; parity++) {
            int added = 0;
            while (added < RANDOM_OFFSETS / 2) {
                int offset = 1 + random.nextInt(bytes.length - 1);
                if (offset % 2 == parity && cuts.add(offset)) {
                    added++;
                }
            }
        }
        return List.copyOf(cuts);
    }

    private static boolean isBreak(byte[] b, int i, boolean utf16, char c) {
        return utf16 ? b[i] == c && b[i + 1] == 0 : b[i] == c;
    }

    /**
     * Cuts each input of the sample at each offset (in a copy of the sample's folder, so that paths
     * beside a GPO template still resolve) and checks every run against the whole file's run.
     *
     * @param runner runs the command line with these arguments
     * @return how many runs were checked
     */
    public static int check(Sample sample, Function<List<String>, CliResult> runner) {
        return check(sample, runner, oneByOne(runner));
    }

    /** Runs each cut through {@code runner}, one call per cut. */
    public static Batch oneByOne(Function<List<String>, CliResult> runner) {
        return (target, whole, offsets, args) -> {
            List<CliResult> results = new ArrayList<>();
            try {
                for (int offset : offsets) {
                    Files.write(target, java.util.Arrays.copyOf(whole, offset));
                    results.add(runner.apply(args));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return results;
        };
    }

    /**
     * As {@link #check(Sample, Function)}, with the whole sample (and its {@code collect}) run by
     * {@code runner} and the cuts of each file by {@code batch}.
     */
    public static int check(Sample sample, Function<List<String>, CliResult> runner, Batch batch) {
        Path copy = copyOf(Samples.dir(sample.folder()));
        try {
            if (!sample.collect().isEmpty()) {
                List<String> collect = new ArrayList<>(List.of("collect", "--output", copy.resolve(SNAPSHOT).toString()));
                sample.collect().forEach(a -> collect.add(a.startsWith("--") ? a : copy.resolve(a).toString()));
                CliResult collected = runner.apply(collect);
                assertEquals(0, collected.exitCode(), collected.stderr());
            }
            Verdicts whole = verdicts(runner.apply(command(sample, copy)), "the whole sample " + sample.name());
            System.out.println("truncations of " + sample.name() + ": seed " + SEED + " (repeat with -Dlogonrights.truncationSeed="
                    + SEED + ")");
            int runs = 0;
            for (String file : sample.files()) {
                Path target = copy.resolve(file);
                byte[] bytes = Files.readAllBytes(target);
                List<Integer> offsets = offsets(bytes);
                List<CliResult> results;
                try {
                    results = batch.run(target, bytes, offsets, command(sample, copy));
                } finally {
                    Files.write(target, bytes);
                }
                assertEquals(offsets.size(), results.size(), file);
                for (int i = 0; i < offsets.size(); i++) {
                    CliResult cut = results.get(i);
                    runs++;
                    String what = sample.name() + ": " + file + " cut at byte " + offsets.get(i) + " of " + bytes.length
                            + " (seed " + SEED + ")";
                    if (cut.exitCode() == 2) {
                        assertEquals(1, cut.stderrLines().size(), what + ": a refusal is one line\n" + cut.stderr());
                        continue;
                    }
                    compare(whole, verdicts(cut, what), what);
                }
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    /** A pool keeps the whole file's verdict and confidence, or is UNCERTAIN; never a start where the whole file gives none. */
    private static void compare(Verdicts whole, Verdicts cut, String what) {
        for (Map.Entry<String, String[]> pool : cut.pools().entrySet()) {
            String[] before = whole.pools().get(pool.getKey());
            String[] after = pool.getValue();
            if (before == null) {
                continue;
            }
            if (!before[0].equals("WILL_START") && after[0].equals("WILL_START")) {
                fail(what + ": pool " + pool.getKey() + " turned " + before[0] + " into WILL_START");
            }
            if (before[0].equals(after[0]) && strength(after[2]) > strength(before[2])) {
                // Fewer events never make a stronger claim: a logon-right failure decides over another cause.
                fail(what + ": pool " + pool.getKey() + " went from agreement " + before[2] + " to " + after[2]);
            }
            boolean same = before[0].equals(after[0]) && before[1].equals(after[1]);
            if (!same && !after[1].equals("UNCERTAIN")) {
                fail(what + ": pool " + pool.getKey() + " went from " + String.join(" ", before) + " to "
                        + String.join(" ", after) + ", more confident than UNCERTAIN");
            }
        }
    }

    /** How much an agreement claims: a confirmation or contradiction more than another cause, that more than nothing. */
    private static int strength(String agreement) {
        return switch (agreement) {
            case "CONFIRMED", "CONTRADICTED" -> 2;
            case "OTHER_CAUSE" -> 1;
            default -> 0;
        };
    }

    private static List<String> command(Sample sample, Path folder) {
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        for (String a : sample.inputs()) {
            args.add(a.startsWith("--") ? a : folder.resolve(a).toString());
        }
        return args;
    }

    private static Verdicts verdicts(CliResult r, String what) {
        if (r.exitCode() != 0 && r.exitCode() != 1 && r.exitCode() != 4) {
            fail(what + ": exit " + r.exitCode() + " is neither a verdict nor a refusal (2)\n" + r.stderr());
        }
        try {
            Map<String, String[]> pools = new LinkedHashMap<>();
            for (JsonNode p : JSON.readTree(r.stdout()).get("pools")) {
                pools.put(p.get("name").asText(), new String[] {p.get("verdict").asText(), p.get("confidence").asText(),
                        p.path("agreement").asText("NO_EVENTS")});
            }
            return new Verdicts(pools);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError(what + ": no JSON report\n" + r.stderr(), e);
        }
    }

    private static Path copyOf(Path folder) {
        try {
            Path copy = Files.createTempDirectory("logonrights-cut");
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.toList()) {
                    Path to = copy.resolve(folder.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
