package org.logonrights.app;

import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;

/**
 * One place a snapshot is read from: exported files, a snapshot file, the local machine or a remote
 * one. The engine never learns which.
 */
@FunctionalInterface
public interface SnapshotSource {

    /**
     * Reads the snapshot.
     *
     * @throws InputException when an input is missing, too large or invalid (exit 2)
     * @throws UsageException when the request cannot be carried out as given (exit 2)
     * @throws EnvironmentException when the machine cannot be read (exit 3)
     */
    Snapshot read() throws InputException, UsageException, EnvironmentException;
}
