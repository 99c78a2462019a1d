package org.logonrights.engine.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.logonrights.engine.EntryMatch;
import org.logonrights.engine.Match;

/** Compares a right's entries before and after a Group Policy refresh. */
final class RefreshComparison {

    private RefreshComparison() {
    }

    static int rank(Match m) {
        return switch (m) {
            case CERTAIN -> 2;
            case UNCERTAIN -> 1;
            default -> 0;
        };
    }

    /** Entries of {@code from} at {@code level} whose principal {@code other} does not list. */
    static List<EntryMatch> notListedIn(List<EntryMatch> from, List<EntryMatch> other,
                                        Function<EntryMatch, Match> projection, Match level) {
        Set<String> otherKeys = new HashSet<>();
        other.forEach(m -> otherKeys.add(key(m)));
        return from.stream().filter(m -> projection.apply(m) == level && !otherKeys.contains(key(m))).toList();
    }

    /** A principal's identity for comparison: its SID when resolved, else its lower-cased name. */
    static String key(EntryMatch m) {
        return m.resolvedSid() != null ? m.resolvedSid().toString()
                : m.entry().principal().name().toLowerCase(Locale.ROOT);
    }
}
