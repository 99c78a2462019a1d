package org.logonrights.platform.windows;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.Provenance;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.ResolvedRights;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * Reads the ten logon rights in force from a {@link LocalSecurityPolicy} into {@link EffectiveRights}.
 *
 * <p>All SIDs are named in one batched lookup across all rights. Like a secedit export, a right
 * nobody holds gets no assignment; holders are sorted by SID so that output is deterministic.
 */
public final class LiveRightsReader {

    /** The provenance file name for the local machine. */
    public static final String LOCAL_POLICY = "local LSA policy";

    private final LocalSecurityPolicy policy;
    private final Provenance source;

    /**
     * @param policy an open policy; the caller keeps ownership and closes it
     * @param computerOrNull the computer the policy belongs to, for provenance; null for this machine
     */
    public LiveRightsReader(LocalSecurityPolicy policy, String computerOrNull) {
        this.policy = Objects.requireNonNull(policy, "policy");
        String file = computerOrNull == null || computerOrNull.isBlank() ? LOCAL_POLICY : computerOrNull.strip();
        this.source = Provenance.of(SourceKind.LSA, file);
    }

    /** Opens the policy of {@code computerOrNull} (null: this machine), reads it and closes it. */
    public static EffectiveRights readLive(String computerOrNull) throws LsaException {
        try (LocalSecurityPolicy policy = LocalSecurityPolicy.open(computerOrNull)) {
            return new LiveRightsReader(policy, computerOrNull).read();
        }
    }

    public EffectiveRights read() throws LsaException {
        Map<UserRight, Set<Sid>> holders = new EnumMap<>(UserRight.class);
        Set<Sid> all = new TreeSet<>();
        for (UserRight right : UserRight.values()) {
            Set<Sid> sids = new TreeSet<>(policy.accountsWithRight(right));
            if (!sids.isEmpty()) {
                holders.put(right, sids);
                all.addAll(sids);
            }
        }
        Map<Sid, ResolvedName> names = all.isEmpty() ? Map.of() : policy.lookupSids(all);

        return ResolvedRights.of(holders, sid -> names.containsKey(sid) ? names.get(sid).qualifiedName() : null, source);
    }
}
