package org.logonrights.app;

import java.util.Objects;

/**
 * Everything a front end says about where the evidence comes from: input files, a snapshot file, a
 * remote machine or (with none of these) the local machine; how large an input may be; and whether
 * names are to be redacted. {@link SnapshotSources} turns it into a {@link SnapshotSource}.
 *
 * @param remote the remote machine, or null when no remote option was given
 */
public record SnapshotRequest(InputSelection files, RemoteRequest remote, long maxInputSize, boolean redact) {

    public SnapshotRequest {
        Objects.requireNonNull(files, "files");
    }
}
