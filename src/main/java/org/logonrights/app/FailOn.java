package org.logonrights.app;

import java.util.EnumSet;
import java.util.Set;
import org.logonrights.engine.Verdict;

/** How strict the exit code is: which verdicts make the run fail (exit 1). */
public enum FailOn {
    /** Exit 1 only on WILL_FAIL; AT_RISK exits 0, UNKNOWN exits 4. */
    FAIL,
    /** Exit 1 on WILL_FAIL or AT_RISK; UNKNOWN exits 4. The default. */
    RISK,
    /** Exit 1 on WILL_FAIL, AT_RISK or UNKNOWN. */
    UNKNOWN,
    /** Verdicts never change the exit code (only errors do). */
    NEVER;

    /** The verdicts that make the run fail (exit 1); renderers mark exactly these pools as failed. */
    public Set<Verdict> failingVerdicts() {
        return switch (this) {
            case FAIL -> EnumSet.of(Verdict.WILL_FAIL);
            case RISK -> EnumSet.of(Verdict.WILL_FAIL, Verdict.AT_RISK);
            case UNKNOWN -> EnumSet.of(Verdict.WILL_FAIL, Verdict.AT_RISK, Verdict.UNKNOWN);
            case NEVER -> EnumSet.noneOf(Verdict.class);
        };
    }

    /**
     * The exit code for the verdicts a run produced. It looks at which verdicts occur, not at the
     * worst one: a run with one AT_RISK and one UNKNOWN pool fails under the default. An UNKNOWN that
     * does not fail the run still exits 4 (except with {@code never}), so that missing data is not
     * mistaken for a pass.
     */
    public ExitCode exitCodeFor(Set<Verdict> present) {
        Set<Verdict> failing = failingVerdicts();
        if (present.stream().anyMatch(failing::contains)) {
            return ExitCode.FINDINGS;
        }
        return this != NEVER && present.contains(Verdict.UNKNOWN) ? ExitCode.UNKNOWN : ExitCode.OK;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
