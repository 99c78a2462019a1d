package org.logonrights.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The logon rights in force on the machine (a secedit export or the live LSA policy). A right with
 * no assignment is held by nobody: LSA has no "defined but empty" state.
 */
public record EffectiveRights(Map<UserRight, RightAssignment> assignments, List<UnknownRight> unknownRights,
                              Provenance source) {

    public EffectiveRights {
        EnumMap<UserRight, RightAssignment> copy = new EnumMap<>(UserRight.class);
        copy.putAll(assignments);
        assignments = java.util.Collections.unmodifiableMap(copy);
        unknownRights = List.copyOf(unknownRights);
        Objects.requireNonNull(source, "source");
    }

    public Optional<RightAssignment> assignment(UserRight right) {
        return Optional.ofNullable(assignments.get(right));
    }

    /** The holders of a right; empty when nobody holds it. */
    public List<RightEntry> holders(UserRight right) {
        RightAssignment a = assignments.get(right);
        return a == null ? List.of() : a.entries();
    }
}
