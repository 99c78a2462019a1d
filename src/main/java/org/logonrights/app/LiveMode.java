package org.logonrights.app;

import java.util.Locale;
import org.logonrights.model.Snapshot;

/** Live reading of the local machine: Windows only. */
final class LiveMode {

    private LiveMode() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static Snapshot readLocalMachine() throws UsageException, EnvironmentException {
        if (!isWindows()) {
            throw new UsageException("no inputs given, and live reading works only on Windows; on this OS audit exported "
                    + "files: --secedit FILE --applicationhost FILE [--memberships FILE] [--gpresult FILE], or --snapshot FILE");
        }
        throw new EnvironmentException("live reading is not available in this build");
    }
}
