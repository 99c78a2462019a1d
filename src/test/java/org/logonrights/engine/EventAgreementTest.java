package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.EventLogs;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.LoggedEvent.EventKind;
import org.logonrights.model.LogonFailure;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.sources.InputFiles;

/** How the Server Fault sample's verdicts are held against events: the join, the four agreements, LR020. */
class EventAgreementTest {

    private static final Provenance LOG = Provenance.of(SourceKind.EVENT_LOG, "System.evtx").withElement("record 9");
    private static final Instant T = Instant.parse("2024-03-11T10:00:00Z");
    private static final Sid PAYROLL_SID = Sid.parse("S-1-5-21-1870432911-2944718543-2413046519-1319");

    private static PoolResult audit(String pool, LoggedEvent... events) throws Exception {
        Snapshot s = SnapshotLoader.offline(new InputSelection(Path.of("samples/server-fault/secedit.inf"),
                Path.of("samples/server-fault/applicationHost.config"), Path.of("samples/server-fault/memberships.json"),
                Path.of("samples/server-fault/gpresult.xml"), List.of(), null), InputFiles.DEFAULT);
        Snapshot withEvents = s.withEvents(new EventLogs(List.of(events), List.of(new EventLogs.File("System.evtx",
                events.length, events.length, true))), List.of());
        return Rules.standardEngine().audit(withEvents).pools().stream().filter(p -> p.name().equals(pool)).findFirst()
                .orElseThrow();
    }

    private static LoggedEvent was(EventKind kind, String pool, LogonFailure failure, String code) {
        return new LoggedEvent(kind, T, 9, "WG-WEB-01", pool, null, null, failure, code, LOG);
    }

    private static LoggedEvent failedLogon(String account, Sid sid, LogonFailure failure, String code) {
        return new LoggedEvent(EventKind.SECURITY_LOGON_FAILED, T, 9, "WG-WEB-01", null, account, sid, failure, code, LOG);
    }

    @Test
    void aLogonTypeFailureOfAPoolPredictedToStartIsAContradictionAndAFinding() throws Exception {
        PoolResult payroll = audit("Payroll",
                was(EventKind.WAS_IDENTITY_INVALID, "payroll", LogonFailure.LOGON_TYPE_NOT_GRANTED, "1385"));
        assertEquals(Verdict.WILL_START, payroll.verdict(), "the events change no verdict");
        assertEquals(Agreement.CONTRADICTED, payroll.events().agreement());
        Finding lr020 = payroll.findings().stream().filter(f -> f.ruleId().equals("LR020")).findFirst().orElseThrow();
        assertEquals("predicted WILL_START for pool 'Payroll', but event 5021 at 2024-03-11T10:00:00Z (System.evtx, "
                + "record 9, error 1385) shows its logon failing: the account has not been granted the logon type "
                + "(a logon right is missing or denied)", lr020.message());
        assertEquals(LOG, lr020.location());
        assertTrue(lr020.remediation().contains("inputs were exported after the event"), lr020.remediation());
    }

    @Test
    void aFailedLogonJoinsItsPoolBySidWhateverTheNameSays() throws Exception {
        PoolResult payroll = audit("Payroll",
                failedLogon("WOODGROVE\\renamed", PAYROLL_SID, LogonFailure.ACCOUNT_LOCKED_OUT, "0xC0000234"));
        assertEquals(Agreement.OTHER_CAUSE, payroll.events().agreement());
        assertEquals(1, payroll.events().events().size());
        assertTrue(payroll.findings().stream().noneMatch(f -> f.ruleId().equals("LR020")));
    }

    @Test
    void aFailedLogonOfAnotherAccountJoinsNothing() throws Exception {
        PoolResult orders = audit("OrdersApi",
                failedLogon("WOODGROVE\\svc-payroll", null, LogonFailure.LOGON_TYPE_NOT_GRANTED, "0xC000015B"));
        assertEquals(Agreement.NO_EVENTS, orders.events().agreement());
        assertEquals(List.of(), orders.events().events());
        assertNull(orders.events().decidedBy());
    }

    @Test
    void aFailedLogonByNameConfirmsAPoolThatWillFail() throws Exception {
        PoolResult orders = audit("OrdersApi",
                failedLogon("woodgrove\\SVC-ORDERS", null, LogonFailure.LOGON_TYPE_NOT_GRANTED, "0xC000015B"));
        assertEquals(Agreement.CONFIRMED, orders.events().agreement());
    }

    @Test
    void anEventThatSaysNoReasonDecidesNothing() throws Exception {
        PoolResult orders = audit("OrdersApi", was(EventKind.WAS_POOL_DISABLED, "OrdersApi", null, null));
        assertEquals(Agreement.NO_EVENTS, orders.events().agreement());
        assertEquals(1, orders.events().events().size(), "it is still listed under the pool");
    }

    @Test
    void aWasEventIsPreferredOverAFailedLogonAsTheWitness() throws Exception {
        LoggedEvent logon = failedLogon("WOODGROVE\\svc-orders", null, LogonFailure.LOGON_TYPE_NOT_GRANTED, "0xC000015B");
        LoggedEvent was = was(EventKind.WAS_IDENTITY_INVALID, "OrdersApi", LogonFailure.LOGON_TYPE_NOT_GRANTED, "1385");
        assertEquals(was, audit("OrdersApi", logon, was).events().decidedBy());
    }

    @Test
    void withoutEventLogsNothingIsHeld() throws Exception {
        Snapshot s = SnapshotLoader.offline(new InputSelection(Path.of("samples/server-fault/secedit.inf"),
                Path.of("samples/server-fault/applicationHost.config"), null, null, List.of(), null), InputFiles.DEFAULT);
        assertTrue(Rules.standardEngine().audit(s).pools().stream().allMatch(p -> p.events() == null));
    }
}
