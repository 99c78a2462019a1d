package org.logonrights.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The inputs a user named on the command line. Offline audits need {@code secedit} and
 * {@code applicationHost}, or a {@code snapshot}; the rest is optional evidence.
 */
public record InputSelection(Path secedit, Path applicationHost, Path memberships, Path gpresult,
                             List<Path> gpoTemplates, Path snapshot) {
    public InputSelection {
        gpoTemplates = gpoTemplates == null ? List.of() : List.copyOf(gpoTemplates);
    }

    /** True when no input file was named at all (live mode on Windows). */
    public boolean isEmpty() {
        return secedit == null && applicationHost == null && memberships == null && gpresult == null
                && gpoTemplates.isEmpty() && snapshot == null;
    }
}
