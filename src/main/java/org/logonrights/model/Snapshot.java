package org.logonrights.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs about one machine, however it was obtained (files, live LSA, a
 * snapshot JSON): the effective rights, the IIS configuration, group memberships and, when known,
 * what Group Policy defines. {@code groupPolicy} is null when no GPO data was supplied.
 */
public record Snapshot(MachineInfo machine, EffectiveRights rights, IisConfiguration iis, Memberships memberships,
                       GroupPolicy groupPolicy, List<InputNote> notes) {
    public Snapshot {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(iis, "iis");
        Objects.requireNonNull(memberships, "memberships");
        notes = List.copyOf(notes);
    }
}
