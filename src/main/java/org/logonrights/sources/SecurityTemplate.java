package org.logonrights.sources;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.UnknownRight;
import org.logonrights.model.UserRight;

/**
 * The logon rights a security template ({@code secedit /export} output or a SYSVOL
 * {@code GptTmpl.inf}) states in its {@code [Privilege Rights]} section.
 *
 * <p>An assignment with no entries means "defined, nobody holds it" ({@code SeDenyBatchLogonRight =});
 * a right with no assignment is not defined by this template.
 *
 * @param rights the logon rights the template defines, keyed by right
 * @param unknownRights right names that are neither logon rights nor known privileges
 * @param source the template file as a whole
 */
public record SecurityTemplate(Map<UserRight, RightAssignment> rights, List<UnknownRight> unknownRights,
                               Provenance source) {

    public SecurityTemplate {
        EnumMap<UserRight, RightAssignment> copy = new EnumMap<>(UserRight.class);
        copy.putAll(rights);
        rights = Collections.unmodifiableMap(copy);
        unknownRights = List.copyOf(unknownRights);
        Objects.requireNonNull(source, "source");
    }

    /** The assignment of a right, or empty when this template does not define it. */
    public Optional<RightAssignment> assignment(UserRight right) {
        return Optional.ofNullable(rights.get(right));
    }

    /** True when the template defines the right, even as "nobody". */
    public boolean defines(UserRight right) {
        return rights.containsKey(right);
    }

    /**
     * Reads the template as the machine's state, which is what a {@code secedit /export} is. LSA has
     * no "defined but empty" state, so defined-empty assignments are dropped: nobody holds them either way.
     */
    public EffectiveRights toEffectiveRights() {
        EnumMap<UserRight, RightAssignment> held = new EnumMap<>(UserRight.class);
        rights.forEach((right, assignment) -> {
            if (!assignment.entries().isEmpty()) {
                held.put(right, assignment);
            }
        });
        return new EffectiveRights(held, unknownRights, source);
    }
}
