package org.logonrights.model;

import java.util.List;
import java.util.Objects;

/**
 * One GPO's definition of one right. Precedence 1 wins; higher numbers lost to a closer GPO. An
 * empty member list means the GPO defines the right as held by nobody.
 */
public record GpoRightSetting(UserRight right, GpoInfo gpo, int precedence, List<RightEntry> members,
                              Provenance provenance) {
    public GpoRightSetting {
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(gpo, "gpo");
        members = List.copyOf(members);
        Objects.requireNonNull(provenance, "provenance");
        if (precedence < 1) {
            throw new IllegalArgumentException("precedence starts at 1");
        }
    }
}
