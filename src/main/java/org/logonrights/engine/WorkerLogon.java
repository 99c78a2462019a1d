package org.logonrights.engine;

/** The logon WAS performs to create a pool's worker process (docs/verdicts.md, "Which right each identity needs"). */
public enum WorkerLogon {
    /** LogonUser with LOGON32_LOGON_BATCH: a SpecificUser with the default logonType. */
    BATCH("Batch"),
    /** A service-type logon: a SpecificUser with logonType=LogonService, or the pool's virtual account. */
    SERVICE("Service"),
    /** The built-in LocalSystem, LocalService or NetworkService logon session. */
    BUILT_IN_SESSION("BuiltInServiceSession"),
    /** No logon can be determined (IIS Express, an incomplete identity). */
    NONE("None");

    private final String label;

    WorkerLogon(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
