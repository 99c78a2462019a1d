package org.logonrights.app;

import java.nio.file.Path;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputException;
import org.logonrights.sources.InputFiles;

/** Reads and writes snapshot JSON files. */
final class SnapshotFiles {

    private SnapshotFiles() {
    }

    static Snapshot read(Path file, InputFiles files) throws InputException {
        return org.logonrights.sources.SnapshotJson.read(file, files);
    }
}
