package org.logonrights.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.model.WellKnownSids;

/**
 * Per-right indexes built once per audit, so that evaluating a pool touches only the entries its
 * token can match (its own SIDs, group-like entries, unresolved names) instead of scanning every
 * holder: a service right with 20,000 pool SIDs costs each pool a few hash look-ups.
 */
final class RightsIndex {

    /** The holders of one right at one time, indexed. */
    static final class Holders {
        final List<RightEntry> all;
        final Map<Sid, List<Integer>> bySid = new HashMap<>();
        /** Entries with a SID that could be a group of a custom account whose membership is not known (D5). */
        final List<Integer> groupLike = new ArrayList<>();
        /** Entries that have no SID at all: only their names can match a token. */
        final List<Integer> unresolved = new ArrayList<>();
        /** The first dozen holders as reasons cite them: the same words for every pool. */
        private final String summary;
        /**
         * The reason sentences that quote {@link #summary}, built once: every pool that no entry
         * covers repeats them, and 20,000 pools then share one String instead of holding a copy each.
         */
        final String noGrantSentence;
        final String noDenySentence;

        Holders(UserRight right, List<RightEntry> all, PrincipalDirectory directory) {
            this.all = all;
            this.summary = directory.displayList(all, SUMMARY_SIZE);
            this.noGrantSentence = ReasonChain.noGrantSentence(right, summary);
            this.noDenySentence = ReasonChain.noDenySentence(right, summary);
            for (int i = 0; i < all.size(); i++) {
                Optional<Sid> sid = directory.resolve(all.get(i).principal());
                if (sid.isEmpty()) {
                    unresolved.add(i);
                    continue;
                }
                bySid.computeIfAbsent(sid.get(), s -> new ArrayList<>()).add(i);
                Sid s = sid.get();
                if (s.isDomainOrMachine() || s.isBuiltinAlias() || WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN.equals(s)) {
                    groupLike.add(i);
                }
            }
        }

        /** {@link PrincipalDirectory#displayList} of the first {@link #SUMMARY_SIZE} holders. */
        String summary() {
            return summary;
        }
    }

    /** How many holders a reason names before "and N more". */
    static final int SUMMARY_SIZE = 12;

    private final Map<UserRight, Holders> today = new EnumMap<>(UserRight.class);
    private final Map<UserRight, Holders> afterRefresh = new EnumMap<>(UserRight.class);
    /** The winning GPO setting of each right that one defines: every pool asks, for several rights. */
    private final Map<UserRight, GpoRightSetting> winning = new EnumMap<>(UserRight.class);

    /**
     * Indexes every right up front, not on first use: pools are evaluated in parallel on large
     * servers, and an index that never changes after construction needs no locking.
     */
    RightsIndex(Snapshot snapshot, PrincipalDirectory directory) {
        for (UserRight right : UserRight.values()) {
            today.put(right, new Holders(right, snapshot.rights().holders(right), directory));
            Optional<GpoRightSetting> gpo = snapshot.groupPolicy() == null ? Optional.empty()
                    : snapshot.groupPolicy().winning(right);
            if (gpo.isPresent()) {
                winning.put(right, gpo.get());
                afterRefresh.put(right, new Holders(right, gpo.get().members(), directory));
            }
        }
    }

    /** {@link org.logonrights.model.GroupPolicy#winning}, looked up instead of searched. */
    Optional<GpoRightSetting> winning(UserRight right) {
        return Optional.ofNullable(winning.get(right));
    }

    Holders holders(UserRight right, PoolContext.When when) {
        if (when == PoolContext.When.AFTER_REFRESH) {
            Holders fromGpo = afterRefresh.get(right);
            if (fromGpo != null) {
                return fromGpo;
            }
        }
        return today.get(right);
    }
}
