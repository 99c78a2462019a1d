package org.logonrights.engine;

/**
 * How a pool's verdict compares with what the server logged (docs/event-logs.md, "How agreement is
 * decided"). Only events that say why a logon failed decide; a missing failure proves nothing, since
 * failure auditing may be off and WAS logs only when it tries.
 */
public enum Agreement {
    /** WILL_FAIL, and the logs show a logon-type failure of the pool's identity. */
    CONFIRMED,
    /** WILL_START or AT_RISK, yet the logs show a logon-type failure: the inputs or our knowledge are wrong. */
    CONTRADICTED,
    /** The logs show the pool failing for another reason than logon rights (a bad password, a locked account). */
    OTHER_CAUSE,
    /** No event about the pool says why a logon failed. */
    NO_EVENTS
}
