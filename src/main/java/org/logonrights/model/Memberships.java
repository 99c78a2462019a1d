package org.logonrights.model;

import java.util.List;
import java.util.Optional;

/** Group memberships of the accounts that run pools; an account not listed has no membership data. */
public record Memberships(List<AccountMembership> accounts) {

    public static final Memberships NONE = new Memberships(List.of());

    public Memberships {
        accounts = List.copyOf(accounts);
    }

    /** Finds an account by SID when both have one, else by name, case-insensitively. */
    public Optional<AccountMembership> find(String accountName, Sid sid) {
        if (sid != null) {
            Optional<AccountMembership> bySid = accounts.stream().filter(a -> sid.equals(a.sid())).findFirst();
            if (bySid.isPresent()) {
                return bySid;
            }
        }
        if (accountName == null) {
            return Optional.empty();
        }
        return accounts.stream().filter(a -> a.account() != null && a.account().equalsIgnoreCase(accountName.strip()))
                .findFirst();
    }
}
