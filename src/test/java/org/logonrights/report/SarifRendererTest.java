package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.logonrights.testing.GithubCodeScanning;

/** What the SARIF log says beyond schema validity: rules, indexes, levels, locations, fingerprints. */
class SarifRendererTest {

    private static JsonNode sarif(AuditReport report) {
        return Schemas.parse(Golden.render(ReportFormat.SARIF, report));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @ParameterizedTest
    @EnumSource(ReportScenarios.class)
    void describesEveryUsedRuleOnceInIdOrderAndResultsPointAtIt(ReportScenarios scenario) {
        AuditReport report = scenario.report();
        JsonNode run = sarif(report).at("/runs/0");
        List<String> ruleIds = list(run.at("/tool/driver/rules")).stream().map(r -> r.get("id").asText()).toList();

        List<Finding> findings = new ArrayList<>();
        report.result().pools().forEach(p -> findings.addAll(p.findings()));
        findings.addAll(report.result().machineFindings());
        assertEquals(findings.stream().map(Finding::ruleId).distinct().sorted().toList(), ruleIds);

        List<JsonNode> results = list(run.get("results"));
        assertEquals(findings.size(), results.size(), "one result per finding");
        for (JsonNode result : results) {
            assertEquals(result.get("ruleId").asText(), ruleIds.get(result.get("ruleIndex").asInt()));
        }
    }

    @Test
    void ruleDescriptorsCarryTheRuleMetadata() {
        JsonNode rule = list(sarif(ReportScenarios.ONE_FAILS.report()).at("/runs/0/tool/driver/rules")).get(0);
        var lr001 = Rules.byId("LR001").orElseThrow().metadata();
        assertEquals("LR001", rule.get("id").asText());
        assertEquals(lr001.name(), rule.get("name").asText());
        assertEquals(lr001.title(), rule.at("/shortDescription/text").asText());
        assertEquals(lr001.description(), rule.at("/fullDescription/text").asText());
        assertEquals("https://github.com/logonrights/logonrights/blob/main/docs/rules/LR001.md", rule.get("helpUri").asText());
        assertEquals("error", rule.at("/defaultConfiguration/level").asText());
    }

    @Test
    void poolResultsNameThePoolAndAccountAndCarryTheVerdict() {
        JsonNode result = list(sarif(ReportScenarios.ONE_FAILS.report()).at("/runs/0/results")).get(0);
        assertEquals("LR001", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        String text = result.at("/message/text").asText();
        assertTrue(text.startsWith("Pool 'Reports' (CONTOSO\\svc-reports): "), text);
        assertEquals("Reports", result.at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("SRV-WEB01/Reports", result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("module", result.at("/locations/0/logicalLocations/0/kind").asText());
        assertEquals("secedit.inf", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("WILL_FAIL", result.at("/properties/verdict").asText());
        assertEquals("DOCUMENTED", result.at("/properties/confidence").asText());
        assertEquals("Reports", result.at("/properties/pool").asText());
        assertEquals(64, result.at("/partialFingerprints/findingHash~1v1").asText().length());
    }

    @Test
    void errorsMarkExactlyTheDecisiveFindingsOfPoolsThatFailTheRun() {
        AuditReport report = ReportScenarios.MIXED.report();
        Map<String, String> levelByRule = new HashMap<>();
        for (JsonNode result : sarif(report).at("/runs/0/results")) {
            levelByRule.put(result.get("ruleId").asText(), result.get("level").asText());
            if (result.get("level").asText().equals("error")) {
                assertTrue(List.of("WILL_FAIL", "AT_RISK").contains(result.at("/properties/verdict").asText()), result.toString());
            }
        }
        assertEquals("error", levelByRule.get("LR002"), "decides WILL_FAIL");
        assertEquals("error", levelByRule.get("LR004"), "decides AT_RISK, which fails the run under --fail-on risk");
        assertEquals("note", levelByRule.get("LR005"), "decides UNKNOWN, which exits 4, not 1");
        assertEquals("warning", levelByRule.get("LR011"));
        assertEquals("note", levelByRule.get("LR015"));
    }

    @Test
    void theThresholdDecidesWhichFindingsAreErrors() {
        AuditReport report = ReportScenarios.MIXED.report();
        Map<String, String> underFail = levels(report, EnumSet.of(Verdict.WILL_FAIL));
        assertEquals("error", underFail.get("LR002"));
        assertEquals("warning", underFail.get("LR004"), "AT_RISK does not fail the run under --fail-on fail");
        Map<String, String> underUnknown = levels(report, EnumSet.of(Verdict.WILL_FAIL, Verdict.AT_RISK, Verdict.UNKNOWN));
        assertEquals("error", underUnknown.get("LR005"), "UNKNOWN fails the run under --fail-on unknown");
        Map<String, String> underNever = levels(report, EnumSet.noneOf(Verdict.class));
        assertFalse(underNever.containsValue("error"), underNever.toString());
        assertEquals("warning", underNever.get("LR002"), "an ERROR finding that fails nothing is a warning");
    }

    private static Map<String, String> levels(AuditReport report, java.util.Set<Verdict> failing) {
        Map<String, String> levelByRule = new HashMap<>();
        JsonNode log = Schemas.parse(render(new SarifRenderer(RenderOptions.PLAIN.failingOn(failing)), report));
        log.at("/runs/0/results").forEach(r -> levelByRule.put(r.get("ruleId").asText(), r.get("level").asText()));
        return levelByRule;
    }

    @Test
    void anErrorOnAPoolThatDoesNotFailTheRunIsWrittenAsAWarning() {
        Finding error = new Finding("LR001", "logon-right-not-granted", Severity.ERROR, "Reports", "CONTOSO\\svc", "m", null, null);
        PoolResult atRisk = ReportScenarios.MIXED.report().result().pools().stream()
                .filter(p -> p.verdict() == Verdict.AT_RISK).findFirst().orElseThrow();
        RenderOptions failOnFail = RenderOptions.PLAIN.failingOn(EnumSet.of(Verdict.WILL_FAIL));
        assertEquals("warning", SarifLogBuilder.level(error, atRisk, failOnFail).name().toLowerCase(java.util.Locale.ROOT));
        assertEquals("warning", SarifLogBuilder.level(error, null, RenderOptions.PLAIN).name().toLowerCase(java.util.Locale.ROOT),
                "machine findings never change the exit code");
    }

    @Test
    void machineResultsHaveAFileButNoPool() {
        JsonNode machine = list(sarif(ReportScenarios.MIXED.report()).at("/runs/0/results")).stream()
                .filter(r -> r.get("ruleId").asText().equals("LR017")).findFirst().orElseThrow();
        assertEquals("exports/secedit.inf", machine.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(machine.at("/locations/0/logicalLocations").isMissingNode());
        assertTrue(machine.at("/properties").isMissingNode());
    }

    @Test
    void anUnnamedMachineIsLocalhost() {
        AuditResult r = ReportScenarios.ONE_FAILS.report().result();
        AuditReport unnamed = new AuditReport(new AuditResult(MachineInfo.UNKNOWN, r.pools(), r.machineFindings(), r.notes()),
                List.of(), "1");
        assertEquals("localhost/Reports",
                sarif(unnamed).at("/runs/0/results/0/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    }

    @Test
    void fingerprintsDependOnRulePoolAndMessageOnly() {
        Finding f = new Finding("LR001", "n", Severity.ERROR, "Reports", "a", "message", "fix",
                Provenance.at(SourceKind.SECEDIT_EXPORT, "secedit.inf", 3));
        Finding moved = new Finding("LR001", "n", Severity.ERROR, "Reports", "a", "message", "other fix",
                Provenance.at(SourceKind.SECEDIT_EXPORT, "other.inf", 9));
        assertEquals(SarifLogBuilder.fingerprint(f), SarifLogBuilder.fingerprint(moved));
        Finding otherPool = new Finding("LR001", "n", Severity.ERROR, "Api", "a", "message", "fix", null);
        assertFalse(SarifLogBuilder.fingerprint(f).equals(SarifLogBuilder.fingerprint(otherPool)));
    }

    @Test
    void aRuleUnknownToTheCatalogueIsDescribedByItsFinding() {
        AuditReport report = ReportScenarios.ONE_FAILS.report();
        JsonNode rule = Schemas.parse(render(new SarifRenderer(id -> Optional.empty()), report)).at("/runs/0/tool/driver/rules/0");
        assertEquals("LR001", rule.get("id").asText());
        assertEquals("logon-right-not-granted", rule.get("name").asText());
        assertTrue(rule.at("/helpUri").isMissingNode());
    }

    @ParameterizedTest
    @EnumSource(ReportScenarios.class)
    void everyScenarioMeetsGithubsUploadRequirements(ReportScenarios scenario) {
        assertEquals(List.of(), GithubCodeScanning.violations(sarif(scenario.report())));
    }

    @Test
    void theGithubCheckRejectsAResultWithoutArtifactLocationOrWithLineZero() {
        com.fasterxml.jackson.databind.node.ObjectNode log = (com.fasterxml.jackson.databind.node.ObjectNode)
                sarif(ReportScenarios.MIXED.report());
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0/locations/0")).remove("physicalLocation");
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/1/locations/0/physicalLocation/region"))
                .put("startLine", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/2")).put("ruleId", "LR999");
        List<String> violations = GithubCodeScanning.violations(log);
        assertEquals(4, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("results[0]") && violations.get(0).contains("artifactLocation"), violations.toString());
        assertTrue(violations.get(1).contains("startLine"), violations.toString());
        assertTrue(violations.get(2).contains("LR999") && violations.get(3).contains("ruleIndex"), violations.toString());
    }

    @Test
    void liveEvidenceIsNamedByMachineAndStoreAndComputedFactsHaveNoArtifactOfTheirOwn() {
        assertEquals(Optional.of("lsa://WEB01/"), ArtifactUris.of(Provenance.of(SourceKind.LSA, "\\\\WEB01"), "web01"));
        assertEquals(Optional.of("lsa://SRV-WEB01/SeBatchLogonRight"),
                ArtifactUris.of(new Provenance(SourceKind.LSA, "SRV-WEB01", 0, "SeBatchLogonRight"), "x"));
        assertEquals(Optional.of("lsa://WG-WEB-01/"), ArtifactUris.of(Provenance.of(SourceKind.LSA, "local LSA policy"), "WG-WEB-01"));
        assertEquals(Optional.of("rsop://WG-WEB-01/SeServiceLogonRight"), ArtifactUris.of(new Provenance(SourceKind.RSOP,
                "root\\rsop\\computer", 0, "RSOP_UserPrivilegeRight[SeServiceLogonRight]"), "WG-WEB-01"));
        assertEquals(Optional.of("groups://WG-WEB-01/WOODGROVE%5Csvc-orders"), ArtifactUris.of(new Provenance(
                SourceKind.ACCOUNT_LOOKUP, "Authz S4U", 0, "WOODGROVE\\svc-orders"), "WG-WEB-01"));
        assertEquals(Optional.of("lsa://localhost/"), ArtifactUris.of(Provenance.of(SourceKind.LSA, null), ""));
        assertTrue(ArtifactUris.of(Provenance.computed("token model"), "WEB01").isEmpty());
        assertTrue(ArtifactUris.of(null, "WEB01").isEmpty());
        assertEquals(Optional.of("gpresult.xml"), ArtifactUris.of(Provenance.at(SourceKind.GPRESULT, "gpresult.xml", 4), "WEB01"));
        assertTrue(ArtifactUris.hasLine(Provenance.at(SourceKind.GPRESULT, "gpresult.xml", 4)));
        assertFalse(ArtifactUris.hasLine(new Provenance(SourceKind.LSA, "WEB01", 4, null)), "a live store has no lines");
    }

    @Test
    void aComputedFindingPointsAtTheFirstInput() {
        AuditReport report = ReportScenarios.ONE_FAILS.report();
        AuditResult r = report.result();
        List<PoolResult> pools = r.pools().stream().map(p -> new PoolResult(p.name(), p.identity(), p.logon(),
                p.requiredRight(), p.verdict(), p.confidence(), p.decidedBy(), p.reasons(), p.findings().stream()
                .map(f -> new Finding(f.ruleId(), f.ruleName(), f.severity(), f.pool(), f.account(), f.message(),
                        f.remediation(), Provenance.computed("token model"))).toList(), p.applications())).toList();
        AuditReport computed = new AuditReport(new AuditResult(r.machine(), pools, r.machineFindings(), r.notes()),
                report.inputs(), report.toolVersion());
        JsonNode location = sarif(computed).at("/runs/0/results/0/locations/0/physicalLocation");
        assertEquals("secedit.inf", location.at("/artifactLocation/uri").asText());
        assertTrue(location.at("/region").isMissingNode(), "no line of the input is the evidence");
        assertEquals(List.of(), GithubCodeScanning.violations(sarif(computed)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "secedit.inf|secedit.inf",
        "exports\\secedit.inf|exports/secedit.inf",
        "C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config|file:///C:/Windows/System32/inetsrv/config/applicationHost.config",
        "C:\\audit files\\secedit.inf|file:///C:/audit%20files/secedit.inf",
        "\\\\fileserver\\audit\\gpresult.xml|file://fileserver/audit/gpresult.xml",
        "/var/audit/secedit.inf|file:///var/audit/secedit.inf",
        "rapports\\sécurité.inf|rapports/s%C3%A9curit%C3%A9.inf",
        "odd:name#1.inf|odd%3Aname%231.inf",
        "file:///C:/already/a/uri.inf|file:///C:/already/a/uri.inf"
    })
    void filesBecomeUriReferences(String file, String uri) {
        assertEquals(uri, ArtifactUris.toUri(file));
    }

    @Test
    void messagesAlreadyNamingPoolAndAccountAreNotPrefixed() {
        Finding named = new Finding("LR011", "n", Severity.WARNING, "Intranet", "NT AUTHORITY\\SYSTEM",
                "Pool 'Intranet' runs as LocalSystem (NT AUTHORITY\\SYSTEM).", null, null);
        assertEquals(named.message(), SarifLogBuilder.messageText(named));
        Finding noAccount = new Finding("LR012", "n", Severity.WARNING, "Broken", null, "No user name.", null, null);
        assertEquals("Pool 'Broken': No user name.", SarifLogBuilder.messageText(noAccount));
    }

    private static String render(Renderer renderer, AuditReport report) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            renderer.render(report, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
