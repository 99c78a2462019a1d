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

    /** One sample: its folder, the command-line inputs relative to that folder, and the input files to cut. */
    public record Sample(String name, String folder, List<String> inputs, List<String> files) {
    }

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
        return samples;
    }

    private static Sample sample(String name, String folder, List<String> args) {
        List<String> inputs = args.stream().map(a -> a.startsWith(folder) ? a.substring(folder.length()) : a).toList();
        List<String> files = inputs.stream().filter(a -> !a.startsWith("--")).toList();
        return new Sample(name, folder, inputs, files);
    }

    /**
     * The offsets a file is cut at: every line boundary (before a CR or LF that starts a line break and
     * after the break) and {@value #RANDOM_OFFSETS} random ones, seeded by the file's length so a failure
     * repeats. UTF-16 text is cut at its code units as well as between their bytes.
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
        Random random = new Random(bytes.length);
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
        Path copy = copyOf(Samples.dir(sample.folder()));
        try {
            Verdicts whole = verdicts(runner.apply(command(sample, copy)), "the whole sample " + sample.name());
            int runs = 0;
            for (String file : sample.files()) {
                Path target = copy.resolve(file);
                byte[] bytes = Files.readAllBytes(target);
                try {
                    for (int offset : offsets(bytes)) {
                        Files.write(target, java.util.Arrays.copyOf(bytes, offset));
                        CliResult cut = runner.apply(command(sample, copy));
                        runs++;
                        String what = sample.name() + ": " + file + " cut at byte " + offset + " of " + bytes.length;
                        if (cut.exitCode() == 2) {
                            assertEquals(1, cut.stderrLines().size(), what + ": a refusal is one line\n" + cut.stderr());
                            continue;
                        }
                        compare(whole, verdicts(cut, what), what);
                    }
                } finally {
                    Files.write(target, bytes);
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
            boolean same = before[0].equals(after[0]) && before[1].equals(after[1]);
            if (!same && !after[1].equals("UNCERTAIN")) {
                fail(what + ": pool " + pool.getKey() + " went from " + String.join(" ", before) + " to "
                        + String.join(" ", after) + ", more confident than UNCERTAIN");
            }
        }
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
                pools.put(p.get("name").asText(), new String[] {p.get("verdict").asText(), p.get("confidence").asText()});
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
