package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SampleInputs;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.Snapshot;
import org.logonrights.report.ReportFormat;
import org.logonrights.sources.InputFiles;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;

/**
 * {@code --redact} through the built jar, over every bundled sample and documentation example (with its
 * event logs): every name, path and domain SID read from the plain inputs is absent from the audit in
 * all five formats, from {@code explain} and from the snapshot {@code collect --redact} writes; and the
 * redacted audit has, pool by pool (matched through the {@code --redact-map} table), exactly the
 * verdicts, confidences, deciding rules and findings of the plain one. Eight JVMs per input, two at a
 * time: about a minute on two cores.
 */
class RedactionJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<InputSelection> inputs() {
        return Stream.concat(SampleInputs.all().stream(), SampleInputs.examples().stream()).map(RedactionJarIT::withEvents);
    }

    /** The event logs a sample or example ships beside its inputs: their computer and account names are secrets too. */
    private static InputSelection withEvents(InputSelection in) {
        Path folder = in.secedit().getParent();
        List<Path> events = new ArrayList<>();
        try {
            if (Files.isDirectory(folder.resolve("events"))) {
                try (Stream<Path> files = Files.list(folder.resolve("events"))) {
                    files.sorted().forEach(events::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.exists(folder.resolve("System-WAS.xml"))) {
            events.add(folder.resolve("System-WAS.xml"));
        }
        return new InputSelection(in.secedit(), in.applicationHost(), in.memberships(), in.gpresult(), in.gpoTemplates(),
                null, events);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void noRealValueSurvivesAndTheFindingsAreThePlainOnes(InputSelection in) throws Exception {
        Set<String> secrets = secrets(in);
        Path map = tmp.resolve("pseudonyms.json");
        Path snapshot = tmp.resolve("redacted-snapshot.json");
        String firstPool = SnapshotLoader.offline(in, InputFiles.DEFAULT).iis().pools().stream().findFirst()
                .map(p -> p.name()).orElse(null);

        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("plain audit --format json", command(in, "audit", "--format", "json"));
        for (ReportFormat f : ReportFormat.values()) {
            List<String> args = command(in, "audit", "--redact", "--format", f.cliName());
            if (f == ReportFormat.JSON) {
                args.addAll(List.of("--redact-map", map.toString()));
            }
            runs.put("audit --redact --format " + f.cliName(), args);
        }
        runs.put("collect --redact", command(in, "collect", "--redact", "--output", snapshot.toString()));
        if (firstPool != null) {
            runs.put("explain <real name> --redact", command(in, "explain", firstPool, "--redact", "--format", "json"));
        }
        Map<String, String> outputs = runAll(runs);
        outputs.put("the snapshot collect --redact wrote", Files.readString(snapshot));

        // Without --redact the same audit shows them: the check below is not about strings nobody prints.
        String plainText = outputs.get("plain audit --format json");
        assertTrue(plainText.contains(in.secedit().toString()) && secrets.contains(in.secedit().toString()), plainText);
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            if (output.getKey().startsWith("plain")) {
                continue;
            }
            String text = RedactedOutputsTest.withoutToolWording(output.getValue()).toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                assertFalse(text.contains(secret.toLowerCase(Locale.ROOT)),
                        "'" + secret + "' of " + in.applicationHost() + " is in " + output.getKey() + ":\n" + output.getValue());
            }
        }

        Map<String, String> pools = poolPseudonyms(Files.readString(map));
        JsonNode plain = report(outputs.get("plain audit --format json"));
        JsonNode redacted = report(outputs.get("audit --redact --format json"));
        assertEquals(findings(plain, pools), findings(redacted, Map.of()), "the redacted findings of " + in.applicationHost());
        assertEquals(machineRules(plain), machineRules(redacted));
        for (JsonNode pool : plain.get("pools")) {
            assertTrue(pools.containsKey(pool.get("name").asText()), pool.get("name") + " is in the pseudonym table");
        }
        if (firstPool != null) {
            JsonNode explained = report(outputs.get("explain <real name> --redact"));
            assertEquals(pools.get(firstPool), explained.get("pools").get(0).get("name").asText(),
                    "explain takes the real name and reports the pseudonym");
        }
    }

    /** Runs every command through the jar, two at a time (the machine has two cores). */
    private static Map<String, String> runAll(Map<String, List<String>> runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<CliResult>> started = new LinkedHashMap<>();
            runs.forEach((name, args) -> started.put(name, pool.submit(() -> JarRunner.run(args))));
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Future<CliResult>> e : started.entrySet()) {
                CliResult r = e.getValue().get();
                assertTrue(r.exitCode() <= 1 || r.exitCode() == 4, e.getKey() + " exited " + r.exitCode() + ": " + r.stderr());
                out.put(e.getKey(), r.stdout() + "\n--- stderr\n" + r.stderr());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> command(InputSelection in, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--secedit", in.secedit().toString(), "--applicationhost", in.applicationHost().toString()));
        if (in.memberships() != null) {
            args.addAll(List.of("--memberships", in.memberships().toString()));
        }
        if (in.gpresult() != null) {
            args.addAll(List.of("--gpresult", in.gpresult().toString()));
        }
        in.gpoTemplates().forEach(t -> args.addAll(List.of("--gpo-template", t.toString())));
        in.events().forEach(e -> args.addAll(List.of("--events", e.toString())));
        return args;
    }

    /** The secrets of the inputs, and those of the event logs: computers, pools and accounts they name. */
    private static Set<String> secrets(InputSelection in) throws Exception {
        Set<String> out = RedactedOutputsTest.secrets(in);
        Snapshot s = SnapshotLoader.withEvents(SnapshotLoader.offline(in, InputFiles.DEFAULT), in.events(), InputFiles.DEFAULT);
        if (s.events() != null) {
            for (LoggedEvent e : s.events().events()) {
                RedactedOutputsTest.addName(out, e.computer());
                RedactedOutputsTest.addName(out, e.poolName());
                RedactedOutputsTest.addName(out, e.account());
                RedactedOutputsTest.addSid(out, e.accountSid());
            }
        }
        in.events().forEach(e -> out.add(e.toString()));
        return out;
    }

    private static JsonNode report(String output) throws IOException {
        return JSON.readTree(output.substring(0, output.indexOf("\n--- stderr")));
    }

    /** Real pool name to pseudonym, from the --redact-map table. */
    private static Map<String, String> poolPseudonyms(String table) throws IOException {
        JsonNode doc = JSON.readTree(table);
        assertEquals("logonrights-pseudonyms", doc.get("format").asText());
        Map<String, String> pools = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (JsonNode e : doc.get("entries")) {
            if (e.get("kind").asText().equals("pool")) {
                pools.put(e.get("original").asText(), e.get("pseudonym").asText());
            }
        }
        return pools;
    }

    /** Per pool (named through {@code names} when it has an entry): verdict, confidence, deciding rule, rule ids. */
    private static Map<String, List<String>> findings(JsonNode report, Map<String, String> names) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode pool : report.get("pools")) {
            String name = pool.get("name").asText();
            List<String> ruleIds = new ArrayList<>();
            pool.get("findings").forEach(f -> ruleIds.add(f.get("ruleId").asText()));
            out.put(names.getOrDefault(name, name), List.of(pool.get("verdict").asText(), pool.get("confidence").asText(),
                    pool.get("decidedBy").asText(), ruleIds.toString(), pool.path("agreement").asText()));
        }
        return out;
    }

    private static List<String> machineRules(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("machineFindings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids.stream().sorted().toList();
    }
}
