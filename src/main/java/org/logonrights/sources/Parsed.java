package org.logonrights.sources;

import java.util.List;

/** A reader's result: the facts it read plus the non-fatal notes it made while reading. */
public record Parsed<T>(T value, List<org.logonrights.model.InputNote> notes) {
    public Parsed {
        notes = List.copyOf(notes);
    }
}
