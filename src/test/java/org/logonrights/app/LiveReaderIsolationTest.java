package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The live snapshot reader, over fakes, runs in a class loader that has our classes and the JDK but
 * no JNA, and asks for no {@code com.sun.jna} class: only the Windows factories load the native side.
 * Off Windows, live mode refuses before touching any of it.
 */
class LiveReaderIsolationTest {

    private static final class WithoutJna extends URLClassLoader {
        final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        WithoutJna() {
            super("without-jna", new URL[] {
                    LiveMode.class.getProtectionDomain().getCodeSource().getLocation(),
                    LiveReaderIsolationTest.class.getProtectionDomain().getCodeSource().getLocation()},
                    ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }

        String run(Class<? extends Supplier<String>> probe) throws ReflectiveOperationException {
            @SuppressWarnings("unchecked")
            Supplier<String> s = (Supplier<String>) loadClass(probe.getName()).getDeclaredConstructor().newInstance();
            return s.get();
        }

        List<String> jnaRequests() {
            synchronized (requested) {
                return requested.stream().filter(n -> n.startsWith("com.sun.jna")).toList();
            }
        }
    }

    @Test
    void theLiveReaderOverFakesLoadsNoJnaClass() throws Exception {
        try (WithoutJna loader = new WithoutJna()) {
            String result = loader.run(LiveReaderProbe.class);
            assertTrue(result.startsWith("pools=8;accounts=2;"), result);
            assertEquals(List.of(), loader.jnaRequests());
            assertTrue(loader.requested.contains(LiveSnapshotReader.class.getName()), "the probe ran in the isolated loader");
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.sun.jna.Pointer"));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void liveModeOffWindowsIsAUsageErrorWithoutLoadingJna() throws Exception {
        try (WithoutJna loader = new WithoutJna()) {
            String result = loader.run(LiveModeProbe.class);
            assertTrue(result.startsWith(UsageException.class.getName() + ": no inputs given, and live reading works only on Windows"),
                    result);
            assertEquals(List.of(), loader.jnaRequests());
        }
    }
}
