package org.logonrights.app;

import java.util.Objects;

/**
 * An input already decoded in memory, with the name that errors and provenance cite in place of a
 * file path.
 */
public record NamedText(String name, String text) {
    public NamedText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
