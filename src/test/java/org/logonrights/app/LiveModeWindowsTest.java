package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.sources.InputFiles;

/**
 * Live mode on the real machine. With IIS installed it reads a snapshot; without (the first step of
 * windows.yml runs before IIS is installed) it refuses with the "is IIS installed?" message. Needs an
 * elevated prompt. Skipped, as expected, off Windows.
 */
@EnabledOnOs(OS.WINDOWS)
class LiveModeWindowsTest {

    @Test
    void readsTheMachineOrSaysIisIsMissing() throws Exception {
        Snapshot s;
        try {
            s = LiveMode.readLocalMachine(InputFiles.DEFAULT);
        } catch (EnvironmentException e) {
            assertTrue(e.getMessage().startsWith("no IIS configuration at "), e.getMessage());
            return;
        }
        assertEquals(SourceKind.LSA, s.rights().source().kind());
        assertFalse(s.machine().name().isBlank());
        assertFalse(s.iis().pools().isEmpty(), "IIS is installed, so DefaultAppPool at least");
    }
}
