package org.logonrights.report;

import java.util.Map;
import org.logonrights.engine.PoolEvents;
import org.logonrights.engine.PoolResult;
import org.logonrights.model.LoggedEvent;

/** How every report words a pool's events and its agreement with them, so the formats say the same. */
public final class EventTexts {

    /** The symbolic names of the codes the events carry (winerror.h and ntstatus.h). */
    private static final Map<String, String> CODE_NAMES = Map.ofEntries(
            Map.entry("1385", "ERROR_LOGON_TYPE_NOT_GRANTED"),
            Map.entry("1326", "ERROR_LOGON_FAILURE"),
            Map.entry("1909", "ERROR_ACCOUNT_LOCKED_OUT"),
            Map.entry("1331", "ERROR_ACCOUNT_DISABLED"),
            Map.entry("1793", "ERROR_ACCOUNT_EXPIRED"),
            Map.entry("1330", "ERROR_PASSWORD_EXPIRED"),
            Map.entry("1907", "ERROR_PASSWORD_MUST_CHANGE"),
            Map.entry("1327", "ERROR_ACCOUNT_RESTRICTION"),
            Map.entry("1328", "ERROR_INVALID_LOGON_HOURS"),
            Map.entry("1329", "ERROR_INVALID_WORKSTATION"),
            Map.entry("1311", "ERROR_NO_LOGON_SERVERS"),
            Map.entry("0xC000015B", "STATUS_LOGON_TYPE_NOT_GRANTED"),
            Map.entry("0xC000006A", "STATUS_WRONG_PASSWORD"),
            Map.entry("0xC0000064", "STATUS_NO_SUCH_USER"),
            Map.entry("0xC0000234", "STATUS_ACCOUNT_LOCKED_OUT"),
            Map.entry("0xC0000072", "STATUS_ACCOUNT_DISABLED"),
            Map.entry("0xC0000193", "STATUS_ACCOUNT_EXPIRED"),
            Map.entry("0xC0000071", "STATUS_PASSWORD_EXPIRED"),
            Map.entry("0xC0000224", "STATUS_PASSWORD_MUST_CHANGE"),
            Map.entry("0xC000006F", "STATUS_INVALID_LOGON_HOURS"),
            Map.entry("0xC0000070", "STATUS_INVALID_WORKSTATION"),
            Map.entry("0xC0000413", "STATUS_AUTHENTICATION_FIREWALL_FAILED"),
            Map.entry("0xC000005E", "STATUS_NO_LOGON_SERVERS"),
            Map.entry("0xC000018C", "STATUS_TRUSTED_DOMAIN_FAILURE"),
            Map.entry("0xC0000192", "STATUS_NETLOGON_NOT_STARTED"));

    private EventTexts() {
    }

    /** {@code 1385 ERROR_LOGON_TYPE_NOT_GRANTED}, or the bare code when it has no known name. */
    public static String code(String code) {
        String name = CODE_NAMES.get(code);
        return name == null ? code : code + " " + name;
    }

    /** One event in words: id, time, what it means, and the error decoded. */
    public static String event(LoggedEvent e) {
        StringBuilder b = new StringBuilder().append(e.kind().id()).append(" at ").append(e.time()).append(": ")
                .append(e.kind().meaning());
        if (e.account() != null) {
            b.append(" (").append(e.account()).append(')');
        }
        if (e.failure() != null) {
            b.append("; ").append(e.failure().meaning());
        }
        if (e.code() != null) {
            b.append(" (error ").append(code(e.code())).append(')');
        }
        return b.toString();
    }

    /** The agreement of a pool with its events, in one sentence. */
    public static String agreement(PoolResult p) {
        PoolEvents held = p.events();
        LoggedEvent e = held.decidedBy();
        return switch (held.agreement()) {
            case CONFIRMED -> "CONFIRMED: the server logged this failure: event " + e.kind().id() + " at " + e.time()
                    + ", error " + code(e.code()) + ": " + e.failure().meaning();
            case CONTRADICTED -> "CONTRADICTED: predicted " + p.verdict() + ", but event " + e.kind().id() + " at "
                    + e.time() + " shows the logon failing (error " + code(e.code()) + ": " + e.failure().meaning()
                    + "); check the inputs' age or report it (LR020)";
            case OTHER_CAUSE -> "OTHER_CAUSE: this pool fails for another reason than logon rights: "
                    + (e.failure() == null ? e.kind().meaning() : e.failure().meaning())
                    + (e.code() == null ? "" : " (error " + code(e.code()) + ")") + ", event " + e.kind().id() + " at "
                    + e.time();
            case NO_EVENTS -> "NO_EVENTS: no event about this pool says why a logon failed";
        };
    }
}
