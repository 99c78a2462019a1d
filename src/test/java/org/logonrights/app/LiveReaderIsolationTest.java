package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.logonrights.testing.WithoutJnaClassLoader;

/**
 * The live snapshot reader, over fakes, runs in a class loader that has our classes and the JDK but
 * no JNA, and asks for no {@code com.sun.jna} class: only the Windows factories load the native side.
 * Off Windows, live mode refuses before touching any of it.
 */
class LiveReaderIsolationTest {


    @Test
    void theLiveReaderOverFakesLoadsNoJnaClass() throws Exception {
        try (WithoutJnaClassLoader loader = new WithoutJnaClassLoader(LiveMode.class, LiveReaderIsolationTest.class)) {
            String result = loader.run(LiveReaderProbe.class);
            assertTrue(result.startsWith("pools=8;accounts=2;"), result);
            assertEquals(List.of(), loader.jnaRequests());
            assertTrue(loader.requested(LiveSnapshotReader.class.getName()), "the probe ran in the isolated loader");
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.sun.jna.Pointer"));
        }
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS, OS.AIX, OS.OTHER},
            disabledReason = "it checks the off-Windows refusal; on Windows live reading is allowed")
    void liveModeOffWindowsIsAUsageErrorWithoutLoadingJna() throws Exception {
        try (WithoutJnaClassLoader loader = new WithoutJnaClassLoader(LiveMode.class, LiveReaderIsolationTest.class)) {
            String result = loader.run(LiveModeProbe.class);
            assertTrue(result.startsWith(UsageException.class.getName() + ": no inputs given, and live reading works only on Windows"),
                    result);
            assertEquals(List.of(), loader.jnaRequests());
        }
    }
}
