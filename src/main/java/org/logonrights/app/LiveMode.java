package org.logonrights.app;

import java.util.Locale;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;

/** Live reading of the local machine: Windows only. */
final class LiveMode {

    private LiveMode() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Reads this Windows machine (see {@link LiveSnapshotReader}), its IIS configuration files within the size limit.
     *
     * @throws UsageException off Windows, naming the offline options instead
     * @throws EnvironmentException when LSA or the IIS configuration cannot be read (not elevated,
     *     IIS absent, shared configuration out of reach)
     * @throws InputException when the IIS configuration it reads is malformed
     */
    static Snapshot readLocalMachine(InputFiles files) throws UsageException, EnvironmentException, InputException {
        if (!isWindows()) {
            throw new UsageException("no inputs given, and live reading works only on Windows; on this OS audit exported "
                    + "files: --secedit FILE --applicationhost FILE [--memberships FILE] [--gpresult FILE], or --snapshot FILE");
        }
        return LiveSnapshotReader.windows(files).read();
    }
}
