package org.logonrights.model;

import java.util.Optional;

/**
 * Why an input may not hold every fact it should: a typed reading of the reader's note, which the
 * engine reads to lower every verdict that rests on facts the input lacks (docs/bad-input.md, "Files
 * cut short"). The note's {@code code} is how the fact travels in a snapshot document.
 */
public enum IncompleteInput {
    /** A secedit export or GPO template without {@code [Privilege Rights]}: it says nothing of any right. */
    NO_USER_RIGHTS("no-privilege-rights"),
    /** A security template that may have been cut short at a line break: the rights it does not define are in doubt. */
    RIGHTS_MAY_BE_CUT("rights-may-be-cut");

    private final String code;

    IncompleteInput(String code) {
        this.code = code;
    }

    /** The note code that carries this fact. */
    public String code() {
        return code;
    }

    /** What a note says of its input's completeness, if anything. */
    public static Optional<IncompleteInput> of(InputNote note) {
        for (IncompleteInput i : values()) {
            if (i.code.equals(note.code())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The note that records this fact about {@code source}. */
    public InputNote note(String message, Provenance source) {
        return new InputNote(InputNote.Level.WARNING, code, message, source);
    }
}
