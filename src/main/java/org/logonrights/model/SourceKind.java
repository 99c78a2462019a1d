package org.logonrights.model;

/** Where a fact was read from. */
public enum SourceKind {
    SECEDIT_EXPORT("secedit export"),
    GPO_TEMPLATE("GPO template"),
    GPRESULT("gpresult report"),
    APPLICATION_HOST("applicationHost.config"),
    MEMBERSHIPS("membership file"),
    SNAPSHOT("snapshot"),
    LSA("live LSA policy"),
    RSOP("live RSoP (WMI)"),
    /** Group membership read on the live machine (Authz S4U, or the NetAPI fallback). */
    ACCOUNT_LOOKUP("live group membership"),
    /** A Windows event log: an .evtx file or an XML export of events. */
    EVENT_LOG("event log"),
    /** The registry of a remote machine, read over MS-RRP (its applied Group Policy list). */
    REGISTRY("registry"),
    COMPUTED("computed");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
