package org.logonrights.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code the tool returns; {@code --help} and docs/exit-codes.md are generated from or checked against this. */
public enum ExitCode {
    OK(0, "Every audited pool WILL_START (or nothing reaches the --fail-on threshold)."),
    FINDINGS(1, "At least one pool WILL_FAIL or is AT_RISK (default --fail-on risk; with --fail-on unknown also UNKNOWN)."),
    INVALID_INPUT(2, "Bad usage, or an input file that is missing, unreadable or invalid (over several hosts: bad usage, nothing audited)."),
    ENVIRONMENT(3, "Environment error: live reading impossible (not Windows, not elevated, LSA or WMI failure); "
            + "over several hosts, one could not be read and no audited pool reaches --fail-on."),
    UNKNOWN(4, "No failure, but at least one pool is UNKNOWN (supply the data the report names)."),
    INTERNAL_ERROR(70, "Internal error (a bug): please report it with the output of --debug.");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The codes of commands that only compute (sid): success or bad usage. */
    public static Map<String, String> helpListWithoutVerdicts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(String.valueOf(OK.code), "Success.");
        m.put(String.valueOf(INVALID_INPUT.code), INVALID_INPUT.description);
        return m;
    }

    /** The codes of commands that read inputs but give no verdict (rights, collect). */
    public static Map<String, String> helpListOfReadersWithoutVerdicts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(String.valueOf(OK.code), "Success.");
        for (ExitCode c : new ExitCode[] {INVALID_INPUT, ENVIRONMENT, INTERNAL_ERROR}) {
            m.put(String.valueOf(c.code), c.description);
        }
        return m;
    }

    /** The map picocli prints under "Exit codes:". */
    public static Map<String, String> helpList() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            m.put(String.valueOf(c.code), c.description);
        }
        return m;
    }
}
