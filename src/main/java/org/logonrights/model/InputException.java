package org.logonrights.model;

import java.nio.file.Path;

/**
 * An input file that cannot be read or understood. It carries the file, a position (a line, an
 * element path, or null) and a one-line message; the CLI prints {@link #oneLine()} and exits 2.
 * This is the only exception a reader may throw for bad input.
 */
public class InputException extends Exception {

    private final String file;
    private final String position;

    public InputException(String file, String position, String message) {
        super(message);
        this.file = file;
        this.position = position;
    }

    public InputException(String file, String position, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.position = position;
    }

    public InputException(Path file, String position, String message) {
        this(file == null ? null : file.toString(), position, message);
    }

    public String file() {
        return file;
    }

    public String position() {
        return position;
    }

    /** {@code file: line 12: message}, with no line breaks from the message. */
    public String oneLine() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file).append(": ");
        }
        if (position != null && !position.isEmpty()) {
            b.append(position).append(": ");
        }
        b.append(getMessage() == null ? "unreadable input" : getMessage());
        return b.toString().replaceAll("[\\r\\n]+", " ");
    }
}
