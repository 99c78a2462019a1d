package org.logonrights.platform.windows;

import java.util.function.Supplier;

/** Calls {@link LocalSecurityPolicy#open} for {@link OfflinePathIsolationTest} and reports what it threw. */
public final class OfflineOpenProbe implements Supplier<String> {

    @Override
    public String get() {
        try (LocalSecurityPolicy p = LocalSecurityPolicy.open(null)) {
            return "opened " + p;
        } catch (LsaException | RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
