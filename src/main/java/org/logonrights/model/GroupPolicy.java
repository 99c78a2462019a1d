package org.logonrights.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What Group Policy defines for logon rights on this machine: every GPO seen and every setting,
 * winners and losers. A right no GPO defines is left to local policy, unless a {@link GpoGap} (a GPO
 * whose settings could not be read) may define it: then who owns the right is unknown.
 */
public record GroupPolicy(List<GpoInfo> gpos, List<GpoRightSetting> settings, List<Provenance> sources, List<GpoGap> gaps) {

    public GroupPolicy {
        gpos = List.copyOf(gpos);
        settings = List.copyOf(settings);
        sources = List.copyOf(sources);
        gaps = List.copyOf(gaps);
    }

    /** Group Policy read completely: no GPO is missing. */
    public GroupPolicy(List<GpoInfo> gpos, List<GpoRightSetting> settings, List<Provenance> sources) {
        this(gpos, settings, sources, List.of());
    }

    /**
     * The unread GPOs that may define {@code right} above the setting that wins it: when not empty,
     * which GPO owns the right (and what the next refresh leaves) is unknown.
     */
    public List<GpoGap> gapsFor(UserRight right) {
        if (gaps.isEmpty()) {
            return List.of();
        }
        int winner = winning(right).map(GpoRightSetting::precedence).orElse(0);
        return gaps.stream().filter(g -> g.mayOverride(winner)).toList();
    }

    /** The setting that wins for a right (precedence 1), if a GPO defines it. */
    public Optional<GpoRightSetting> winning(UserRight right) {
        return settings.stream().filter(s -> s.right() == right)
                .min(Comparator.comparingInt(GpoRightSetting::precedence));
    }

    /** The settings for a right that lost to the winner, in precedence order. */
    public List<GpoRightSetting> losing(UserRight right) {
        Optional<GpoRightSetting> w = winning(right);
        return settings.stream().filter(s -> s.right() == right && w.isPresent() && s != w.get())
                .sorted(Comparator.comparingInt(GpoRightSetting::precedence)).toList();
    }

    public boolean defines(UserRight right) {
        return winning(right).isPresent();
    }
}
