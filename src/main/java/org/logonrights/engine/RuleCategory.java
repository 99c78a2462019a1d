package org.logonrights.engine;

/** What part of a pool's logon a rule looks at. */
public enum RuleCategory {
    /** Whether the logon's SIDs hold the right it needs. */
    GRANT,
    /** Whether a deny right covers the logon. */
    DENY,
    /** Whether the group membership the verdict needs is known. */
    MEMBERSHIP,
    /** What the next Group Policy refresh changes. */
    GROUP_POLICY,
    /** The identity a pool runs as. */
    IDENTITY,
    /** The IIS configuration and the rights assignment as configured. */
    CONFIGURATION,
    /** Entries of the inputs that cannot be tied to what Windows knows. */
    INPUT,
    /** What the server logged about the pool's logons, held against the verdict. */
    EVENTS
}
