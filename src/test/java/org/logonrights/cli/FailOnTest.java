package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.logonrights.app.FailOn;
import org.logonrights.engine.Verdict;

/** Every --fail-on level against every mix of verdicts that matters. */
class FailOnTest {

    private static int code(FailOn f, Verdict... present) {
        EnumSet<Verdict> set = EnumSet.noneOf(Verdict.class);
        set.addAll(java.util.List.of(present));
        return f.exitCodeFor(set).code();
    }

    @Test
    void riskIsTheDefaultContract() {
        assertEquals(0, code(FailOn.RISK));
        assertEquals(0, code(FailOn.RISK, Verdict.WILL_START));
        assertEquals(1, code(FailOn.RISK, Verdict.WILL_START, Verdict.AT_RISK));
        assertEquals(1, code(FailOn.RISK, Verdict.WILL_FAIL));
        assertEquals(4, code(FailOn.RISK, Verdict.WILL_START, Verdict.UNKNOWN));
        assertEquals(1, code(FailOn.RISK, Verdict.AT_RISK, Verdict.UNKNOWN), "a risk and an unknown is a failure, not 4");
    }

    @Test
    void failOnlyFailsOnWillFail() {
        assertEquals(0, code(FailOn.FAIL, Verdict.AT_RISK));
        assertEquals(1, code(FailOn.FAIL, Verdict.WILL_FAIL, Verdict.AT_RISK));
        assertEquals(4, code(FailOn.FAIL, Verdict.AT_RISK, Verdict.UNKNOWN));
    }

    @Test
    void unknownFailsOnAnythingButStart() {
        assertEquals(0, code(FailOn.UNKNOWN, Verdict.WILL_START));
        assertEquals(1, code(FailOn.UNKNOWN, Verdict.UNKNOWN));
        assertEquals(1, code(FailOn.UNKNOWN, Verdict.AT_RISK));
    }

    @Test
    void neverIgnoresVerdicts() {
        assertEquals(0, code(FailOn.NEVER, Verdict.WILL_FAIL, Verdict.UNKNOWN, Verdict.AT_RISK));
    }
}
