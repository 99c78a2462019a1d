package org.logonrights.report;

import java.util.Objects;

/**
 * One host of a fleet run, as the fleet renderers receive it: its single-host report, or the one line
 * that says why it could not be read.
 *
 * @param host the host as given ({@code --remote}), or a snapshot's machine name, else its file name
 * @param report the host's report, or null when it could not be read
 * @param error why it could not be read, or null when audited
 * @param exitCode the exit code a run over this host alone would have given
 */
public record HostAudit(String host, AuditReport report, String error, int exitCode) {

    public HostAudit {
        Objects.requireNonNull(host, "host");
        if ((report == null) == (error == null)) {
            throw new IllegalArgumentException("a host has either a report or an error");
        }
    }

    /** True when the host was read and audited. */
    public boolean audited() {
        return report != null;
    }
}
