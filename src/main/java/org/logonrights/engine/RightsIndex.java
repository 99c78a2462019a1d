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

/**
 * Per-right indexes built once per audit, so that evaluating a pool touches only the entries its
 * token can match (its own SIDs, group-like entries, unresolved names) instead of scanning every
 * holder: a service right with 20,000 pool SIDs costs each pool a few hash look-ups. It holds
 * facts only; {@link Wording} words them.
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

        Holders(List<RightEntry> all, PrincipalDirectory directory) {
            this.all = all;
            for (int i = 0; i < all.size(); i++) {
                Optional<Sid> sid = directory.resolve(all.get(i).principal());
                if (sid.isEmpty()) {
                    unresolved.add(i);
                    continue;
                }
                bySid.computeIfAbsent(sid.get(), s -> new ArrayList<>()).add(i);
                if (TokenModel.isGroupLike(sid.get())) {
                    groupLike.add(i);
                }
            }
        }
    }

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
            today.put(right, new Holders(snapshot.rights().holders(right), directory));
            Optional<GpoRightSetting> gpo = snapshot.groupPolicy() == null ? Optional.empty()
                    : snapshot.groupPolicy().winning(right);
            if (gpo.isPresent()) {
                winning.put(right, gpo.get());
                afterRefresh.put(right, new Holders(gpo.get().members(), directory));
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
