package org.logonrights.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What GitHub code scanning requires of an uploaded SARIF file beyond the 2.1.0 schema ("SARIF
 * support for code scanning", docs.github.com): the upload of the whole file is refused when one
 * result breaks these, so a schema-valid log is not enough. Returns the violations, each naming the
 * result it is about; an empty list means the upload is accepted.
 */
public final class GithubCodeScanning {

    /** GitHub's documented limits per run and per result. */
    static final int MAX_RESULTS = 25_000;
    static final int MAX_RULES = 25_000;
    static final int MAX_LOCATIONS = 10;

    private GithubCodeScanning() {
    }

    public static List<String> violations(JsonNode sarif) {
        List<String> v = new ArrayList<>();
        if (!"2.1.0".equals(sarif.path("version").asText())) {
            v.add("version is not 2.1.0");
        }
        JsonNode runs = sarif.path("runs");
        if (!runs.isArray() || runs.isEmpty()) {
            v.add("no runs");
        }
        for (int r = 0; r < runs.size(); r++) {
            run(runs.get(r), "runs[" + r + "]", v);
        }
        return v;
    }

    private static void run(JsonNode run, String at, List<String> v) {
        JsonNode driver = run.path("tool").path("driver");
        if (driver.path("name").asText("").isBlank()) {
            v.add(at + ": tool.driver.name is missing");
        }
        JsonNode rules = driver.path("rules");
        List<String> ruleIds = new ArrayList<>();
        rules.forEach(rule -> ruleIds.add(rule.path("id").asText("")));
        if (ruleIds.size() > MAX_RULES) {
            v.add(at + ": more than " + MAX_RULES + " rules");
        }
        if (new HashSet<>(ruleIds).size() != ruleIds.size()) {
            v.add(at + ": a rule id is described twice");
        }
        JsonNode results = run.path("results");
        if (!results.isArray()) {
            v.add(at + ": results is missing");
            return;
        }
        if (results.size() > MAX_RESULTS) {
            v.add(at + ": more than " + MAX_RESULTS + " results");
        }
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            result(results.get(i), at + ".results[" + i + "]", ruleIds, fingerprints, v);
        }
    }

    private static void result(JsonNode result, String at, List<String> ruleIds, Set<String> fingerprints, List<String> v) {
        String ruleId = result.path("ruleId").asText("");
        if (!ruleIds.contains(ruleId)) {
            v.add(at + ": ruleId '" + ruleId + "' is not in tool.driver.rules");
        }
        if (result.has("ruleIndex") && (result.get("ruleIndex").asInt(-1) < 0 || result.get("ruleIndex").asInt() >= ruleIds.size()
                || !ruleIds.get(result.get("ruleIndex").asInt()).equals(ruleId))) {
            v.add(at + ": ruleIndex does not point at rule '" + ruleId + "'");
        }
        if (result.path("message").path("text").asText("").isBlank()) {
            v.add(at + ": message.text is missing");
        }
        JsonNode locations = result.path("locations");
        if (!locations.isArray() || locations.isEmpty()) {
            v.add(at + ": no locations (expected artifact location)");
        } else if (locations.size() > MAX_LOCATIONS) {
            v.add(at + ": more than " + MAX_LOCATIONS + " locations");
        }
        for (int l = 0; l < locations.size(); l++) {
            JsonNode physical = locations.get(l).path("physicalLocation");
            if (physical.path("artifactLocation").path("uri").asText("").isBlank()) {
                v.add(at + ".locations[" + l + "]: physicalLocation.artifactLocation.uri is missing (expected artifact location)");
            }
            JsonNode region = physical.path("region");
            if (!region.isMissingNode() && region.has("startLine") && region.get("startLine").asInt(0) < 1) {
                v.add(at + ".locations[" + l + "]: region.startLine is below 1");
            }
        }
        JsonNode partial = result.path("partialFingerprints");
        if (!partial.isObject() || partial.isEmpty()) {
            v.add(at + ": partialFingerprints is missing, so alerts would be matched by line and duplicate");
        } else if (!fingerprints.add(ruleId + "|" + partial)) {
            v.add(at + ": partialFingerprints repeat an earlier result of the same rule, so GitHub would merge them");
        }
    }
}
