package org.logonrights.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, filtered into a resource at build time. */
public final class ToolVersion {

    private static final String VERSION = load();

    private ToolVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/org/logonrights/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
