package org.logonrights.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** An index that answers {@link #find} with two hash look-ups, for callers that look up every pool's account. */
    public Index index() {
        return new Index(accounts);
    }

    /** {@link Memberships#find} over maps: the first account listed with a SID or name wins, as in the scan. */
    public static final class Index {
        private final Map<Sid, AccountMembership> bySid = new HashMap<>();
        private final Map<String, AccountMembership> byName = new HashMap<>();

        private Index(List<AccountMembership> accounts) {
            for (AccountMembership a : accounts) {
                if (a.sid() != null) {
                    bySid.putIfAbsent(a.sid(), a);
                }
                if (a.account() != null) {
                    byName.putIfAbsent(IgnoreCase.key(a.account()), a);
                }
            }
        }

        /** Same answer as {@link Memberships#find}. */
        public Optional<AccountMembership> find(String accountName, Sid sid) {
            if (sid != null) {
                AccountMembership bySidMatch = bySid.get(sid);
                if (bySidMatch != null) {
                    return Optional.of(bySidMatch);
                }
            }
            if (accountName == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(byName.get(IgnoreCase.key(accountName.strip())));
        }
    }
}
