package org.logonrights.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link EffectiveRights} from what a live reader (local LSA or remote MS-LSAD) returns: the
 * SIDs holding each right and one batched name lookup. Shared so both readers produce the very same
 * model, entry order and provenance.
 */
public final class ResolvedRights {

    private ResolvedRights() {
    }

    /**
     * @param holders the SIDs holding each right, in the order to report them (rights nobody holds are absent)
     * @param qualifiedName "DOMAIN\name" for a SID, or null when the lookup did not map it
     * @param source where the rights were read; each entry cites it with the right as element
     */
    public static EffectiveRights of(Map<UserRight, ? extends Set<Sid>> holders, Function<Sid, String> qualifiedName,
                                     Provenance source) {
        Map<UserRight, RightAssignment> assignments = new EnumMap<>(UserRight.class);
        holders.forEach((right, sids) -> {
            Provenance where = source.withElement(right.constantName());
            List<RightEntry> entries = new ArrayList<>(sids.size());
            for (Sid sid : sids) {
                entries.add(new RightEntry(new Principal(sid, qualifiedName.apply(sid)), where));
            }
            assignments.put(right, new RightAssignment(right, entries, where));
        });
        return new EffectiveRights(assignments, List.of(), source);
    }
}
