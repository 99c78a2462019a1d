package org.logonrights.sources;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;

/** Locates and parses the applicationHost.config fixtures under {@code fixtures/applicationhost/}. */
final class ApplicationHostFixtures {

    private ApplicationHostFixtures() {
    }

    static Path path(String name) {
        URL url = ApplicationHostFixtures.class.getResource("/fixtures/applicationhost/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Parsed<IisConfiguration> parse(String name) throws InputException {
        return ApplicationHostParser.parse(path(name), InputFiles.DEFAULT);
    }
}
