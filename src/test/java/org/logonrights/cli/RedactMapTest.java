package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** {@code --redact-map FILE}: the pseudonym table for the engineer, beside the report, never in it (issue 16, point 4). */
class RedactMapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Map<String, String> table(Path file, String kind) throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(file));
        assertEquals("logonrights-pseudonyms", doc.get("format").asText());
        Map<String, String> out = new HashMap<>();
        doc.get("entries").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                out.put(e.get("original").asText(), e.get("pseudonym").asText());
            }
        });
        return out;
    }

    @Test
    void theTableNamesEveryRealValueAndTheReportNone() throws Exception {
        Path map = tmp.resolve("pseudonyms.json");
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "audit", "--format", "json", "--redact-map", map.toString()));
        assertEquals(1, r.exitCode(), r.stderr());
        Map<String, String> pools = table(map, "pool");
        assertEquals(5, pools.size(), pools.toString());
        for (Map.Entry<String, String> pool : pools.entrySet()) {
            assertFalse(r.stdout().contains(pool.getKey()), pool.getKey() + " is redacted: --redact-map implies --redact");
            assertTrue(r.stdout().contains("\"name\" : \"" + pool.getValue() + "\""), pool.getValue());
        }
        assertEquals("WG-WEB-01", table(map, "host").keySet().iterator().next().toUpperCase(java.util.Locale.ROOT));
        assertFalse(r.stdout().contains("logonrights-pseudonyms") || r.stderr().contains("logonrights-pseudonyms"));
    }

    @Test
    void thePseudonymsAreThoseOfTheReportAndExplainTakesEither() throws Exception {
        Path map = tmp.resolve("map.json");
        CliResult byReal = Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi", "--redact-map", map.toString()));
        String alias = table(map, "pool").get("OrdersApi");
        CliResult byAlias = Cli.run(Samples.command(Samples.serverFault(), "explain", alias, "--redact"));
        assertEquals(byReal.stdout(), byAlias.stdout());
        assertEquals(1, byAlias.exitCode(), byAlias.stderr());
        assertTrue(byAlias.stdout().startsWith(alias + ": WILL_FAIL"), byAlias.stdout());
    }

    @Test
    void anExistingTableKeepsItsModeAndStandardOutputIsRefused() throws Exception {
        Path map = Files.createFile(tmp.resolve("kept.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(map, "old");
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "rights", "--redact-map", map.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(map)));
        assertTrue(Files.readString(map).contains("logonrights-pseudonyms"));
        assertEquals(List.of("kept.json"), Files.list(tmp).map(p -> p.getFileName().toString()).toList(), "no temporary file is left");

        CliResult dash = Cli.run(Samples.command(Samples.serverFault(), "audit", "--redact-map", "-"));
        assertEquals(2, dash.exitCode());
        assertTrue(dash.stderr().startsWith("logonrights: --redact-map needs a file"), dash.stderr());
        assertEquals("", dash.stdout());
    }
}
