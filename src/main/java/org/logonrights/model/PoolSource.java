package org.logonrights.model;

/** How an application's pool was decided. */
public enum PoolSource {
    /** {@code application/@applicationPool}. */
    EXPLICIT,
    /** The site's {@code applicationDefaults/@applicationPool}. */
    SITE_DEFAULT,
    /** The server-wide {@code sites/applicationDefaults/@applicationPool}. */
    SERVER_DEFAULT,
    /** No pool at all: IIS cannot serve it. */
    NONE
}
