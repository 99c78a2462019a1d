package org.logonrights.testing;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Our main and test classes over the JDK only, recording every class asked for: a probe run in it
 * proves a code path never needs JNA (which is absent, so loading it would fail too).
 */
public final class WithoutJnaClassLoader extends URLClassLoader {

    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    /** @param mainClass any class of the main code; @param testClass any class of the test code */
    public WithoutJnaClassLoader(Class<?> mainClass, Class<?> testClass) {
        super("without-jna", new URL[] {
                mainClass.getProtectionDomain().getCodeSource().getLocation(),
                testClass.getProtectionDomain().getCodeSource().getLocation()},
                ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        requested.add(name);
        return super.loadClass(name, resolve);
    }

    /** Instantiates {@code probe} inside this loader and returns what it reports. */
    public String run(Class<? extends Supplier<String>> probe) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Supplier<String> s = (Supplier<String>) loadClass(probe.getName()).getDeclaredConstructor().newInstance();
        return s.get();
    }

    /** True when a class of that name was asked for (so the probe really ran in this loader). */
    public boolean requested(String className) {
        return requested.contains(className);
    }

    /** Every com.sun.jna class that was asked for. */
    public List<String> jnaRequests() {
        synchronized (requested) {
            return requested.stream().filter(n -> n.startsWith("com.sun.jna")).toList();
        }
    }
}
