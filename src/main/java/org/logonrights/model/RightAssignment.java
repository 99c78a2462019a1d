package org.logonrights.model;

import java.util.List;
import java.util.Objects;

/**
 * The holders of one right as one source states them. An empty list means "defined, nobody holds
 * it" (a GPO template's {@code Right =}); a right a source does not mention has no assignment.
 */
public record RightAssignment(UserRight right, List<RightEntry> entries, Provenance provenance) {
    public RightAssignment {
        Objects.requireNonNull(right, "right");
        entries = List.copyOf(entries);
        Objects.requireNonNull(provenance, "provenance");
    }
}
