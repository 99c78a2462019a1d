package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The contract between the engine and the rules it is given: it evaluates exactly those rules,
 * refuses an outcome whose verdict the rule's metadata does not declare, and metadata is valid data.
 */
class RuleContractTest {

    private static final List<URI> REFERENCES = List.of(URI.create("https://learn.microsoft.com/en-us/iis/"));

    private static RuleMetadata metadata(String id, Set<Verdict> verdicts) {
        return new RuleMetadata(id, "test-rule", "A rule of this test", RuleCategory.GRANT, Severity.NOTE, verdicts,
                Optional.empty(), "0.1.0", REFERENCES, "Forces what the test says.");
    }

    /** A pool rule that forces {@code forced} on every pool, whatever its metadata declares. */
    private static PoolRule forcing(RuleMetadata metadata, Verdict forced) {
        return new PoolRule() {
            @Override
            public RuleMetadata metadata() {
                return metadata;
            }

            @Override
            public Optional<RuleOutcome> evaluate(PoolContext c) {
                return Optional.of(new RuleOutcome(forced, Confidence.DOCUMENTED, new Finding(metadata.id(), metadata.name(),
                        metadata.severity(), c.pool().name(), c.identity().account(), "forced", null, null)));
            }
        };
    }

    private static Snapshot onePool() {
        return SnapshotBuilder.server().right(UserRight.SERVICE, "*S-1-5-80-0").appPoolIdentity("Shop").build();
    }

    @Test
    void anEngineEvaluatesOnlyTheRulesItIsGiven() {
        AuditResult none = new AuditEngine(List.of(), List.of()).audit(onePool());
        assertEquals(Verdict.WILL_START, none.pools().get(0).verdict());
        assertEquals(List.of(), none.pools().get(0).findings());

        PoolRule atRisk = forcing(metadata("LR900", Set.of(Verdict.AT_RISK)), Verdict.AT_RISK);
        PoolResult pool = new AuditEngine(List.of(atRisk), List.of()).audit(onePool()).pools().get(0);
        assertEquals(Verdict.AT_RISK, pool.verdict());
        assertEquals("LR900", pool.decidedBy());
    }

    @Test
    void anOutcomeTheMetadataDoesNotDeclareIsRefused() {
        PoolRule lying = forcing(metadata("LR901", Set.of(Verdict.WILL_START)), Verdict.WILL_FAIL);
        AuditEngine engine = new AuditEngine(List.of(lying), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.audit(onePool()));
        assertEquals("LR901 forced WILL_FAIL, which its metadata does not declare", e.getMessage());
    }

    @Test
    void metadataListsVerdictsInVerdictOrderAndDerivesThePage() {
        RuleMetadata m = metadata("LR902", Set.of(Verdict.WILL_FAIL, Verdict.WILL_START, Verdict.AT_RISK));
        assertEquals(List.of(Verdict.WILL_START, Verdict.AT_RISK, Verdict.WILL_FAIL), List.copyOf(m.verdicts()));
        assertTrue(m.forces(Verdict.AT_RISK));
        assertEquals("docs/rules/" + m.id() + ".md", m.docPath());
        assertThrows(UnsupportedOperationException.class, () -> m.verdicts().add(Verdict.UNKNOWN));
    }

    @Test
    void metadataRefusesWhatIsNotAnIdANameAReleaseOrAPublicAddress() {
        assertThrows(IllegalArgumentException.class, () -> metadata("R1", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new RuleMetadata("LR903", "Not Kebab", "t", RuleCategory.INPUT,
                Severity.NOTE, Set.of(), Optional.empty(), "0.1.0", REFERENCES, "d"));
        assertThrows(IllegalArgumentException.class, () -> new RuleMetadata("LR903", "ok", "t", RuleCategory.INPUT,
                Severity.NOTE, Set.of(), Optional.empty(), "next", REFERENCES, "d"));
        assertThrows(IllegalArgumentException.class, () -> new RuleMetadata("LR903", "ok", "t", RuleCategory.INPUT,
                Severity.NOTE, Set.of(), Optional.empty(), "0.1.0", List.of(URI.create("http://example.com/")), "d"));
        assertThrows(IllegalArgumentException.class, () -> new RuleMetadata("LR903", "ok", "t", RuleCategory.INPUT,
                Severity.NOTE, Set.of(), Optional.empty(), "0.1.0", List.of(URI.create("/work/notes.md")), "d"));
    }

    @Test
    void aDecisionIsCitedByItsPageAndAnchor() {
        assertEquals("docs/verdicts.md (D5)", Decision.D5.citation());
        assertEquals("d5", Decision.D5.anchor());
    }
}
