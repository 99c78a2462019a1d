package org.logonrights.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;

/**
 * Who holds each logon right, where each holding comes from (the GPO that defines the right, or
 * local policy) and what the next Group Policy refresh changes. Pure, like the engine.
 */
public final class RightsAnalysis {

    /** Where a holding comes from. */
    public enum Origin {
        /** The GPO that defines the right lists it. */
        GPO,
        /** No GPO defines the right (or the GPO does not list it): set locally, by an admin, a script or IIS. */
        LOCAL,
        /** No Group Policy data was supplied, or a GPO that may define the right could not be read: the origin cannot be told. */
        UNKNOWN
    }

    /** What the next policy refresh does to a holding. */
    public enum Drift {
        NONE,
        /** In effect now, but the defining GPO does not list it: the refresh removes it. */
        REMOVED_AT_NEXT_REFRESH,
        /** Listed by the defining GPO but not in effect yet: the refresh adds it. */
        ADDED_AT_NEXT_REFRESH
    }

    /**
     * One holder of one right. {@code sid} is null when the name cannot be tied to a SID; then, and
     * when the other side has such a name, {@code driftCertain} is false: the two may be one principal.
     */
    public record Holding(String name, Sid sid, Origin origin, Drift drift, boolean driftCertain, Provenance source) {
    }

    /**
     * One right: who defines it, who lost, and its holders; {@code unread} are the GPOs that could not be
     * read and may define it above {@code definedBy}, which make its owner unknown.
     */
    public record RightSummary(UserRight right, GpoInfo definedBy, List<GpoInfo> losing, boolean groupPolicyKnown,
                               List<Holding> holders, List<GpoGap> unread) {
        public RightSummary {
            losing = List.copyOf(losing);
            holders = List.copyOf(holders);
            unread = List.copyOf(unread);
        }
    }

    private RightsAnalysis() {
    }

    /** Summaries for the given rights (all ten when {@code rights} is empty), in UserRight order. */
    public static List<RightSummary> analyze(Snapshot snapshot, List<UserRight> rights) {
        PrincipalDirectory directory = PrincipalDirectory.of(snapshot);
        List<RightSummary> out = new ArrayList<>();
        for (UserRight right : UserRight.values()) {
            if (rights.isEmpty() || rights.contains(right)) {
                out.add(summarize(snapshot, directory, right));
            }
        }
        return out;
    }

    private static RightSummary summarize(Snapshot snapshot, PrincipalDirectory directory, UserRight right) {
        boolean gpKnown = snapshot.groupPolicy() != null;
        Optional<GpoRightSetting> winner = gpKnown ? snapshot.groupPolicy().winning(right) : Optional.empty();
        List<GpoInfo> losing = gpKnown ? snapshot.groupPolicy().losing(right).stream().map(GpoRightSetting::gpo).toList()
                : List.of();
        List<GpoGap> unread = gpKnown ? snapshot.groupPolicy().gapsFor(right) : List.of();
        Map<String, RightEntry> defined = new LinkedHashMap<>();
        winner.ifPresent(w -> w.members().forEach(e -> defined.putIfAbsent(key(e.principal(), directory), e)));
        List<Holding> holders = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (RightEntry e : snapshot.rights().holders(right)) {
            String k = key(e.principal(), directory);
            if (seen.put(k, Boolean.TRUE) != null) {
                continue;
            }
            Origin origin;
            Drift drift = Drift.NONE;
            if (!gpKnown || !unread.isEmpty()) {
                origin = Origin.UNKNOWN;
            } else if (winner.isEmpty()) {
                origin = Origin.LOCAL;
            } else if (defined.containsKey(k)) {
                origin = Origin.GPO;
            } else {
                origin = Origin.LOCAL;
                drift = Drift.REMOVED_AT_NEXT_REFRESH;
            }
            holders.add(holding(e, directory, origin, drift, !gpoHasUnresolved(defined, directory)));
        }
        boolean effectiveHasUnnamedSids = snapshot.rights().holders(right).stream()
                .anyMatch(e -> e.principal().name() == null && !defined.containsKey(key(e.principal(), directory)));
        defined.forEach((k, e) -> {
            if (!seen.containsKey(k)) {
                boolean unresolved = directory.resolve(e.principal()).isEmpty();
                holders.add(holding(e, directory, Origin.GPO, Drift.ADDED_AT_NEXT_REFRESH,
                        !(unresolved && effectiveHasUnnamedSids)));
            }
        });
        return new RightSummary(right, winner.map(GpoRightSetting::gpo).orElse(null), losing, gpKnown, holders, unread);
    }

    private static boolean gpoHasUnresolved(Map<String, RightEntry> defined, PrincipalDirectory directory) {
        return defined.values().stream().anyMatch(e -> directory.resolve(e.principal()).isEmpty());
    }

    private static Holding holding(RightEntry e, PrincipalDirectory directory, Origin origin, Drift drift,
                                   boolean driftCertain) {
        Sid sid = directory.resolve(e.principal()).orElse(null);
        String name = e.principal().name() != null ? e.principal().name() : (sid == null ? null : directory.nameOf(sid));
        if (name != null && sid != null && name.equals(sid.toString())) {
            name = null;
        }
        return new Holding(name, sid, origin, drift, drift == Drift.NONE || driftCertain, e.provenance());
    }

    private static String key(Principal p, PrincipalDirectory directory) {
        return directory.resolve(p).map(Object::toString).orElseGet(() -> p.name().toLowerCase(Locale.ROOT));
    }
}
