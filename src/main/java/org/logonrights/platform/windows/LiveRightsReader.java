package org.logonrights.platform.windows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.InputNote;
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

    /** {@link #read(List)} for callers that keep no notes (probes and tests). */
    public EffectiveRights read() throws LsaException {
        return read(new java.util.ArrayList<>());
    }

    /**
     * Reads every logon right and names its holders. Naming is cosmetic: when LsaLookupSids2 fails for
     * any reason but access denied (a broken secure channel, an unreachable domain controller) the
     * holders stay SID-only and a note in {@code notes} says so; access denied is the elevation
     * problem every other LSA call would hit too, and propagates.
     */
    public EffectiveRights read(List<InputNote> notes) throws LsaException {
        Map<UserRight, Set<Sid>> holders = new EnumMap<>(UserRight.class);
        Set<Sid> all = new TreeSet<>();
        for (UserRight right : UserRight.values()) {
            Set<Sid> sids = new TreeSet<>(policy.accountsWithRight(right));
            if (!sids.isEmpty()) {
                holders.put(right, sids);
                all.addAll(sids);
            }
        }
        Map<Sid, ResolvedName> names = namesOf(all, notes);
        return ResolvedRights.of(holders, sid -> names.containsKey(sid) ? names.get(sid).qualifiedName() : null, source);
    }

    private Map<Sid, ResolvedName> namesOf(Set<Sid> all, List<InputNote> notes) throws LsaException {
        if (all.isEmpty()) {
            return Map.of();
        }
        try {
            return policy.lookupSids(all);
        } catch (LsaException e) {
            if (e.isAccessDenied()) {
                throw e;
            }
            notes.add(new InputNote(InputNote.Level.WARNING, "names-unresolved", "The accounts that hold logon rights"
                    + " could not be named (" + e.getMessage() + "): they are shown by SID only. Verdicts rest on SIDs;"
                    + " GPO entries that name an account without its SID cannot be tied to it.", source));
            return Map.of();
        }
    }
}
