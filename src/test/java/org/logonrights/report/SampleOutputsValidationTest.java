package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.app.AuditService;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SampleInputs;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.snapshot.SnapshotWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every bundled sample's SARIF, JSON report and snapshot validate against their schemas; JUnit matches the verdicts. */
class SampleOutputsValidationTest {

    static Stream<InputSelection> samples() {
        return SampleInputs.all().stream();
    }

    private static String render(ReportFormat format, AuditReport report) throws Exception {
        StringWriter w = new StringWriter();
        format.renderer(RenderOptions.PLAIN).render(report, w);
        return w.toString();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sarifJsonAndSnapshotValidate(InputSelection in) throws Exception {
        Snapshot snapshot = SnapshotLoader.offline(in, InputFiles.DEFAULT);
        AuditReport report = AuditService.audit(snapshot, List.of());
        Schemas.assertValid(Schemas.sarif(), Schemas.parse(render(ReportFormat.SARIF, report)), "SARIF of " + in.secedit());
        Schemas.assertValid(Schemas.report(), Schemas.parse(render(ReportFormat.JSON, report)), "JSON of " + in.secedit());
        StringWriter snap = new StringWriter();
        SnapshotWriter.write(snapshot, "test", snap);
        Schemas.assertValid(Schemas.snapshot(), Schemas.parse(snap.toString()), "snapshot of " + in.secedit());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void junitHasOneTestcasePerPoolWithFailuresAndSkipsMatchingVerdicts(InputSelection in) throws Exception {
        AuditReport report = AuditService.audit(SnapshotLoader.offline(in, InputFiles.DEFAULT), List.of());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(
                render(ReportFormat.JUNIT, report))));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(report.result().pools().size(), cases.getLength());
        for (int i = 0; i < cases.getLength(); i++) {
            Element tc = (Element) cases.item(i);
            PoolResult pool = report.result().pools().stream().filter(p -> p.name().equals(tc.getAttribute("name")))
                    .findFirst().orElseThrow();
            boolean failure = tc.getElementsByTagName("failure").getLength() == 1;
            boolean skipped = tc.getElementsByTagName("skipped").getLength() == 1;
            assertEquals(pool.verdict() == Verdict.WILL_FAIL || pool.verdict() == Verdict.AT_RISK, failure, pool.name());
            assertEquals(pool.verdict() == Verdict.UNKNOWN, skipped, pool.name());
        }
    }

    @Test
    void bothSchemasKnowEverySourceKind() throws Exception {
        for (String schema : List.of("docs/schema/report.schema.json", "docs/schema/snapshot.schema.json")) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(schema));
            for (org.logonrights.model.SourceKind k : org.logonrights.model.SourceKind.values()) {
                org.junit.jupiter.api.Assertions.assertTrue(text.contains("\"" + k.name() + "\""), schema + " lacks " + k);
            }
        }
    }

    @Test
    void theSnapshotSchemaRejectsAPassword() throws Exception {
        StringWriter snap = new StringWriter();
        SnapshotWriter.write(SnapshotLoader.offline(SampleInputs.all().get(0), InputFiles.DEFAULT), "test", snap);
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Schemas.parse(snap.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/iis/pools/3/password")).put("value", "secret");
        assertFalse(Schemas.snapshot().validate(doc).isEmpty());
    }
}
