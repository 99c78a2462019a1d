package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The two JSON schemas reports are validated against, loaded once: the official SARIF 2.1.0 schema
 * (draft-04, vendored in src/test/resources/schema) and the JSON report's own schema (draft 2020-12,
 * docs/schema). Formats ({@code uri}, {@code date-time}) are asserted, not just annotated.
 */
final class Schemas {

    static final Path REPORT_SCHEMA = Path.of("docs", "schema", "report.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static JsonSchema sarif;
    private static JsonSchema report;

    private Schemas() {
    }

    static synchronized JsonSchema sarif() {
        if (sarif == null) {
            try (InputStream in = Schemas.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
                sarif = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sarif;
    }

    static synchronized JsonSchema report() {
        if (report == null) {
            try (InputStream in = Files.newInputStream(REPORT_SCHEMA)) {
                report = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }

    static final Path SNAPSHOT_SCHEMA = Path.of("docs", "schema", "snapshot.schema.json");
    private static JsonSchema snapshot;

    static synchronized JsonSchema snapshot() {
        if (snapshot == null) {
            try (InputStream in = Files.newInputStream(SNAPSHOT_SCHEMA)) {
                snapshot = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return snapshot;
    }

    static final Path FLEET_SCHEMA = Path.of("docs", "schema", "fleet.schema.json");
    /** Where the schemas' $id point; mapped to docs/schema so that a $ref between them is read from the tree, never fetched. */
    private static final String PUBLISHED = "https://raw.githubusercontent.com/logonrights/logonrights/main/docs/schema/";
    private static JsonSchema fleet;

    /** The fleet report's schema, whose hosts' reports are checked against report.schema.json. */
    static synchronized JsonSchema fleet() {
        if (fleet == null) {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                    .schemaMappers(m -> m.mapPrefix(PUBLISHED, Path.of("docs", "schema").toUri().toString())));
            try (InputStream in = Files.newInputStream(FLEET_SCHEMA)) {
                fleet = factory.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fleet;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(JsonSchema schema, JsonNode document, String what) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertTrue(errors.isEmpty(), () -> what + " violates its schema: " + errors);
    }
}
