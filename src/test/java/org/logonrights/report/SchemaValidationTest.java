package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SARIF output is valid against the official OASIS SARIF 2.1.0 schema and the JSON report against
 * docs/schema/report.schema.json, for every scenario; and both schemas do reject a broken document,
 * so a pass means something.
 */
class SchemaValidationTest {

    @ParameterizedTest
    @EnumSource(ReportScenarios.class)
    void sarifIsValidAgainstTheOasisSchema(ReportScenarios scenario) {
        JsonNode sarif = Schemas.parse(Golden.render(ReportFormat.SARIF, scenario.report()));
        Schemas.assertValid(Schemas.sarif(), sarif, "SARIF of " + scenario.fileName());
    }

    @ParameterizedTest
    @EnumSource(ReportScenarios.class)
    void jsonReportIsValidAgainstItsSchema(ReportScenarios scenario) {
        JsonNode json = Schemas.parse(Golden.render(ReportFormat.JSON, scenario.report()));
        Schemas.assertValid(Schemas.report(), json, "JSON report of " + scenario.fileName());
    }

    @Test
    void theSarifSchemaRejectsAnUnknownLevel() {
        ObjectNode sarif = (ObjectNode) Schemas.parse(Golden.render(ReportFormat.SARIF, ReportScenarios.MIXED.report()));
        ((ObjectNode) sarif.at("/runs/0/results/0")).set("level", TextNode.valueOf("fatal"));
        assertFalse(Schemas.sarif().validate(sarif).isEmpty());
    }

    @Test
    void theReportSchemaRejectsAnUndocumentedFieldAndAMissingOne() {
        ObjectNode json = (ObjectNode) Schemas.parse(Golden.render(ReportFormat.JSON, ReportScenarios.MIXED.report()));
        ((ObjectNode) json.at("/pools/0")).put("undocumented", true);
        assertFalse(Schemas.report().validate(json).isEmpty(), "additional property");

        ObjectNode missing = (ObjectNode) Schemas.parse(Golden.render(ReportFormat.JSON, ReportScenarios.MIXED.report()));
        ((ObjectNode) missing.at("/pools/0/identity")).remove("sid");
        assertFalse(Schemas.report().validate(missing).isEmpty(), "missing nullable property");
    }

    @Test
    void theReportSchemaPinsTheSchemaVersionOfTheModel() {
        assertEquals(JsonReportModel.SCHEMA_VERSION, Schemas.parse(readSchema()).at("/properties/schemaVersion/const").asInt());
    }

    private static String readSchema() {
        try {
            return java.nio.file.Files.readString(Schemas.REPORT_SCHEMA);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
