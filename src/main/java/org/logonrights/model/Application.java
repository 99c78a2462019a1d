package org.logonrights.model;

/** An application of a site and the pool that runs it ({@code poolName} null when none). */
public record Application(String siteName, String path, String poolName, PoolSource poolSource,
                          Provenance provenance) {

    /** "Default Web Site/legacy", the form IIS uses in location paths. */
    public String displayPath() {
        return "/".equals(path) ? siteName + "/" : siteName + path;
    }
}
