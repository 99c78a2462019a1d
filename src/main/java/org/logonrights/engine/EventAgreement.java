package org.logonrights.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.logonrights.model.EventLogs;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.LogonFailure;

/**
 * Joins the server's logged events to each pool and decides the {@link Agreement}: WAS events by the
 * pool name they carry, Security 4625 by the account name or SID matched against the pool's identity.
 * The event rules then add their findings (a contradiction is LR020's).
 */
public final class EventAgreement {

    private EventAgreement() {
    }

    /** The pool's result with its events and agreement, and the findings of {@code rules} about them. */
    public static PoolResult hold(PoolResult pool, EventLogs logs, List<EventRule> rules) {
        List<LoggedEvent> joined = logs.events().stream().filter(e -> concerns(e, pool)).toList();
        // WAS names the pool itself, a 4625 only its account: a WAS event is the better witness.
        Optional<LoggedEvent> logonRight = joined.stream()
                .filter(e -> e.failure() != null && e.failure().isLogonRight())
                .min(java.util.Comparator.comparing((LoggedEvent e) -> e.poolName() == null));
        Optional<LoggedEvent> otherCause = joined.stream().filter(EventAgreement::otherCause).findFirst();
        Agreement agreement;
        LoggedEvent decidedBy;
        if (logonRight.isPresent() && pool.verdict() == Verdict.WILL_FAIL) {
            agreement = Agreement.CONFIRMED;
            decidedBy = logonRight.get();
        } else if (logonRight.isPresent()
                && (pool.verdict() == Verdict.WILL_START || pool.verdict() == Verdict.AT_RISK)) {
            agreement = Agreement.CONTRADICTED;
            decidedBy = logonRight.get();
        } else if (otherCause.isPresent()) {
            agreement = Agreement.OTHER_CAUSE;
            decidedBy = otherCause.get();
        } else {
            agreement = Agreement.NO_EVENTS;
            decidedBy = null;
        }
        PoolEvents events = new PoolEvents(agreement, joined, decidedBy);
        List<Finding> found = new ArrayList<>();
        for (EventRule rule : rules) {
            rule.evaluate(pool, events).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return pool.withEvents(events);
        }
        List<Finding> findings = new ArrayList<>(pool.findings());
        findings.addAll(found);
        return new PoolResult(pool.name(), pool.identity(), pool.logon(), pool.requiredRight(), pool.verdict(),
                pool.confidence(), pool.decidedBy(), pool.reasons(), findings, pool.applications(), events);
    }

    /** A failure that is not about logon rights, or WAS's rapid-fail protection (the worker itself crashed). */
    private static boolean otherCause(LoggedEvent e) {
        if (e.failure() != null) {
            return !e.failure().isLogonRight() && e.failure() != LogonFailure.OTHER
                    || e.failure() == LogonFailure.OTHER && e.code() != null;
        }
        return e.kind() == LoggedEvent.EventKind.WAS_RAPID_FAIL;
    }

    private static boolean concerns(LoggedEvent e, PoolResult pool) {
        if (e.poolName() != null) {
            return e.poolName().equalsIgnoreCase(pool.name());
        }
        PoolIdentity id = pool.identity();
        if (e.accountSid() != null && id.sid() != null) {
            return e.accountSid().equals(id.sid());
        }
        return e.account() != null && id.account() != null && sameAccount(e.account(), id.account());
    }

    /** {@code WOODGROVE\svc-orders} against {@code WOODGROVE\svc-orders} or {@code svc-orders@woodgrove...}. */
    private static boolean sameAccount(String logged, String identity) {
        String a = logged.toLowerCase(Locale.ROOT);
        String b = identity.toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        int at = b.indexOf('@');
        if (at > 0 && a.endsWith("\\" + b.substring(0, at))) {
            String domain = b.substring(at + 1);
            String loggedDomain = a.substring(0, a.indexOf('\\'));
            return domain.equals(loggedDomain) || domain.startsWith(loggedDomain + ".");
        }
        return false;
    }
}
