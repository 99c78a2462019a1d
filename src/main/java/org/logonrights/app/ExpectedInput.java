package org.logonrights.app;

import java.nio.file.Path;
import java.util.Optional;
import org.logonrights.model.InputException;
import org.logonrights.sources.DecodedText;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.InputKind;

/**
 * Reads an input given to an option and, when the reader refuses it, says what the file is and
 * which option takes it if it looks like another kind of input ({@code --snapshot secedit.inf}).
 */
final class ExpectedInput {

    /** A reader of one input. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws InputException;
    }

    private ExpectedInput() {
    }

    static <T> T read(InputKind expected, Path file, InputFiles files, Read<T> read) throws InputException {
        try {
            return read.read();
        } catch (InputException e) {
            throw misplaced(expected, file, files).orElse(e);
        }
    }

    private static Optional<InputException> misplaced(InputKind expected, Path file, InputFiles files) {
        DecodedText text;
        try {
            text = files.readText(file);
        } catch (InputException unreadable) {
            return Optional.empty();
        }
        return InputKind.sniff(text.text()).filter(kind -> kind != expected && kind != InputKind.OTHER_XML)
                .map(kind -> new InputException(file, null, kind.misplaced(expected)));
    }
}
