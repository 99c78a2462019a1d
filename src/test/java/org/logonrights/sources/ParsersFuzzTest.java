package org.logonrights.sources;

import static org.logonrights.sources.FuzzChecks.checkRefusal;
import static org.logonrights.sources.FuzzChecks.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayDeque;
import java.util.Deque;
import org.logonrights.model.InputException;
import org.logonrights.model.SourceKind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One fuzz target per reader. {@code mvn verify} replays the committed corpus under
 * {@code src/test/resources/org/logonrights/sources/ParsersFuzzTestInputs/<method>/} (realistic files plus
 * every crash found); {@code scripts/fuzz.sh} fuzzes one target for a chosen time (docs/bad-input.md).
 */
class ParsersFuzzTest {

    private static final String FILE = "fuzzed-input";

    @FuzzTest
    void securityTemplate(byte[] data) {
        String text = text(data);
        for (SourceKind kind : new SourceKind[] {SourceKind.SECEDIT_EXPORT, SourceKind.GPO_TEMPLATE}) {
            try {
                SecurityTemplateParser.parse(text, FILE, kind).value().toEffectiveRights();
            } catch (InputException e) {
                checkRefusal(e, FILE);
            }
        }
    }

    @FuzzTest
    void applicationHost(byte[] data) {
        try {
            ApplicationHostParser.parse(text(data), FILE);
        } catch (InputException e) {
            checkRefusal(e, FILE);
        }
    }

    @FuzzTest
    void gpresult(byte[] data) {
        try {
            GpresultParser.parse(text(data), FILE);
        } catch (InputException e) {
            checkRefusal(e, FILE);
        }
    }

    @FuzzTest
    void memberships(byte[] data) {
        try {
            MembershipFileParser.parse(text(data), FILE);
        } catch (InputException e) {
            checkRefusal(e, FILE);
        }
    }

    @FuzzTest
    void textDecoder(byte[] data) {
        try {
            DecodedText decoded = TextDecoder.decode(data, FILE);
            if (decoded.text() == null || decoded.charset() == null) {
                throw new AssertionError("decoded without text or charset: " + decoded);
            }
        } catch (InputException e) {
            checkRefusal(e, FILE);
        }
    }

    @FuzzTest
    void evtx(byte[] data) {
        checkEvtx(data);
        // Most mutations break a checksum and stop at it; with the checksums made right again they
        // reach the records and the Binary XML decoder.
        checkEvtx(withValidChecksums(data));
    }

    private static void checkEvtx(byte[] data) {
        EvtxLog log;
        try {
            log = EvtxReader.read(data, FILE);
        } catch (InputException e) {
            checkRefusal(e, FILE);
            return;
        }
        // Every record costs at least its 28-byte frame, so more records than that means bytes read twice.
        if (log.records().size() > data.length / 28) {
            throw new AssertionError(log.records().size() + " records from " + data.length + " bytes");
        }
        for (int i = 1; i < log.records().size(); i++) {
            if (log.records().get(i - 1).id() > log.records().get(i).id()) {
                throw new AssertionError("records out of order at " + i);
            }
        }
    }

    /** A copy whose chunks (those with a signature and a free-space offset in range) carry valid checksums. */
    private static byte[] withValidChecksums(byte[] data) {
        byte[] copy = data.clone();
        for (int at = EvtxReader.FILE_HEADER_SIZE; at + EvtxReader.CHUNK_SIZE <= copy.length; at += EvtxReader.CHUNK_SIZE) {
            int free = EvtxReader.u32(copy, at + 48);
            if (copy[at] != 'E' || free < EvtxReader.CHUNK_HEADER_SIZE || free > EvtxReader.CHUNK_SIZE) {
                continue;
            }
            java.util.zip.CRC32 records = new java.util.zip.CRC32();
            records.update(copy, at + EvtxReader.CHUNK_HEADER_SIZE, free - EvtxReader.CHUNK_HEADER_SIZE);
            putInt(copy, at + 52, (int) records.getValue());
            java.util.zip.CRC32 header = new java.util.zip.CRC32();
            header.update(copy, at, 120);
            header.update(copy, at + 128, EvtxReader.CHUNK_HEADER_SIZE - 128);
            putInt(copy, at + 124, (int) header.getValue());
        }
        return copy;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @FuzzTest
    void eventLog(byte[] data) {
        try {
            EventLogReader.FileEvents read = EventLogReader.read(data, FILE).value();
            if (read.events().size() > read.summary().read()) {
                throw new AssertionError("kept " + read.events().size() + " of " + read.summary().read() + " events");
            }
        } catch (InputException e) {
            checkRefusal(e, FILE);
        }
    }

    @FuzzTest
    void secureXml(byte[] data) {
        Document document;
        try {
            document = SecureXml.parse(text(data), FILE);
        } catch (InputException e) {
            checkRefusal(e, FILE);
            return;
        }
        checkBounds(document);
    }

    /** Whatever got through respects the depth and attribute bounds. */
    private static void checkBounds(Document document) {
        Deque<Node> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(document.getDocumentElement());
        depths.push(1);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            int depth = depths.pop();
            if (depth > SecureXml.MAX_DEPTH + 1) {
                throw new AssertionError("element at depth " + depth + " got through");
            }
            if (n instanceof Element e && e.getAttributes().getLength() > SecureXml.MAX_ATTRIBUTES) {
                throw new AssertionError("element with " + e.getAttributes().getLength() + " attributes got through");
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                todo.push(c);
                depths.push(depth + 1);
            }
        }
    }
}
