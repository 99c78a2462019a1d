package org.logonrights.engine;

import java.util.Locale;

/**
 * The decisions the engine takes where Windows is undocumented, as docs/verdicts.md numbers them
 * ("Decisions where Windows is undocumented"); a rule implements at most one.
 */
public enum Decision {
    /** A grant only through IIS_IUSRS that WAS injects: {@code AT_RISK}. */
    D1,
    /** A deny through an uncertain SID: {@code AT_RISK}; through a certain one: {@code WILL_FAIL}. */
    D2,
    /** Built-in service accounts start; LocalSystem is warned about; a deny naming the account is a risk. */
    D3,
    /** ApplicationPoolIdentity without its SID in Log on as a service: IIS adds it, unless a GPO strips it. */
    D4,
    /** Missing membership data: best and worst case, {@code UNKNOWN} when they differ in failing. */
    D5,
    /** Drift: the GPO that defines a right wins at the next refresh. */
    D6,
    /** A pool SID that matches no pool is a note. */
    D7;

    /** The heading's anchor in docs/verdicts.md: {@code d1} … {@code d7}. */
    public String anchor() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How user-facing text cites it: {@code docs/verdicts.md (D5)}. */
    public String citation() {
        return "docs/verdicts.md (" + name() + ")";
    }
}
