package org.logonrights.report;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.logonrights.engine.Verdict;

/**
 * Presentation choices that do not change the verdicts: colours (only for terminals), the width text
 * is wrapped to, whether the layout may adapt to that width (only on a terminal: a file's layout is
 * fixed, so the same inputs give the same bytes), and which verdicts fail the run. The last is the {@code --fail-on} threshold as the
 * exit code applies it (the application layer's {@code FailOn} gives it), so that a JUnit failure or
 * a SARIF {@code error} means exactly what exit code 1 means.
 *
 * @param terminal the text goes to an interactive terminal: tables and summaries fit the width
 * @param failing the verdicts that make the run fail (exit 1)
 */
public record RenderOptions(boolean color, int width, boolean terminal, Set<Verdict> failing) {

    /** The verdicts that fail a run under the default {@code --fail-on risk}. */
    public static final Set<Verdict> DEFAULT_FAILING = Set.copyOf(EnumSet.of(Verdict.WILL_FAIL, Verdict.AT_RISK));

    /** No colours, 120 columns, the default threshold: what the renderer tests and golden files use. */
    public static final RenderOptions PLAIN = new RenderOptions(false, 120, false, DEFAULT_FAILING);

    public RenderOptions {
        failing = Set.copyOf(Objects.requireNonNull(failing, "failing"));
    }

    /** The same presentation with another threshold. */
    public RenderOptions failingOn(Set<Verdict> verdicts) {
        return new RenderOptions(color, width, terminal, verdicts);
    }

    /** Whether a pool with this verdict makes the run fail. */
    public boolean fails(Verdict verdict) {
        return failing.contains(verdict);
    }
}
