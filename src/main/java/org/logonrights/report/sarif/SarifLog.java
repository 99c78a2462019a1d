package org.logonrights.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The part of the SARIF 2.1.0 object model logonrights writes, as typed records that Jackson
 * serialises (OASIS SARIF 2.1.0, section 3). Null fields are left out; empty lists are kept, because
 * an empty {@code results} array means "analysed, found nothing" and a missing one does not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"$schema", "version", "runs"})
public record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";

    public SarifLog {
        runs = List.copyOf(runs);
    }

    /** A log of the SARIF version this model implements. */
    public static SarifLog of(List<Run> runs) {
        return new SarifLog(SCHEMA_URI, VERSION, runs);
    }

    /** One invocation of one tool (3.14). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"tool", "automationDetails", "invocations", "results", "properties"})
    public record Run(Tool tool, RunAutomationDetails automationDetails, List<Invocation> invocations, List<Result> results,
                      RunProperties properties) {
        public Run {
            invocations = invocations == null ? null : List.copyOf(invocations);
            results = List.copyOf(results);
        }

        public Run(Tool tool, List<Result> results, RunProperties properties) {
            this(tool, null, null, results, properties);
        }

        public Run(Tool tool, List<Result> results) {
            this(tool, results, null);
        }
    }

    /**
     * Which host a run of a fleet log covers (3.17): {@code logonrights/HOST/}, the category code
     * scanning keeps apart, so each host's alerts stay its own.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "description"})
    public record RunAutomationDetails(String id, Message description) {
    }

    /** How the run went (3.20): written only for a host that could not be read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"executionSuccessful", "exitCode", "toolExecutionNotifications"})
    public record Invocation(boolean executionSuccessful, Integer exitCode, List<Notification> toolExecutionNotifications) {
    }

    /** Why a host could not be read (3.58). */
    @JsonPropertyOrder({"level", "message"})
    public record Notification(Level level, Message message) {
    }

    /** The run's property bag (3.8): with --events, each pool's agreement with the logged events. */
    public record RunProperties(List<PoolAgreement> agreements) {
    }

    @JsonPropertyOrder({"pool", "verdict", "agreement", "message"})
    public record PoolAgreement(String pool, String verdict, String agreement, String message) {
    }

    /** 3.18. */
    public record Tool(ToolComponent driver) {
    }

    /** The analysis tool and the rules it knows (3.19). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "version", "informationUri", "rules"})
    public record ToolComponent(String name, String version, String informationUri, List<ReportingDescriptor> rules) {
        public ToolComponent {
            rules = List.copyOf(rules);
        }
    }

    /** A rule's metadata, written once per run and referenced by index from results (3.49). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "helpUri", "defaultConfiguration"})
    public record ReportingDescriptor(String id, String name, MultiformatMessageString shortDescription,
                                      MultiformatMessageString fullDescription, String helpUri,
                                      ReportingConfiguration defaultConfiguration) {
    }

    /** 3.12. */
    public record MultiformatMessageString(String text) {
    }

    /** 3.50. */
    public record ReportingConfiguration(Level level) {
    }

    /** One finding (3.27). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    public record Result(String ruleId, int ruleIndex, Level level, Message message, List<Location> locations,
                         PartialFingerprints partialFingerprints, ResultProperties properties) {
        public Result {
            locations = locations == null ? null : List.copyOf(locations);
        }
    }

    /**
     * Identifies a result across runs so that dashboards deduplicate it (3.27.17). A record, not a
     * map, so the keys are fixed and their order is stable.
     */
    public record PartialFingerprints(@JsonProperty(FINDING_HASH_V1) String findingHash) {
        public static final String FINDING_HASH_V1 = "findingHash/v1";
    }

    /** 3.11. */
    public record Message(String text) {
    }

    /** Where a result was found: an input file and line, a pool, or both (3.28). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"physicalLocation", "logicalLocations"})
    public record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
        public Location {
            logicalLocations = logicalLocations == null ? null : List.copyOf(logicalLocations);
        }
    }

    /** 3.29. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"artifactLocation", "region"})
    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    /** 3.4. */
    public record ArtifactLocation(String uri) {
    }

    /** 3.30; lines are 1-based. */
    public record Region(int startLine) {
    }

    /** A named construct that is not a file: for logonrights, an application pool (3.33). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "fullyQualifiedName", "kind"})
    public record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }

    /** The result's property bag (3.8): the pool's verdict, so dashboards can group by it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"pool", "verdict", "confidence", "agreement"})
    public record ResultProperties(String pool, String verdict, String confidence, String agreement) {
    }

    /** 3.27.10, written in lower case. */
    public enum Level {
        @JsonProperty("none") NONE,
        @JsonProperty("note") NOTE,
        @JsonProperty("warning") WARNING,
        @JsonProperty("error") ERROR
    }
}
