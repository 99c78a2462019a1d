package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.GithubCodeScanning;
import org.logonrights.testing.Samples;

/**
 * SARIF from every source is accepted by GitHub code scanning: the samples' file audits, and a
 * snapshot shaped like a live read (rights from LSA, Group Policy from RSoP, groups looked up on the
 * machine, applicationHost.config over the admin share), audited twice through the command line.
 */
class SarifCodeScanningTest {

    @Test
    void everySampleMeetsGithubsRequirements() {
        for (List<String> sample : List.of(Samples.serverFault(), Samples.gpoRefresh(), Samples.defaultIis())) {
            JsonNode sarif = audit(Samples.command(sample, "audit", "--format", "sarif"));
            assertEquals(List.of(), GithubCodeScanning.violations(sarif), sample.toString());
        }
    }

    @Test
    void liveShapedSnapshotsMeetGithubsRequirementsWithStableFingerprints(@TempDir Path dir) throws Exception {
        liveShapedSnapshotMeetsGithubsRequirements(dir, Samples.serverFault(), 1);
        liveShapedSnapshotMeetsGithubsRequirements(dir, Samples.gpoRefresh(), 3);
    }

    private static void liveShapedSnapshotMeetsGithubsRequirements(Path dir, List<String> sample, int findings)
            throws Exception {
        Path collected = dir.resolve("collected.json");
        CliResult collect = Cli.run(Samples.command(sample, "collect", "--output", collected.toString()));
        assertEquals(0, collect.exitCode(), collect.stderr());
        Path live = dir.resolve("web01-live.json");
        JsonNode snapshot = Schemas.JSON.readTree(collected.toFile());
        liveShaped(snapshot);
        Schemas.JSON.writeValue(live.toFile(), snapshot);

        List<String> args = List.of("audit", "--snapshot", live.toString(), "--format", "sarif");
        JsonNode first = audit(args);
        JsonNode second = audit(args);
        Schemas.assertValid(Schemas.sarif(), first, "SARIF of a live-shaped snapshot");
        assertEquals(List.of(), GithubCodeScanning.violations(first));
        assertEquals(fingerprints(first), fingerprints(second), "fingerprints are stable across runs");
        assertTrue(fingerprints(first).size() >= findings, fingerprints(first).toString());

        List<String> uris = new ArrayList<>();
        first.at("/runs/0/results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("lsa://WEB01/"), "LSA evidence names the machine and store: " + uris);
        first.at("/runs/0/results").forEach(r -> assertTrue(
                r.at("/locations/0/physicalLocation/region").isMissingNode()
                        || !r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("lsa:"),
                "a live store has no lines: " + r));
    }

    /** Rewrites a collected snapshot's provenance as a remote read of WEB01 records it. */
    private static void liveShaped(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("kind") && o.has("file")) {
            switch (o.get("kind").asText()) {
                case "SECEDIT_EXPORT" -> {
                    o.put("kind", "LSA").put("file", "\\\\WEB01").putNull("line").putNull("element");
                }
                case "GPRESULT", "GPO_TEMPLATE" -> {
                    o.put("kind", "RSOP").put("file", "root\\rsop\\computer").putNull("line");
                }
                case "MEMBERSHIPS" -> {
                    o.put("kind", "ACCOUNT_LOOKUP").put("file", "Authz S4U").putNull("line");
                }
                case "APPLICATION_HOST" -> {
                    o.put("file", "\\\\WEB01\\C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config");
                }
                default -> {
                }
            }
        }
        node.forEach(SarifCodeScanningTest::liveShaped);
    }

    private static JsonNode audit(List<String> args) {
        CliResult r = Cli.run(args);
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1 || r.exitCode() == 4, r.exitCode() + " " + r.stderr());
        return Schemas.parse(r.stdout());
    }

    private static List<String> fingerprints(JsonNode sarif) {
        List<String> list = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(r -> list.add(r.at("/partialFingerprints").toString()));
        return list;
    }
}
