package org.logonrights.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.logonrights.model.AppPool;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.IdentityType;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;

/**
 * What the rules see of one pool: its identity, the logon WAS performs, the right it needs, its
 * token model, and the holders of each right today and after the next Group Policy refresh.
 * Computed once per pool; every query is a scan of one right's entries only.
 */
public final class PoolContext {

    /** Which assignment of the rights to look at. */
    public enum When {
        /** The effective assignment (secedit export, live LSA). */
        TODAY,
        /** What the winning GPOs will leave after the next refresh (unchanged where no GPO defines a right). */
        AFTER_REFRESH
    }

    private final Snapshot snapshot;
    private final AppPool pool;
    private final PoolIdentity identity;
    private final WorkerLogon logon;
    private final UserRight requiredRight;
    private final UserRight denyRight;
    private final TokenModel token;
    private final PrincipalDirectory directory;
    private final RightsIndex index;
    private final Wording wording;
    /** {@link #matches} per time and right: several rules and the reason chain ask the same question. */
    private final Map<When, Map<UserRight, List<EntryMatch>>> matches = new EnumMap<>(When.class);

    PoolContext(Snapshot snapshot, AppPool pool, PoolIdentity identity, WorkerLogon logon, UserRight requiredRight,
                UserRight denyRight, TokenModel token, PrincipalDirectory directory, RightsIndex index, Wording wording) {
        this.snapshot = snapshot;
        this.pool = pool;
        this.identity = identity;
        this.logon = logon;
        this.requiredRight = requiredRight;
        this.denyRight = denyRight;
        this.token = token;
        this.directory = directory;
        this.index = index;
        this.wording = wording;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public AppPool pool() {
        return pool;
    }

    public PoolIdentity identity() {
        return identity;
    }

    public WorkerLogon logon() {
        return logon;
    }

    /** The allow right LSA checks, or null when none is checked (built-in accounts, no logon). */
    public UserRight requiredRight() {
        return requiredRight;
    }

    /** The deny right that overrides it, or null. */
    public UserRight denyRight() {
        return denyRight;
    }

    public TokenModel token() {
        return token;
    }

    public PrincipalDirectory directory() {
        return directory;
    }

    public boolean isSpecificUser() {
        return identity.type() == IdentityType.SPECIFIC_USER;
    }

    /**
     * True when the pool's worker logs on as an identity of this type; never for IIS Express, whose
     * workers run as the interactive user whatever the configuration says.
     */
    public boolean runsAs(IdentityType type) {
        return !isIisExpress() && identity.type() == type;
    }

    public boolean isIisExpress() {
        return snapshot.iis().kind() == ConfigKind.IIS_EXPRESS;
    }

    public boolean hasGroupPolicyData() {
        return snapshot.groupPolicy() != null;
    }

    /**
     * The GPOs that could not be read and may define {@code right} above its winning setting (or the
     * list of applied GPOs itself): when not empty, who owns the right after the next refresh is unknown.
     */
    public List<GpoGap> gpoGaps(UserRight right) {
        return right == null || snapshot.groupPolicy() == null ? List.of() : snapshot.groupPolicy().gapsFor(right);
    }

    /** The winning GPO setting for a right, when GPO data was supplied and a GPO defines it. */
    public Optional<GpoRightSetting> gpoSetting(UserRight right) {
        return index.winning(right);
    }

    /** The words of this audit, shared by every pool: how its rights' holders are quoted. */
    public Wording wording() {
        return wording;
    }

    /** The holders of a right at the given time. */
    public List<RightEntry> holders(UserRight right, When when) {
        return index.holders(right, when).all;
    }

    /**
     * The holders of a right that concern this pool's token (certain, uncertain or undecided), in the
     * order the source lists them. Found through the index: the token's SIDs are looked up, and only
     * unresolved entries and, when group membership is undecided, group-like entries are classified
     * one by one. Every other entry classifies as {@link Match#NONE}, so it is skipped unseen.
     */
    public List<EntryMatch> matches(UserRight right, When when) {
        if (right == null || token == null) {
            return List.of();
        }
        return matches.computeIfAbsent(when, w -> new EnumMap<>(UserRight.class))
                .computeIfAbsent(right, r -> classify(index.holders(r, when)));
    }

    private List<EntryMatch> classify(RightsIndex.Holders h) {
        TreeSet<Integer> candidates = new TreeSet<>();
        // Each set is walked as it is: a pool classifies several rights, and a merged copy per
        // question was most of what a 20,000-pool audit allocated after its reason texts.
        addAt(h, token.certainSids(), candidates);
        addAt(h, token.uncertainSids(), candidates);
        candidates.addAll(h.unresolved);
        if (isSpecificUser() && token.groupsUndecided()) {
            candidates.addAll(h.groupLike);
        }
        List<EntryMatch> out = new ArrayList<>();
        for (int i : candidates) {
            EntryMatch m = token.classify(h.all.get(i), directory, isSpecificUser());
            if (m.match() != Match.NONE) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private static void addAt(RightsIndex.Holders h, Set<Sid> sids, TreeSet<Integer> candidates) {
        for (Sid sid : sids) {
            List<Integer> at = h.bySid.get(sid);
            if (at != null) {
                candidates.addAll(at);
            }
        }
    }

    /** The strongest match among entries after projecting undecided ones for a scenario. */
    public static Match strongest(List<EntryMatch> matches, Function<EntryMatch, Match> projection) {
        Match best = Match.NONE;
        for (EntryMatch m : matches) {
            Match p = projection.apply(m);
            if (p == Match.CERTAIN) {
                return Match.CERTAIN;
            }
            if (p == Match.UNCERTAIN) {
                best = Match.UNCERTAIN;
            }
        }
        return best;
    }

    /** The entries whose projection equals {@code wanted}. */
    public static List<EntryMatch> where(List<EntryMatch> matches, Function<EntryMatch, Match> projection, Match wanted) {
        return matches.stream().filter(m -> projection.apply(m) == wanted).toList();
    }
}
