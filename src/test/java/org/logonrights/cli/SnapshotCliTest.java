package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** Issue 4 through the CLI: collect from artifacts, then audit the snapshot anywhere, redacted or not. */
class SnapshotCliTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> samples() {
        return Stream.of(Arguments.of("server-fault", Samples.serverFault()), Arguments.of("gpo-refresh", Samples.gpoRefresh()),
                Arguments.of("default-iis", Samples.defaultIis()));
    }

    private static List<String> cmd(String first, List<String> inputs, String... rest) {
        List<String> a = Samples.command(inputs, first);
        a.addAll(List.of(rest));
        return a;
    }

    private static List<String> verdicts(String json) throws Exception {
        List<String> v = new ArrayList<>();
        for (JsonNode p : new ObjectMapper().readTree(json).get("pools")) {
            List<String> rules = new ArrayList<>();
            p.get("findings").forEach(f -> rules.add(f.get("ruleId").asText()));
            v.add(p.get("verdict").asText() + "/" + p.get("confidence").asText() + "/" + rules);
        }
        v.sort(String::compareTo);
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void collectThenAuditSnapshotGivesTheSameVerdicts(String name, List<String> inputs) throws Exception {
        Path snapshot = tmp.resolve(name + ".json");
        CliResult collect = Cli.run(cmd("collect", inputs, "--output", snapshot.toString()));
        assertEquals(0, collect.exitCode(), collect.stderr());
        CliResult direct = Cli.run(cmd("audit", inputs, "--format", "json"));
        CliResult fromSnapshot = Cli.run("audit", "--snapshot", snapshot.toString(), "--format", "json");
        assertEquals(direct.exitCode(), fromSnapshot.exitCode());
        assertEquals(verdicts(direct.stdout()), verdicts(fromSnapshot.stdout()));
        // The same pools by name, too: a snapshot is not a lossy summary.
        assertEquals(new ObjectMapper().readTree(direct.stdout()).get("pools").findValuesAsText("name"),
                new ObjectMapper().readTree(fromSnapshot.stdout()).get("pools").findValuesAsText("name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void redactedSnapshotAndReportsKeepVerdictsAndHideNames(String name, List<String> inputs) throws Exception {
        Path snapshot = tmp.resolve(name + "-redacted.json");
        assertEquals(0, Cli.run(cmd("collect", inputs, "--redact", "--output", snapshot.toString())).exitCode());
        String snap = Files.readString(snapshot);
        CliResult direct = Cli.run(cmd("audit", inputs, "--format", "json"));
        CliResult redacted = Cli.run("audit", "--snapshot", snapshot.toString(), "--format", "json");
        assertEquals(verdicts(direct.stdout()), verdicts(redacted.stdout()));
        CliResult redactedText = Cli.run(cmd("audit", inputs, "--redact"));
        for (String secret : List.of("woodgrove", "svc-orders", "svc-payroll", "OrdersApi", "Storefront", "WG-WEB-01",
                "1870432911-2944718543-2413046519", "Web Batch Accounts", "DefaultAppPool", "Default Web Site",
                "S-1-5-82-3006700770")) {
            for (String out : List.of(snap, redacted.stdout(), redactedText.stdout())) {
                assertFalse(out.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), secret + " leaked:\n" + out);
            }
        }
    }

    @Test
    void snapshotIsVersionedAndCarriesProvenance() throws Exception {
        Path snapshot = tmp.resolve("s.json");
        String sf = Samples.SERVER_FAULT;
        assertEquals(0, Cli.run("collect", "--secedit", sf + "secedit.inf", "--applicationhost", sf + "applicationHost.config",
                "--output", snapshot.toString()).exitCode());
        JsonNode doc = new ObjectMapper().readTree(snapshot.toFile());
        assertEquals("logonrights-snapshot", doc.get("format").asText());
        assertEquals(1, doc.get("schemaVersion").asInt());
        JsonNode batch = doc.get("rights").get("assignments").findParent("right");
        assertTrue(batch.get("source").get("line").asInt() > 0);
        assertFalse(Files.readString(snapshot).contains("[enc:"));
        CliResult broken = Cli.run("audit", "--snapshot", sf + "memberships.json");
        assertEquals(2, broken.exitCode());
        assertEquals(1, broken.stderrLines().size(), broken.stderr());
    }
}
