package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.LoggedEvent.EventKind;
import org.logonrights.model.LogonFailure;
import org.logonrights.testing.EvtxWriter;
import org.logonrights.testing.EvtxWriter.Data;
import org.logonrights.testing.EvtxWriter.Value;

/** Which events are kept from a log, what is read from them, and the Server Fault sample's logs. */
class EventLogReaderTest {

    private static final Path SAMPLE_SYSTEM = Path.of("samples/server-fault/events/System.evtx");
    private static final Path SAMPLE_SECURITY = Path.of("samples/server-fault/events/Security-4625.xml");
    private static final String WAS_GUID = "{524B5D04-133C-4A62-8362-64E8EDB9CE40}";

    private static EvtxWriter.Event was(int id, int qualifiers, int level, String time, long record, String pool,
            String binary) {
        return new EvtxWriter.Event("Microsoft-Windows-WAS", WAS_GUID, "WAS", id, qualifiers, level,
                0x80000000000000L, Instant.parse(time), record, "System", "WG-WEB-01.woodgrove.example",
                List.of(new Data("AppPoolID", Value.string(pool))), binary);
    }

    /**
     * The Server Fault sample's System log, as WAS writes these events (docs/event-logs.md): OrdersApi's
     * identity lacks the batch right (5021 with 0x80070569, then 5057), Payroll's password is wrong
     * (5021 with 0x8007052E), and a Service Control Manager event that is not about pools.
     */
    static byte[] serverFaultSystemLog() {
        return new EvtxWriter()
                .add(new EvtxWriter.Event("Service Control Manager", "{555908D1-A6D7-4695-8E1E-26931D2012F4}",
                        "Service Control Manager", 7036, 16384, 4, 0x8080000000000000L,
                        Instant.parse("2024-03-11T08:14:58.000000000Z"), 40211, "System", "WG-WEB-01.woodgrove.example",
                        List.of(new Data("param1", Value.string("Windows Process Activation Service")),
                                new Data("param2", Value.string("running"))), null))
                .add(was(5021, 32768, 3, "2024-03-11T08:15:02.489114200Z", 40212, "OrdersApi", "69050780"))
                .add(was(5057, 32768, 3, "2024-03-11T08:15:02.491007700Z", 40213, "OrdersApi", null))
                .add(was(5021, 32768, 3, "2024-03-11T09:02:44.730551800Z", 40214, "Payroll", "2E050780"))
                .toBytes();
    }

    @Test
    void theServerFaultSampleLogIsWhatTheWriterWrites() throws Exception {
        byte[] expected = serverFaultSystemLog();
        if (Boolean.getBoolean("logonrights.updateGolden")) {
            Files.write(SAMPLE_SYSTEM, expected);
        }
        assertArrayEquals(expected, Files.readAllBytes(SAMPLE_SYSTEM),
                "samples/server-fault/events/System.evtx differs; rewrite it with -Dlogonrights.updateGolden=true");
    }

    @Test
    void keepsWasEventsNamingAPoolWithTheirWin32Error() throws Exception {
        Parsed<EventLogReader.FileEvents> read = EventLogReader.read(Files.readAllBytes(SAMPLE_SYSTEM), "System.evtx");
        List<LoggedEvent> events = read.value().events();
        assertEquals(3, events.size());
        LoggedEvent orders = events.get(0);
        assertEquals(EventKind.WAS_IDENTITY_INVALID, orders.kind());
        assertEquals("OrdersApi", orders.poolName());
        assertEquals(LogonFailure.LOGON_TYPE_NOT_GRANTED, orders.failure());
        assertEquals("1385", orders.code());
        assertEquals(Instant.parse("2024-03-11T08:15:02.4891142Z"), orders.time());
        assertEquals("record 40212", orders.source().element());
        assertEquals(EventKind.WAS_POOL_DISABLED, events.get(1).kind());
        assertNull(events.get(1).failure());
        assertEquals(LogonFailure.BAD_PASSWORD, events.get(2).failure());
        assertEquals("1326", events.get(2).code());
        assertEquals(new org.logonrights.model.EventLogs.File("System.evtx", 4, 3, true), read.value().summary());
        assertEquals(List.of("1 of 4 events are not about application pool logons and were left out"),
                read.notes().stream().map(InputNote::message).toList());
    }

    @Test
    void keepsOnlyBatchAndServiceLogonFailures() throws Exception {
        Parsed<EventLogReader.FileEvents> read = EventLogReader.read(Files.readAllBytes(SAMPLE_SECURITY),
                "Security-4625.xml");
        List<LoggedEvent> events = read.value().events();
        assertEquals(1, events.size());
        LoggedEvent e = events.get(0);
        assertEquals(EventKind.SECURITY_LOGON_FAILED, e.kind());
        assertEquals("WOODGROVE\\svc-orders", e.account());
        assertNull(e.accountSid(), "the NULL SID names nobody");
        assertEquals(LogonFailure.LOGON_TYPE_NOT_GRANTED, e.failure());
        assertEquals("0xC000015B", e.code());
        assertEquals(1, e.source().line(), "an XML event cites its line");
    }

    @Test
    void theSubStatusDecidesWhenTheStatusIsGeneric() throws Exception {
        String xml = sampleSecurityText().replace("<Data Name=\"LogonType\">3</Data>",
                "<Data Name=\"LogonType\">5</Data>");
        List<LoggedEvent> events = EventLogReader.read(xml.getBytes(StandardCharsets.UTF_8), "s.xml").value().events();
        assertEquals(LogonFailure.BAD_PASSWORD, events.get(1).failure());
        assertEquals("0xC000006A", events.get(1).code());
    }

    @Test
    void readsEveryExportShape() throws Exception {
        String rootless = sampleSecurityText();
        String[] variants = {
            rootless,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Events>" + rootless + "</Events>",
            rootless.replace("\r\n", "\n"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<QueryList>" + rootless + "</QueryList>",
        };
        for (String v : variants) {
            assertEquals(1, EventLogReader.read(v.getBytes(StandardCharsets.UTF_8), "e.xml").value().events().size(), v);
        }
        byte[] utf16 = ("\uFEFF<Events>" + rootless + "</Events>").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(1, EventLogReader.read(utf16, "e.xml").value().events().size());
        // Get-WinEvent | ForEach-Object { $_.ToXml() }: one event per line, each could be a document
        String oneEvent = rootless.substring(0, rootless.indexOf("</Event>") + 8);
        assertEquals(1, EventLogReader.read(oneEvent.getBytes(StandardCharsets.UTF_8), "e.xml").value().events().size());
    }

    @Test
    void refusesAnXmlBombWithOneLine() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE Events [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<Events><Event><System><Computer>&b;</Computer></System></Event></Events>";
        InputException e = assertThrows(InputException.class,
                () -> EventLogReader.read(bomb.getBytes(StandardCharsets.UTF_8), "bomb.xml"));
        assertTrue(e.oneLine().startsWith("bomb.xml: "), e.oneLine());
        assertFalse(e.oneLine().contains("\n"));
    }

    @Test
    void refusesXmlThatIsNotAnEventExport() {
        InputException e = assertThrows(InputException.class,
                () -> EventLogReader.read("<configuration/>".getBytes(StandardCharsets.UTF_8), "x.xml"));
        assertEquals("x.xml: the root element <configuration> holds no <Event> elements: not an event export",
                e.oneLine());
    }

    @Test
    void aDamagedLogIsIncompleteAndSaysSo() throws Exception {
        byte[] file = serverFaultSystemLog();
        file[4096 + 600] ^= 1;
        Parsed<EventLogReader.FileEvents> read = EventLogReader.read(file, "System.evtx");
        assertEquals(List.of(), read.value().events());
        assertFalse(read.value().summary().complete());
        assertTrue(read.notes().stream().anyMatch(n -> n.code().equals("event-log-damaged")
                && n.level() == InputNote.Level.WARNING), read.notes().toString());
    }

    @Test
    void realSecurityLogsHoldNoBatchOrServiceFailures() throws Exception {
        // 15 real 4625s, all network or interactive logons (MANIFEST of the corpus): none is about a pool.
        Path file = Path.of("src/test/resources/evtx/sec_4625_mixed_status_evtxrs.evtx");
        Parsed<EventLogReader.FileEvents> read = EventLogReader.read(Files.readAllBytes(file), "Security.evtx");
        assertEquals(List.of(), read.value().events());
        assertEquals(636, read.value().summary().read());
    }

    @Test
    void decodesTheDataFieldAsALittleEndianHresult() {
        assertEquals(1385, EventLogReader.win32Error("69050780"));
        assertEquals(1326, EventLogReader.win32Error("2E050780"));
        assertEquals(1909, EventLogReader.win32Error("75070780"));
        assertEquals(5, EventLogReader.win32Error("05000000"), "W3SVC-WP writes the plain Win32 code");
        assertNull(EventLogReader.win32Error("0D000480"), "an HRESULT of another facility is no Win32 error");
        assertNull(EventLogReader.win32Error("zz"));
    }

    private static String sampleSecurityText() throws Exception {
        return Files.readString(SAMPLE_SECURITY, StandardCharsets.UTF_8);
    }
}
