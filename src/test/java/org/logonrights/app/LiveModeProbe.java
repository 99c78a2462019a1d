package org.logonrights.app;

import java.util.function.Supplier;
import org.logonrights.sources.InputFiles;

/** Calls {@link LiveMode#readLocalMachine} for {@link LiveReaderIsolationTest} and reports what it threw. */
public final class LiveModeProbe implements Supplier<String> {

    @Override
    public String get() {
        try {
            return "read " + LiveMode.readLocalMachine(InputFiles.DEFAULT);
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
