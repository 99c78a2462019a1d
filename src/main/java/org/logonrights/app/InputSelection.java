package org.logonrights.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The inputs a user named on the command line. Offline audits need {@code secedit} and
 * {@code applicationHost}, or a {@code snapshot}; the rest is optional evidence. {@code events}
 * (event logs of the server) go with any source, the live and remote machines included.
 */
public record InputSelection(Path secedit, Path applicationHost, Path memberships, Path gpresult,
                             List<Path> gpoTemplates, Path snapshot, List<Path> events) {
    public InputSelection {
        gpoTemplates = gpoTemplates == null ? List.of() : List.copyOf(gpoTemplates);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A selection without event logs. */
    public InputSelection(Path secedit, Path applicationHost, Path memberships, Path gpresult,
                          List<Path> gpoTemplates, Path snapshot) {
        this(secedit, applicationHost, memberships, gpresult, gpoTemplates, snapshot, List.of());
    }

    /** True when no input file was named at all (live mode on Windows); event logs do not count. */
    public boolean isEmpty() {
        return secedit == null && applicationHost == null && memberships == null && gpresult == null
                && gpoTemplates.isEmpty() && snapshot == null;
    }
}
