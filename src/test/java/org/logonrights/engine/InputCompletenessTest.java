package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.logonrights.testing.SnapshotBuilder.ADMINISTRATORS;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IncompleteInput;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The engine reads an input's completeness as a fact (issue 16): a template that may be cut short
 * lowers the verdicts that need a right it does not define, in the engine, with the reason in the chain.
 */
class InputCompletenessTest {

    private static SnapshotBuilder server() {
        return SnapshotBuilder.server()
                .right(UserRight.BATCH, ADMINISTRATORS, "*" + BATCH_ACCOUNTS)
                .right(UserRight.SERVICE, ADMINISTRATORS)
                .batchUser("Payroll", "CONTOSO\\svc-payroll")
                .member("CONTOSO\\svc-payroll", SnapshotBuilder.SVC_REPORTS, "*" + BATCH_ACCOUNTS)
                .appPoolIdentity("Storefront");
    }

    private static PoolResult audit(Snapshot s, String pool) {
        return Rules.standardEngine().audit(s).pools().stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow();
    }

    private static Snapshot withNote(Snapshot s, IncompleteInput doubt) {
        List<InputNote> notes = new ArrayList<>(s.notes());
        notes.add(doubt.note("cut?", Provenance.of(SourceKind.SECEDIT_EXPORT, "secedit.inf")));
        return new Snapshot(s.machine(), s.rights(), s.iis(), s.memberships(), s.groupPolicy(), notes);
    }

    @Test
    void aStartThatNeedsARightTheCutFileDoesNotDefineIsUnknownAndTheChainSaysWhy() {
        Snapshot whole = server().build();
        PoolResult before = audit(whole, "Payroll");
        assertEquals(Verdict.WILL_START, before.verdict());
        assertEquals(Confidence.DOCUMENTED, before.confidence());

        PoolResult after = audit(withNote(whole, IncompleteInput.RIGHTS_MAY_BE_CUT), "Payroll");
        assertEquals(Verdict.UNKNOWN, after.verdict());
        assertEquals(Confidence.UNCERTAIN, after.confidence());
        ReasonStep last = after.reasons().get(after.reasons().size() - 1);
        assertEquals(ReasonStep.Step.VERDICT, last.step());
        assertEquals("UNKNOWN (uncertain): secedit.inf may be cut short and does not define SeDenyBatchLogonRight (see the "
                + "warning on that input); the lines it holds give WILL_START (documented).", last.message());
        assertEquals("secedit.inf", last.source().file());
    }

    @Test
    void aVerdictWhoseRightsTheCutFileDefinesKeepsItsConfidence() {
        Snapshot whole = server().right(UserRight.DENY_BATCH, "*S-1-5-32-546").build();
        PoolResult after = audit(withNote(whole, IncompleteInput.RIGHTS_MAY_BE_CUT), "Payroll");
        assertEquals(audit(whole, "Payroll").verdict(), after.verdict());
        assertEquals(Confidence.DOCUMENTED, after.confidence());
    }

    @Test
    void anExportWithoutUserRightsDecidesNothingForAPoolThatNeedsOne() {
        PoolResult after = audit(withNote(server().build(), IncompleteInput.NO_USER_RIGHTS), "Storefront");
        assertEquals(Verdict.UNKNOWN, after.verdict());
        assertEquals(Confidence.UNCERTAIN, after.confidence());
        assertNull(after.decidedBy());
        assertTrue(after.reasons().get(after.reasons().size() - 1).message().endsWith("holds no user rights: export with "
                + "/areas USER_RIGHTS."), after.reasons().toString());
    }

    @Test
    void aNoteOfAnotherKindChangesNothing() {
        Snapshot whole = server().note(InputNote.Level.WARNING, "encoding-guessed", "guessed").build();
        assertEquals(audit(server().build(), "Payroll"), audit(whole, "Payroll"));
    }
}
