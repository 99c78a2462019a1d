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
        private final PrincipalDirectory directory;
        /** The first dozen holders as reasons cite them: the same words for every pool. */
        private String summary;

        Holders(List<RightEntry> all, PrincipalDirectory directory) {
            this.all = all;
            this.directory = directory;
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
            if (summary == null) {
                summary = directory.displayList(all, SUMMARY_SIZE);
            }
            return summary;
        }
    }

    /** How many holders a reason names before "and N more". */
    static final int SUMMARY_SIZE = 12;

    private final Snapshot snapshot;
    private final PrincipalDirectory directory;
    private final Map<UserRight, Holders> today = new EnumMap<>(UserRight.class);
    private final Map<UserRight, Holders> afterRefresh = new EnumMap<>(UserRight.class);

    RightsIndex(Snapshot snapshot, PrincipalDirectory directory) {
        this.snapshot = snapshot;
        this.directory = directory;
    }

    Holders holders(UserRight right, PoolContext.When when) {
        if (when == PoolContext.When.AFTER_REFRESH) {
            Optional<GpoRightSetting> gpo = snapshot.groupPolicy() == null ? Optional.empty()
                    : snapshot.groupPolicy().winning(right);
            if (gpo.isPresent()) {
                return afterRefresh.computeIfAbsent(right, r -> new Holders(gpo.get().members(), directory));
            }
        }
        return today.computeIfAbsent(right, r -> new Holders(snapshot.rights().holders(r), directory));
    }
}
