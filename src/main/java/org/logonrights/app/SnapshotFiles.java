package org.logonrights.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.snapshot.SnapshotReader;
import org.logonrights.sources.snapshot.SnapshotWriter;

/** Reads and writes snapshot JSON files (docs/snapshot.md). */
public final class SnapshotFiles {

    private SnapshotFiles() {
    }

    /** Reads a snapshot file within the size limit. */
    public static Snapshot read(Path file, InputFiles files) throws InputException {
        return SnapshotReader.read(file, files);
    }

    /** Writes a snapshot as this version of the tool. */
    public static void write(Snapshot snapshot, Writer out) throws IOException {
        SnapshotWriter.write(snapshot, ToolVersion.get(), out);
    }
}
