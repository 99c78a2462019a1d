package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/**
 * The Server Fault question end to end through the CLI: "Log on as a batch job" locked down by a
 * domain GPO; the domain-account pool fails, ApplicationPoolIdentity and NetworkService pools start.
 */
class ServerFaultSampleTest {

    private static List<String> args(String... head) {
        return Samples.command(Samples.serverFault(), head);
    }

    @Test
    void theThreeServerFaultObservations() throws Exception {
        CliResult r = Cli.run(args("audit", "--format", "json"));
        assertEquals(1, r.exitCode(), r.stderr());
        JsonNode report = new ObjectMapper().readTree(r.stdout());
        Map<String, JsonNode> pools = new HashMap<>();
        report.get("pools").forEach(p -> pools.put(p.get("name").asText(), p));

        JsonNode orders = pools.get("OrdersApi");
        assertEquals("WILL_FAIL", orders.get("verdict").asText());
        assertEquals("SpecificUser", orders.get("identity").get("type").asText());
        assertEquals("SeBatchLogonRight", orders.get("requiredRight").asText());
        assertEquals("LR001", orders.get("findings").get(0).get("ruleId").asText());
        assertTrue(orders.get("findings").get(0).get("remediation").asText().contains("WOODGROVE Web Tier - User Rights"));

        JsonNode defaultPool = pools.get("DefaultAppPool");
        assertEquals("WILL_START", defaultPool.get("verdict").asText());
        assertEquals("ApplicationPoolIdentity", defaultPool.get("identity").get("type").asText());
        assertEquals("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415", defaultPool.get("identity").get("sid").asText());
        assertEquals("SeServiceLogonRight", defaultPool.get("requiredRight").asText());

        JsonNode legacy = pools.get("LegacyReports");
        assertEquals("WILL_START", legacy.get("verdict").asText());
        assertEquals("NetworkService", legacy.get("identity").get("type").asText());
        assertTrue(legacy.get("requiredRight").isNull());

        assertEquals("WILL_START", pools.get("Payroll").get("verdict").asText());
        assertEquals("WILL_START", pools.get("Storefront").get("verdict").asText());
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("WG-WEB-01", report.get("machine").get("name").asText());
    }

    @Test
    void textReportShowsTheTableAndTheFailingPoolsReasons() throws Exception {
        CliResult r = Cli.run(args("audit"));
        assertEquals(1, r.exitCode());
        assertTrue(r.stdout().startsWith("5 application pools on WG-WEB-01: 4 will start, 1 will fail, 0 at risk, 0 unknown"), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("OrdersApi") && l.contains("WILL_FAIL")), r.stdout());
        assertTrue(r.stdout().contains("OrdersApi: WILL_FAIL"), r.stdout());
        assertTrue(r.stderr().isEmpty(), r.stderr());
    }

    @Test
    void explainTellsWhatToChangeAndWhere() throws Exception {
        CliResult r = Cli.run(args("explain", "OrdersApi"));
        assertEquals(1, r.exitCode());
        String out = r.stdout();
        assertTrue(out.contains("batch logon"), out);
        assertTrue(out.contains("secedit.inf line"), out);
        assertTrue(out.contains("GPO 'WOODGROVE Web Tier - User Rights'"), out);
        assertTrue(out.contains("*S-1-5-21-1870432911-2944718543-2413046519-1318"), out);
        assertTrue(out.contains("re-save the pool's identity or restart WAS"), out);
    }

    @Test
    void poolFilterAndFailOn() throws Exception {
        assertEquals(0, Cli.run(args("audit", "--pool", "DefaultAppPool")).exitCode());
        assertEquals(0, Cli.run(args("audit", "--fail-on", "never")).exitCode());
        CliResult unknownPool = Cli.run(args("audit", "--pool", "NoSuchPool"));
        assertEquals(2, unknownPool.exitCode());
        assertEquals(1, unknownPool.stderrLines().size(), unknownPool.stderr());
        assertTrue(unknownPool.stderr().contains("NoSuchPool"));
    }

    @Test
    void everyFailOnLevelThroughTheCli() throws Exception {
        assertEquals(1, Cli.run(args("audit", "--fail-on", "fail")).exitCode());
        assertEquals(1, Cli.run(args("audit", "--fail-on", "risk")).exitCode());
        assertEquals(1, Cli.run(args("audit", "--fail-on", "unknown")).exitCode());
        assertEquals(0, Cli.run(args("audit", "--fail-on", "never")).exitCode());
        // gpo-refresh has AT_RISK pools only: fail lets it pass, risk does not.
        assertEquals(0, Cli.run(Samples.command(Samples.gpoRefresh(), "audit", "--fail-on", "fail")).exitCode());
        assertEquals(1, Cli.run(Samples.command(Samples.gpoRefresh(), "audit", "--fail-on", "risk")).exitCode());
    }

    @Test
    void everyFormatThroughTheCli(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        for (String format : new String[] {"text", "json", "sarif", "junit", "markdown"}) {
            java.nio.file.Path out = tmp.resolve("report." + format);
            CliResult r = Cli.run(args("audit", "--format", format, "--output", out.toString()));
            assertEquals(1, r.exitCode(), format + ": " + r.stderr());
            assertTrue(r.stdout().isEmpty(), "--output writes the file, not stdout");
            String content = java.nio.file.Files.readString(out);
            assertTrue(content.contains("OrdersApi"), format);
            assertTrue(!content.contains("q0V3wTjz9Gm1Zb8u5Ck2Ep4Rr7Ty6Uh3Ln0Xs8Dd1Fw"), format + " leaks a password");
        }
        try (var files = java.nio.file.Files.list(tmp)) {
            assertEquals(5, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void defaultIisServerStartsEverything() throws Exception {
        CliResult r = Cli.run(Samples.command(Samples.defaultIis(), "audit"));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().startsWith("3 application pools: 3 will start, 0 will fail, 0 at risk, 0 unknown"), r.stdout());
    }

    @Test
    void passwordsNeverAppearInAnyOutput() throws Exception {
        for (String format : new String[] {"text", "json"}) {
            CliResult r = Cli.run(args("audit", "--format", format));
            for (String secret : new String[] {"q0V3wTjz9Gm1Zb8u5Ck2Ep4Rr7Ty6Uh3Ln0Xs8Dd1Fw", "Zm9vYmFyQmF6UXV4NzcxMzM5bm90QVJlYWxCbG9iPT0", "[enc:"}) {
                assertTrue(!r.stdout().contains(secret) && !r.stderr().contains(secret), format + " leaks " + secret);
            }
        }
    }
}
