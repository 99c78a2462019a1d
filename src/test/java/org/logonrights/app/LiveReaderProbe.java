package org.logonrights.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;

/** Reads the windows.yml machine through {@link FakeLiveSources} for {@link LiveReaderIsolationTest}. */
public final class LiveReaderProbe implements Supplier<String> {

    @Override
    public String get() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("logonrights-live-probe");
            FakeLiveSources machine = WindowsCiMachine.in(dir);
            Snapshot s = new LiveSnapshotReader(machine, InputFiles.DEFAULT).read();
            return "pools=" + s.iis().pools().size() + ";accounts=" + s.memberships().accounts().size() + ";";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("applicationHost.config"));
                    Files.deleteIfExists(dir);
                } catch (java.io.IOException ignored) {
                    // a temp directory left behind is harmless
                }
            }
        }
    }
}
