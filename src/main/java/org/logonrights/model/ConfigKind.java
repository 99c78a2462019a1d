package org.logonrights.model;

/** What kind of IIS configuration a file is. */
public enum ConfigKind {
    /** A full IIS server's applicationHost.config. */
    SERVER,
    /** IIS Express: workers run as the interactive user, so pool identities mean nothing. */
    IIS_EXPRESS,
    /** A file with no application pools at all (a fragment, Hostable Web Core). */
    NO_POOLS
}
