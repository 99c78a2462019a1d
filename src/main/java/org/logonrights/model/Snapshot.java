package org.logonrights.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs about one machine, however it was obtained (files, live LSA, a
 * snapshot JSON): the effective rights, the IIS configuration, group memberships and, when known,
 * what Group Policy defines and what the server logged. {@code groupPolicy} is null when no GPO data
 * was supplied, {@code events} when no event log was.
 */
public record Snapshot(MachineInfo machine, EffectiveRights rights, IisConfiguration iis, Memberships memberships,
                       GroupPolicy groupPolicy, List<InputNote> notes, EventLogs events) {
    public Snapshot {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(iis, "iis");
        Objects.requireNonNull(memberships, "memberships");
        notes = List.copyOf(notes);
    }

    /** A snapshot without event logs. */
    public Snapshot(MachineInfo machine, EffectiveRights rights, IisConfiguration iis, Memberships memberships,
                    GroupPolicy groupPolicy, List<InputNote> notes) {
        this(machine, rights, iis, memberships, groupPolicy, notes, null);
    }

    /** The same snapshot with these event logs, and the notes made reading them. */
    public Snapshot withEvents(EventLogs logs, List<InputNote> eventNotes) {
        List<InputNote> all = new java.util.ArrayList<>(notes);
        all.addAll(eventNotes);
        return new Snapshot(machine, rights, iis, memberships, groupPolicy, all, logs);
    }
}
