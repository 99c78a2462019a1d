package org.logonrights.model;

import java.util.Objects;

/** One holder of a right as one source lists it, with where that source lists it. */
public record RightEntry(Principal principal, Provenance provenance) {
    public RightEntry {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(provenance, "provenance");
    }
}
