package org.logonrights.engine;

import java.util.List;
import java.util.Objects;
import org.logonrights.model.LoggedEvent;

/**
 * A pool's verdict held against the server's logs: the events that name the pool or its identity,
 * oldest first, and what they say about the verdict.
 *
 * @param decidedBy the event the agreement rests on, or null for {@link Agreement#NO_EVENTS}
 */
public record PoolEvents(Agreement agreement, List<LoggedEvent> events, LoggedEvent decidedBy) {
    public PoolEvents {
        Objects.requireNonNull(agreement, "agreement");
        events = List.copyOf(events);
    }
}
