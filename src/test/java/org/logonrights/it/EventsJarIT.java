package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * Issue 18's bar, through the built jar: the Server Fault sample with its logs shows OrdersApi
 * WILL_FAIL and CONFIRMED by 5021 with error 1385, and Payroll (whose 5021 says 1326) OTHER_CAUSE
 * naming the bad password, in every report format; {@code collect --events --redact} keeps them.
 */
class EventsJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliResult audit(String format) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--format", format));
        args.addAll(Samples.serverFaultWithEvents());
        return JarRunner.run(args.toArray(String[]::new));
    }

    @Test
    void text() throws Exception {
        CliResult r = audit("text");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().matches("(?s).*\\nOrdersApi +WOODGROVE\\\\svc-orders .*WILL_FAIL +documented +CONFIRMED\\n.*"),
                r.stdout());
        assertTrue(r.stdout().matches("(?s).*\\nPayroll +WOODGROVE\\\\svc-payroll .*WILL_START +documented +OTHER_CAUSE\\n.*"),
                r.stdout());
        assertTrue(r.stdout().contains("CONFIRMED: the server logged this failure: event 5021 at"), r.stdout());
        assertTrue(r.stdout().contains("error 1385 ERROR_LOGON_TYPE_NOT_GRANTED"), r.stdout());
        assertTrue(r.stdout().replaceAll("\\s+", " ").contains(
                "OTHER_CAUSE: this pool fails for another reason than logon rights: unknown user name or bad password "
                        + "(error 1326 ERROR_LOGON_FAILURE)"), r.stdout());
    }

    @Test
    void json() throws Exception {
        CliResult r = audit("json");
        JsonNode pools = JSON.readTree(r.stdout()).get("pools");
        JsonNode orders = pool(pools, "OrdersApi");
        assertEquals("WILL_FAIL", orders.get("verdict").asText());
        assertEquals("CONFIRMED", orders.get("agreement").get("value").asText());
        assertEquals("record 40212", orders.get("agreement").get("eventRecord").get("element").asText());
        JsonNode was = orders.get("events").get(1);
        assertEquals(5021, was.get("id").asInt());
        assertEquals("1385", was.get("code").asText());
        assertEquals("ERROR_LOGON_TYPE_NOT_GRANTED", was.get("codeName").asText());
        JsonNode payroll = pool(pools, "Payroll");
        assertEquals("OTHER_CAUSE", payroll.get("agreement").get("value").asText());
        assertEquals("1326", payroll.get("events").get(0).get("code").asText());
        assertEquals("BAD_PASSWORD", payroll.get("events").get(0).get("failure").asText());
    }

    @Test
    void sarif() throws Exception {
        JsonNode run = JSON.readTree(audit("sarif").stdout()).get("runs").get(0);
        JsonNode agreements = run.get("properties").get("agreements");
        assertEquals("CONFIRMED", pool(agreements, "OrdersApi").get("agreement").asText());
        assertTrue(pool(agreements, "OrdersApi").get("message").asText().contains("1385"));
        assertEquals("OTHER_CAUSE", pool(agreements, "Payroll").get("agreement").asText());
        assertTrue(pool(agreements, "Payroll").get("message").asText().contains("1326 ERROR_LOGON_FAILURE"));
        for (JsonNode result : run.get("results")) {
            if (result.get("properties").get("pool").asText().equals("OrdersApi")) {
                assertEquals("CONFIRMED", result.get("properties").get("agreement").asText());
            }
        }
    }

    @Test
    void junitAndMarkdown() throws Exception {
        String junit = audit("junit").stdout();
        assertTrue(junit.contains("agreement: CONFIRMED: the server logged this failure: event 5021"), junit);
        assertTrue(junit.contains("agreement: OTHER_CAUSE: this pool fails for another reason than logon rights"), junit);
        String markdown = audit("markdown").stdout();
        assertTrue(markdown.contains("| Pool | Identity | Required right | Verdict | Agreement |"), markdown);
        assertTrue(markdown.contains(
                "| `OrdersApi` | `WOODGROVE\\svc-orders` | `SeBatchLogonRight` | **WILL_FAIL** | CONFIRMED |"), markdown);
        assertTrue(markdown.contains("| `Payroll` | `WOODGROVE\\svc-payroll` | `SeBatchLogonRight` | WILL_START | OTHER_CAUSE |"),
                markdown);
        assertTrue(markdown.contains("**Agreement:** OTHER_CAUSE: this pool fails for another reason than logon rights: "
                + "unknown user name or bad password (error 1326 ERROR_LOGON_FAILURE)"), markdown);
    }

    @Test
    void collectKeepsTheEventsAndRedactsTheirNames(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("snapshot.json");
        List<String> args = new ArrayList<>(List.of("collect", "--redact", "--output", snapshot.toString()));
        args.addAll(Samples.serverFaultWithEvents());
        CliResult collected = JarRunner.run(args.toArray(String[]::new));
        assertEquals(0, collected.exitCode(), collected.toString());
        String json = Files.readString(snapshot);
        assertTrue(json.contains("\"events\""), json);
        assertFalse(json.contains("svc-orders"), json);
        assertFalse(json.contains("OrdersApi"), json);
        assertFalse(json.contains("WG-WEB-01"), json);
        assertTrue(json.contains("\"code\" : \"1385\""), json);
        CliResult audit = JarRunner.run("audit", "--format", "json", "--snapshot", snapshot.toString());
        List<String> agreements = new ArrayList<>();
        JSON.readTree(audit.stdout()).get("pools").forEach(p -> agreements.add(p.get("verdict").asText() + "/"
                + p.get("agreement").get("value").asText()));
        assertTrue(agreements.contains("WILL_FAIL/CONFIRMED"), agreements.toString());
        assertTrue(agreements.contains("WILL_START/OTHER_CAUSE"), agreements.toString());
    }

    private static JsonNode pool(JsonNode pools, String name) {
        for (JsonNode p : pools) {
            if (p.has("name") && p.get("name").asText().equals(name) || p.has("pool") && p.get("pool").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no pool " + name + " in " + pools);
    }
}
