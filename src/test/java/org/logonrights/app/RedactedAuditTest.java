package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.report.AuditReport;
import org.logonrights.report.PseudonymTable;
import org.logonrights.sources.InputFiles;

/**
 * A redacted audit is the plain audit under other names (issue 16): computed on the real snapshot,
 * then redacted, so every pool keeps its verdict, confidence, deciding rule and findings, and the
 * machine its findings; the pools are matched through the run's pseudonym table.
 */
class RedactedAuditTest {

    static Stream<InputSelection> inputs() {
        return Stream.concat(SampleInputs.all().stream(), SampleInputs.examples().stream());
    }

    private static LogonRightsService service(InputSelection in, List<PseudonymTable> tables) {
        return new LogonRightsService(request -> () -> SnapshotLoader.offline(in, InputFiles.DEFAULT))
                .withPseudonymTable(tables::add);
    }

    private static SnapshotRequest request(InputSelection in, boolean redact) {
        return new SnapshotRequest(in, null, InputFiles.DEFAULT.maxBytes(), redact);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyPoolKeepsItsDecisionsUnderItsPseudonym(InputSelection in) throws Exception {
        List<PseudonymTable> tables = new ArrayList<>();
        AuditReport plain = service(in, tables).audit(request(in, false), List.of());
        assertTrue(tables.isEmpty(), "no table without --redact");
        AuditReport redacted = service(in, tables).audit(request(in, true), List.of());
        assertEquals(1, tables.size());
        Map<String, String> pools = new LinkedHashMap<>();
        tables.get(0).entries().stream().filter(e -> e.kind().equals("pool")).forEach(e -> pools.put(e.original(), e.pseudonym()));

        assertEquals(plain.result().pools().size(), redacted.result().pools().size());
        for (PoolResult before : plain.result().pools()) {
            String alias = pools.get(before.name());
            assertNotEquals(null, alias, before.name() + " has a pseudonym");
            PoolResult after = redacted.result().pools().stream().filter(p -> p.name().equals(alias)).findFirst().orElseThrow();
            assertEquals(decisions(before), decisions(after), before.name() + " redacted as " + alias);
        }
        assertEquals(plain.result().machineFindings().stream().map(Finding::ruleId).sorted().toList(),
                redacted.result().machineFindings().stream().map(Finding::ruleId).sorted().toList());
        assertEquals(plain.result().notes().stream().map(n -> n.code()).toList(),
                redacted.result().notes().stream().map(n -> n.code()).toList());
    }

    @Test
    void aNonAsciiPoolKeepsLr014AndItsUncertainConfidence() throws Exception {
        InputSelection lr014 = SampleInputs.examples().stream()
                .filter(in -> in.secedit().toString().contains("lr014")).findFirst().orElseThrow();
        PoolResult pool = service(lr014, new ArrayList<>()).audit(request(lr014, true), List.of()).result().pools().get(0);
        assertTrue(pool.findings().stream().anyMatch(f -> f.ruleId().equals("LR014")), pool.findings().toString());
        assertEquals(Confidence.UNCERTAIN, pool.confidence());
        assertTrue(pool.name().startsWith("pool-"), pool.name());
    }

    private static List<Object> decisions(PoolResult p) {
        return List.of(p.verdict(), p.confidence(), String.valueOf(p.decidedBy()), p.logon(), String.valueOf(p.requiredRight()),
                p.findings().stream().map(Finding::ruleId).toList(), p.findings().stream().map(Finding::severity).toList(),
                p.reasons().stream().map(r -> r.step()).toList(), p.applications().size());
    }
}
