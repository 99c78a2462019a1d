package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** Issue 3 through the CLI: GPO ownership in every report, refresh drift, and hostile gpresult files. */
class GroupPolicyEvidenceTest {

    private static final String DIR = Samples.GPO_REFRESH;
    private static final String GPO = "WOODGROVE Web Tier - User Rights";

    private static Map<String, JsonNode> pools(CliResult r) throws Exception {
        Map<String, JsonNode> pools = new HashMap<>();
        new ObjectMapper().readTree(r.stdout()).get("pools").forEach(p -> pools.put(p.get("name").asText(), p));
        return pools;
    }

    @Test
    void localGrantTheGpoDoesNotListIsAtRiskAndNamesTheGpo() throws Exception {
        CliResult r = Cli.run(Samples.command(Samples.gpoRefresh(), "audit", "--format", "json"));
        assertEquals(1, r.exitCode(), r.stderr());
        Map<String, JsonNode> pools = pools(r);
        JsonNode orders = pools.get("OrdersApi");
        assertEquals("AT_RISK", orders.get("verdict").asText());
        assertEquals("LR008", orders.get("findings").get(0).get("ruleId").asText());
        assertTrue(orders.get("findings").get(0).get("message").asText().contains(GPO));
        assertTrue(orders.get("findings").get(0).get("remediation").asText().contains("{B8E2D4A6-1C3F-4F70-9E5D-2A6C8B0E4D13}"));
        boolean reasonNamesGpo = false;
        for (JsonNode reason : orders.get("reasons")) {
            reasonNamesGpo |= reason.get("step").asText().equals("GROUP_POLICY") && reason.get("message").asText().contains(GPO);
        }
        assertTrue(reasonNamesGpo, orders.toString());
        assertEquals("AT_RISK", pools.get("DefaultAppPool").get("verdict").asText());
        assertEquals("LR007", pools.get("DefaultAppPool").get("findings").get(0).get("ruleId").asText());
        assertEquals("WILL_START", pools.get("Payroll").get("verdict").asText());
        assertEquals("WILL_START", pools.get("LegacyReports").get("verdict").asText());
    }

    @Test
    void withoutGroupPolicyDataTheSameInputsFallBackToTodaysVerdicts() throws Exception {
        CliResult r = Cli.run("audit", "--secedit", DIR + "secedit.inf", "--applicationhost",
                DIR + "applicationHost.config", "--memberships", DIR + "memberships.json", "--format", "json");
        assertEquals(0, r.exitCode(), r.stdout());
        assertFalse(r.stdout().contains(GPO), "no GPO claims without GPO data");
        pools(r).values().forEach(p -> assertEquals("WILL_START", p.get("verdict").asText(), p.get("name").asText()));
    }

    @Test
    void textReportNamesTheGpoThatOwnsTheRight() throws Exception {
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "explain", "Payroll"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("SeBatchLogonRight is defined by GPO 'WOODGROVE Web Tier - User Rights'"), r.stdout());
        assertTrue(r.stdout().contains("WOODGROVE Member Server Baseline"), "the losing precedence-2 GPO is named");
    }

    @Test
    void rightsCommandMarksDrift() throws Exception {
        CliResult r = Cli.run(Samples.command(Samples.gpoRefresh(), "rights", "--right", "SeBatchLogonRight", "--right",
                "SeDenyServiceLogonRight", "--format", "json"));
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode rights = new ObjectMapper().readTree(r.stdout()).get("rights");
        assertEquals(2, rights.size());
        JsonNode batch = rights.get(0);
        assertEquals("SeBatchLogonRight", batch.get("right").asText());
        assertEquals(GPO, batch.get("definedBy").get("name").asText());
        Map<String, String> drift = new HashMap<>();
        batch.get("holders").forEach(h -> drift.put(h.get("sid").asText(), h.get("origin").asText() + "/" + h.get("drift").asText()));
        assertEquals("LOCAL/REMOVED_AT_NEXT_REFRESH", drift.get("S-1-5-21-1870432911-2944718543-2413046519-1318"));
        assertEquals("GPO/NONE", drift.get("S-1-5-21-1870432911-2944718543-2413046519-1201"));
        JsonNode guests = rights.get(1).get("holders").get(0);
        assertEquals("S-1-5-32-546", guests.get("sid").asText());
        assertEquals("ADDED_AT_NEXT_REFRESH", guests.get("drift").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile-external-entity.xml", "hostile-billion-laughs.xml", "wrong-root-unqualified-rsop.xml",
            "truncated-rsop.xml"})
    void hostileOrMalformedGpresultIsOneLineAndExitTwo(String fixture) throws Exception {
        String file = "src/test/resources/fixtures/gpresult/" + fixture;
        CliResult r = Cli.run(Samples.command(Samples.defaultIis(), "audit", "--gpresult", file));
        assertEquals(2, r.exitCode(), r.stdout());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("logonrights: " + file + ": "), r.stderr());
        assertFalse(r.stderr().contains("root:") || r.stderr().contains("\tat "), r.stderr());
        assertTrue(r.stdout().isEmpty());
    }
}
