package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;
import org.logonrights.testing.EvtxWriter;
import org.logonrights.testing.EvtxWriter.Data;
import org.logonrights.testing.EvtxWriter.Value;

/** The .evtx reader on files written to order: what it keeps, and how it refuses damage. */
class EvtxReaderTest {

    private static final Instant TIME = Instant.parse("2024-03-11T08:15:02.1234567Z");

    static EvtxWriter.Event was5021(long recordId) {
        return new EvtxWriter.Event("Microsoft-Windows-WAS", "{524B5D04-133C-4A62-8362-64E8EDB9CE40}", "WAS", 5021,
                32768, 3, 0x80000000000000L, TIME, recordId, "System", "WG-WEB-01",
                List.of(new Data("AppPoolID", Value.string("OrdersApi"))), "69050780");
    }

    @Test
    void readsTheEventAsWindowsRendersIt() throws Exception {
        EvtxLog log = EvtxReader.read(new EvtxWriter().add(was5021(7)).toBytes(), "System.evtx");
        assertEquals(1, log.records().size());
        EvtxLog.Record r = log.records().get(0);
        assertEquals(7, r.id());
        assertEquals("2024-03-11T08:15:02.1234567Z", r.written());
        EventElement system = r.event().child("System").orElseThrow();
        assertEquals("Microsoft-Windows-WAS", system.child("Provider").orElseThrow().attribute("Name"));
        assertEquals("WAS", system.child("Provider").orElseThrow().attribute("EventSourceName"));
        assertEquals("{524B5D04-133C-4A62-8362-64E8EDB9CE40}", system.child("Provider").orElseThrow().attribute("Guid"));
        assertEquals("5021", system.childText("EventID"));
        assertEquals("32768", system.child("EventID").orElseThrow().attribute("Qualifiers"));
        assertEquals("0x0080000000000000", system.childText("Keywords"));
        assertEquals("2024-03-11T08:15:02.1234567Z", system.child("TimeCreated").orElseThrow().attribute("SystemTime"));
        EventElement data = r.event().child("EventData").orElseThrow();
        assertEquals("OrdersApi", data.children().get(0).text());
        assertEquals("AppPoolID", data.children().get(0).attribute("Name"));
        assertEquals("69050780", data.childText("Binary"));
        assertEquals(List.of(), log.skipped());
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void refusesAFileThatIsNotAnEventLog() {
        InputException e = assertThrows(InputException.class,
                () -> EvtxReader.read("<Events/>".getBytes(StandardCharsets.UTF_8), "System.evtx"));
        assertEquals("System.evtx: not a Windows event log file (.evtx): no 'ElfFile' signature", e.oneLine());
    }

    @Test
    void refusesAHeaderCutShort() {
        byte[] cut = Arrays.copyOf(new EvtxWriter().add(was5021(1)).toBytes(), 100);
        InputException e = assertThrows(InputException.class, () -> EvtxReader.read(cut, "System.evtx"));
        assertEquals("System.evtx: event log file is 100 bytes, shorter than its 4096-byte header", e.oneLine());
    }

    @Test
    void refusesAnotherFormatVersion() {
        byte[] file = new EvtxWriter().add(was5021(1)).toBytes();
        file[38] = 4;
        InputException e = assertThrows(InputException.class, () -> EvtxReader.read(file, "System.evtx"));
        assertEquals("System.evtx: event log format version 4.1 is not supported (only 3.x)", e.oneLine());
    }

    @Test
    void skipsAChunkWhoseRecordsFailTheirChecksum() throws Exception {
        byte[] file = new EvtxWriter().add(was5021(1)).add(was5021(2)).toBytes();
        int name = indexOf(file, "OrdersApi".getBytes(StandardCharsets.UTF_16LE));
        file[name] ^= 1; // 'O' becomes 'N': a corrupt pool name must not be believed
        EvtxLog log = EvtxReader.read(file, "System.evtx");
        assertEquals(List.of(), log.records());
        assertEquals(List.of(new EvtxLog.Skipped(4096, "the checksum of the chunk's records does not match", 1, 2)),
                log.skipped());
    }

    @Test
    void aHeaderChecksumMismatchAloneKeepsTheRecordsAndSaysSo() throws Exception {
        byte[] file = new EvtxWriter().add(was5021(1)).toBytes();
        file[4096 + 128] ^= 1; // the string cache, which the reader never uses
        EvtxLog log = EvtxReader.read(file, "System.evtx");
        assertEquals(1, log.records().size());
        assertEquals(List.of("the chunk at offset 4096 has a damaged header; its records were read"), log.warnings());
    }

    @Test
    void aRecordWhoseSizePointsPastTheChunkStopsTheChunk() throws Exception {
        byte[] record = EvtxWriter.frame(1, TIME, new byte[] {0x0f, 1, 1, 0, 0});
        EvtxWriter.putInt(record, 4, 70_000);
        byte[] chunk = new byte[65536];
        System.arraycopy(record, 0, chunk, 512, record.length);
        EvtxLog log = EvtxReader.read(EvtxWriter.file(chunk, 512 + record.length, 1, 1, 0), "System.evtx");
        assertEquals(List.of(), log.records());
        assertEquals("record 1 has a size (70000 bytes) that points past the chunk's records",
                log.skipped().get(0).reason());
    }

    @Test
    void aTemplateThatContainsItselfIsReportedNotFollowed() throws Exception {
        // Record at 512: frame 24, fragment header 4, template instance header 10, so the definition
        // is at 550 and its body at 574. The body is an instance of the definition at 550 itself.
        byte[] body = concat(new byte[] {0x0c, 1, 0, 0, 0, 0}, le(550), le(0), new byte[] {0});
        byte[] xml = concat(new byte[] {0x0f, 1, 1, 0, 0x0c, 1, 0, 0, 0, 0}, le(550), le(0), new byte[16],
                le(body.length), body, le(0));
        byte[] record = EvtxWriter.frame(1, TIME, xml);
        byte[] chunk = new byte[65536];
        System.arraycopy(record, 0, chunk, 512, record.length);
        EvtxLog log = EvtxReader.read(EvtxWriter.file(chunk, 512 + record.length, 1, 1, 0), "System.evtx");
        assertEquals(List.of(), log.records());
        assertEquals("record 1: template at offset 550 contains itself", log.skipped().get(0).reason());
    }

    @Test
    void aFileCutInsideAChunkSaysItIsTruncated() throws Exception {
        byte[] file = Arrays.copyOf(new EvtxWriter().add(was5021(1)).toBytes(), 4096 + 30_000);
        EvtxLog log = EvtxReader.read(file, "System.evtx");
        assertEquals(List.of(), log.records());
        assertTrue(log.skipped().get(0).reason().endsWith("the file is truncated"), log.skipped().toString());
    }

    @Test
    void aFileThatSaysItKeepsNoChecksumsIsReadWithAWarning() throws Exception {
        byte[] chunk = Arrays.copyOfRange(new EvtxWriter().add(was5021(1)).toBytes(), 4096, 4096 + 65536);
        int freeSpace = EvtxReader.u32(chunk, 48);
        byte[] file = EvtxWriter.file(chunk, freeSpace, 1, 1, 0x4);
        file[4096 + 52] ^= 1;
        EvtxLog log = EvtxReader.read(file, "System.evtx");
        assertEquals(1, log.records().size());
        assertEquals(List.of("the file says its checksums are not kept, so its records were read without verification"),
                log.warnings());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static byte[] le(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
