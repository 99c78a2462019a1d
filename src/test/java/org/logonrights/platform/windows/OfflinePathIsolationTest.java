package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.logonrights.testing.WithoutJnaClassLoader;

/**
 * The pure-Java side runs in a class loader that has our classes and the JDK but no JNA, and asks
 * for no {@code com.sun.jna} class: the offline path never loads JNA.
 */
class OfflinePathIsolationTest {


    @Test
    void theReadersTheApiAndTheExceptionsLoadNoJnaClass() throws Exception {
        try (WithoutJnaClassLoader loader = new WithoutJnaClassLoader(LocalSecurityPolicy.class, OfflinePathIsolationTest.class)) {
            String result = loader.run(OfflinePathProbe.class);
            assertTrue(result.contains("holder=BUILTIN\\IIS_IUSRS"), result);
            assertTrue(result.contains("denied=true/0xC0000022/0xC0000060"), result);
            assertTrue(result.contains("rsop=null/gpo-ownership-unknown"), result);
            assertTrue(result.contains("lookupSids(java.util.Map<org.logonrights.model.Sid, org.logonrights.model.ResolvedName>"), result);
            assertEquals(List.of(), loader.jnaRequests());
            assertTrue(loader.requested(LiveRightsReader.class.getName()), "the probe ran in the isolated loader");
            // The isolation is real: JNA is not reachable from this loader at all.
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.sun.jna.Pointer"));
        }
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS, OS.AIX, OS.OTHER},
            disabledReason = "it checks the off-Windows refusal; on Windows live reading is allowed")
    void openingOffWindowsFailsCleanlyWithoutLoadingJna() throws Exception {
        try (WithoutJnaClassLoader loader = new WithoutJnaClassLoader(LocalSecurityPolicy.class, OfflinePathIsolationTest.class)) {
            String result = loader.run(OfflineOpenProbe.class);
            assertTrue(result.startsWith(UnsupportedOperationException.class.getName() + ": reading the live LSA policy needs Windows"), result);
            assertEquals(List.of(), loader.jnaRequests());
        }
    }
}
