package org.logonrights.sources;

import java.nio.charset.StandardCharsets;
import org.logonrights.model.InputException;

/**
 * What every fuzz test holds a reader to: it may refuse an input only with an {@link InputException}
 * that names the file and says in one line what is wrong. Any other exception escapes the fuzz test
 * and is a finding.
 */
public final class FuzzChecks {

    private FuzzChecks() {
    }

    /** Fuzz bytes as text the way a lenient reader would see them: UTF-8, bad sequences replaced. */
    public static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Fails unless {@code e} is a well-formed refusal of the input named {@code file}. */
    public static void checkRefusal(InputException e, String file) {
        if (!file.equals(e.file())) {
            throw new AssertionError("the error names '" + e.file() + "', not the input '" + file + "'", e);
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("the error has no message", e);
        }
        String line = e.oneLine();
        if (!line.startsWith(file + ": ") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new AssertionError("not one line naming the file: " + line, e);
        }
    }
}
