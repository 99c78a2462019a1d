package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Turns a fleet run (several hosts or snapshots) into one output format, one host at a time, so that
 * no more than one host's report is held. The call order: {@link #host} for every host in the order
 * given (its part is written aside as it comes), then {@link #head} with the finished summary, the
 * hosts' parts as written, and {@link #tail}. Implementations keep no state between calls.
 */
public interface FleetRenderer {

    /** What comes before the hosts: the summary, which needs every host's counts. */
    void head(FleetSummary summary, Writer out) throws IOException;

    /** The part of one host; {@code index} counts from 0 in the order given. */
    void host(HostAudit host, int index, Writer out) throws IOException;

    /** What comes after the hosts. */
    void tail(FleetSummary summary, Writer out) throws IOException;
}
