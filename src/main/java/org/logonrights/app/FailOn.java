package org.logonrights.app;

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

    /**
     * The exit code for the verdicts a run produced. It looks at which verdicts occur, not at the
     * worst one: a run with one AT_RISK and one UNKNOWN pool fails under the default.
     */
    public ExitCode exitCodeFor(Set<Verdict> present) {
        boolean fail = present.contains(Verdict.WILL_FAIL);
        boolean risk = present.contains(Verdict.AT_RISK);
        boolean unknown = present.contains(Verdict.UNKNOWN);
        return switch (this) {
            case NEVER -> ExitCode.OK;
            case FAIL -> fail ? ExitCode.FINDINGS : unknown ? ExitCode.UNKNOWN : ExitCode.OK;
            case RISK -> fail || risk ? ExitCode.FINDINGS : unknown ? ExitCode.UNKNOWN : ExitCode.OK;
            case UNKNOWN -> fail || risk || unknown ? ExitCode.FINDINGS : ExitCode.OK;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
