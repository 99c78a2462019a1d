package org.logonrights.model;

import java.util.Objects;

/**
 * One link of an account's group membership: {@code group} holds {@code via} (the account itself or
 * another of its groups), as recorded where {@code provenance} says (e.g. {@code memberOf} or
 * {@code primaryGroupID} on a domain controller, SamrGetAliasMembership on the server).
 */
public record GroupRoute(Sid group, Sid via, Provenance provenance) {
    public GroupRoute {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(provenance, "provenance");
    }
}
