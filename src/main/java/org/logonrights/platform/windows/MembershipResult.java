package org.logonrights.platform.windows;

import java.util.List;
import java.util.Optional;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputNote;

/**
 * What reading one account's group membership gave: the membership (absent when neither Authz nor
 * NetAPI could tell) and the notes that say how it was read and what is missing.
 *
 * @param membership the membership, or null when it is unknown
 */
public record MembershipResult(AccountMembership membership, List<InputNote> notes) {

    public MembershipResult {
        notes = List.copyOf(notes);
    }

    public Optional<AccountMembership> found() {
        return Optional.ofNullable(membership);
    }
}
