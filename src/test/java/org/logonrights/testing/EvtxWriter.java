package org.logonrights.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes small .evtx files the way Windows lays them out (a file header, 64 KiB chunks, records whose
 * event is a Binary XML template instance with its substitution values), for fixtures and for
 * hostile variants of them. Each record carries its own template definition and inline names, which
 * Windows also does for the first record of a chunk; readers resolve both by chunk offset.
 */
public final class EvtxWriter {

    /** Substitution value types (MS-EVEN6 2.2.12). */
    public static final int STRING = 0x01;
    public static final int UINT8 = 0x04;
    public static final int UINT16 = 0x06;
    public static final int UINT32 = 0x08;
    public static final int UINT64 = 0x0a;
    public static final int BINARY = 0x0e;
    public static final int GUID = 0x0f;
    public static final int FILETIME = 0x11;
    public static final int SID = 0x13;
    public static final int HEXINT32 = 0x14;
    public static final int HEXINT64 = 0x15;

    private static final int CHUNK = 65536;

    /** One typed substitution value. */
    public record Value(int type, byte[] bytes) {
        public static Value string(String s) {
            return new Value(STRING, s.getBytes(StandardCharsets.UTF_16LE));
        }

        public static Value number(int type, long v) {
            int width = switch (type) {
                case UINT8 -> 1;
                case UINT16 -> 2;
                case UINT32, HEXINT32 -> 4;
                default -> 8;
            };
            byte[] b = new byte[width];
            for (int i = 0; i < width; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
            return new Value(type, b);
        }

        public static Value filetime(Instant t) {
            long ticks = (t.getEpochSecond() * 10_000_000L + t.getNano() / 100) + 116_444_736_000_000_000L;
            return new Value(FILETIME, number(UINT64, ticks).bytes);
        }

        public static Value sid(String sid) {
            String[] p = sid.split("-");
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(Integer.parseInt(p[1]));
            b.write(p.length - 3);
            long authority = Long.parseLong(p[2]);
            for (int i = 5; i >= 0; i--) {
                b.write((int) (authority >>> (8 * i)));
            }
            for (int i = 3; i < p.length; i++) {
                b.writeBytes(number(UINT32, Long.parseUnsignedLong(p[i])).bytes);
            }
            return new Value(SID, b.toByteArray());
        }

        public static Value guid(String braced) {
            String h = braced.replaceAll("[{}-]", "");
            byte[] b = new byte[16];
            long d1 = Long.parseLong(h.substring(0, 8), 16);
            int d2 = Integer.parseInt(h.substring(8, 12), 16);
            int d3 = Integer.parseInt(h.substring(12, 16), 16);
            System.arraycopy(number(UINT32, d1).bytes, 0, b, 0, 4);
            System.arraycopy(number(UINT16, d2).bytes, 0, b, 4, 2);
            System.arraycopy(number(UINT16, d3).bytes, 0, b, 6, 2);
            for (int i = 0; i < 8; i++) {
                b[8 + i] = (byte) Integer.parseInt(h.substring(16 + 2 * i, 18 + 2 * i), 16);
            }
            return new Value(GUID, b);
        }

        public static Value binary(String hex) {
            byte[] b = new byte[hex.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return new Value(BINARY, b);
        }
    }

    /** One EventData field: {@code <Data Name="name">value</Data>}. */
    public record Data(String name, Value value) {
    }

    /**
     * One event as Windows would log it.
     *
     * @param eventSourceName the classic source name (WAS events have one), or null
     * @param qualifiers the classic qualifiers (32768 warning, 49152 error), or -1 for none
     * @param binary the hex of the {@code <Binary>} field, or null
     */
    public record Event(String provider, String providerGuid, String eventSourceName, int eventId, int qualifiers,
            int level, long keywords, Instant time, long recordId, String channel, String computer,
            List<Data> data, String binary) {
    }

    private final List<Event> events = new ArrayList<>();

    public EvtxWriter add(Event event) {
        events.add(event);
        return this;
    }

    /** The file: one chunk holding every event (enough for fixtures). */
    public byte[] toBytes() {
        byte[] chunk = new byte[CHUNK];
        int pos = 512;
        int last = 512;
        for (Event e : events) {
            last = pos;
            byte[] record = record(e, pos);
            if (pos + record.length > CHUNK) {
                throw new IllegalStateException("more events than one chunk holds");
            }
            System.arraycopy(record, 0, chunk, pos, record.length);
            pos += record.length;
        }
        EvtxWriter.putInt(chunk, 44, last);
        return file(chunk, pos, events.isEmpty() ? 1 : events.get(0).recordId(),
                events.isEmpty() ? 0 : events.get(events.size() - 1).recordId(), 0);
    }

    /** A file around one chunk whose records end at {@code freeSpace}, with valid checksums. */
    public static byte[] file(byte[] chunk, int freeSpace, long firstRecord, long lastRecord, int fileFlags) {
        put(chunk, 0, "ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
        putLong(chunk, 8, firstRecord);
        putLong(chunk, 16, lastRecord);
        putLong(chunk, 24, firstRecord);
        putLong(chunk, 32, lastRecord);
        putInt(chunk, 40, 128);
        if (EvtxWriter.u32(chunk, 44) == 0) {
            putInt(chunk, 44, 512); // last record offset
        }
        putInt(chunk, 48, freeSpace);
        putInt(chunk, 52, crc(chunk, 512, freeSpace - 512));
        CRC32 header = new CRC32();
        header.update(chunk, 0, 120);
        header.update(chunk, 128, 384);
        putInt(chunk, 124, (int) header.getValue());
        byte[] file = new byte[4096 + CHUNK];
        put(file, 0, "ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        putLong(file, 8, 0);
        putLong(file, 16, 0);
        putLong(file, 24, lastRecord + 1);
        putInt(file, 32, 128);
        file[36] = 1;
        file[38] = 3;
        file[40] = 0x00;
        file[41] = 0x10;
        file[42] = 1;
        putInt(file, 120, fileFlags);
        putInt(file, 124, crc(file, 0, 120));
        System.arraycopy(chunk, 0, file, 4096, CHUNK);
        return file;
    }

    /** A record at chunk offset {@code at}: its frame around the Binary XML the body writes. */
    public static byte[] frame(long recordId, Instant written, byte[] binaryXml) {
        int size = 24 + binaryXml.length + 4;
        byte[] r = new byte[size];
        r[0] = 0x2a;
        r[1] = 0x2a;
        putInt(r, 4, size);
        putLong(r, 8, recordId);
        System.arraycopy(Value.filetime(written).bytes, 0, r, 16, 8);
        System.arraycopy(binaryXml, 0, r, 24, binaryXml.length);
        putInt(r, size - 4, size);
        return r;
    }

    private static byte[] record(Event e, int at) {
        List<Value> values = new ArrayList<>();
        Xml t = new Xml(at + 24 + 4 + 10 + 24); // the template body follows the fragment, instance and definition headers
        t.fragment();
        t.open("Event", true).attribute("xmlns").text("http://schemas.microsoft.com/win/2004/08/events/event").close();
        t.open("System", false).close();
        t.open("Provider", true).attribute("Name").substitution(values, Value.string(e.provider()), false);
        t.attribute("Guid").substitution(values, Value.guid(e.providerGuid()), false);
        if (e.eventSourceName() != null) {
            t.attribute("EventSourceName").substitution(values, Value.string(e.eventSourceName()), false);
        }
        t.closeEmpty();
        if (e.qualifiers() >= 0) {
            t.open("EventID", true).attribute("Qualifiers")
                    .substitution(values, Value.number(UINT16, e.qualifiers()), false).close();
        } else {
            t.open("EventID", false).close();
        }
        t.substitution(values, Value.number(UINT16, e.eventId()), false).end();
        t.element("Version", values, Value.number(UINT8, 0));
        t.element("Level", values, Value.number(UINT8, e.level()));
        t.element("Task", values, Value.number(UINT16, 0));
        t.element("Opcode", values, Value.number(UINT8, 0));
        t.element("Keywords", values, Value.number(HEXINT64, e.keywords()));
        t.open("TimeCreated", true).attribute("SystemTime").substitution(values, Value.filetime(e.time()), false)
                .closeEmpty();
        t.element("EventRecordID", values, Value.number(UINT64, e.recordId()));
        t.open("Execution", true).attribute("ProcessID").substitution(values, Value.number(UINT32, 1480), false);
        t.attribute("ThreadID").substitution(values, Value.number(UINT32, 2212), false).closeEmpty();
        t.element("Channel", values, Value.string(e.channel()));
        t.element("Computer", values, Value.string(e.computer()));
        t.open("Security", false).closeEmpty();
        t.end();
        t.open("EventData", false).close();
        for (Data d : e.data()) {
            t.open("Data", true).attribute("Name").text(d.name()).close();
            t.substitution(values, d.value(), true).end();
        }
        if (e.binary() != null) {
            t.element("Binary", values, Value.binary(e.binary()));
        }
        t.end();
        t.end();
        t.eof();
        byte[] body = t.bytes();

        ByteArrayOutputStream x = new ByteArrayOutputStream();
        x.writeBytes(new byte[] {0x0f, 1, 1, 0});
        int definitionOffset = at + 24 + 4 + 10;
        x.write(0x0c);
        x.write(1);
        writeInt(x, (int) e.recordId());
        writeInt(x, definitionOffset);
        writeInt(x, 0); // next definition
        x.writeBytes(new byte[16]); // GUID
        writeInt(x, body.length);
        x.writeBytes(body);
        writeInt(x, values.size());
        for (Value v : values) {
            x.write(v.bytes.length & 0xff);
            x.write(v.bytes.length >>> 8);
            x.write(v.type);
            x.write(0);
        }
        for (Value v : values) {
            x.writeBytes(v.bytes);
        }
        x.write(0x00); // end of the record's fragment
        return frame(e.recordId(), e.time(), x.toByteArray());
    }

    /** Template body tokens; knows its chunk offset so names can be written inline. */
    private static final class Xml {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int base;
        /** Where the open element's previous attribute token is, to flag it "more follow" (0x46). */
        private int previousAttribute = -1;
        private final List<Integer> flags = new ArrayList<>();
        /** Size fields to fill in: where an element's data size is and where its attribute list size is (or -1). */
        private final java.util.ArrayDeque<int[]> openElements = new java.util.ArrayDeque<>();
        private final List<int[]> sizes = new ArrayList<>();

        Xml(int base) {
            this.base = base;
        }

        int pos() {
            return base + out.size();
        }

        void fragment() {
            out.writeBytes(new byte[] {0x0f, 1, 1, 0});
        }

        Xml open(String name, boolean attributes) {
            previousAttribute = -1;
            out.write(attributes ? 0x41 : 0x01);
            writeShort(out, 0xffff); // dependency identifier
            int dataSize = out.size();
            writeInt(out, 0); // data size: the element's bytes after this field, filled in at its end
            name(name);
            int attributeSize = -1;
            if (attributes) {
                attributeSize = out.size();
                writeInt(out, 0);
            }
            openElements.push(new int[] {dataSize, attributeSize});
            return this;
        }

        Xml attribute(String name) {
            if (previousAttribute >= 0) {
                flags.add(previousAttribute);
            }
            previousAttribute = out.size();
            out.write(0x06);
            name(name);
            return this;
        }

        Xml text(String s) {
            out.write(0x05);
            out.write(0x01);
            writeShort(out, s.length());
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
            return this;
        }

        Xml substitution(List<Value> values, Value v, boolean optional) {
            out.write(optional ? 0x0e : 0x0d);
            writeShort(out, values.size());
            out.write(v.type());
            values.add(v);
            return this;
        }

        Xml close() {
            endAttributes();
            out.write(0x02);
            return this;
        }

        Xml closeEmpty() {
            endAttributes();
            out.write(0x03);
            endElement();
            return this;
        }

        Xml end() {
            out.write(0x04);
            endElement();
            return this;
        }

        private void endAttributes() {
            int field = openElements.peek()[1];
            if (field >= 0) {
                sizes.add(new int[] {field, out.size() - field - 4});
            }
        }

        private void endElement() {
            int field = openElements.pop()[0];
            sizes.add(new int[] {field, out.size() - field - 4});
        }

        void element(String name, List<Value> values, Value v) {
            open(name, false).close();
            substitution(values, v, false).end();
        }

        void eof() {
            out.write(0x00);
        }

        private void name(String name) {
            writeInt(out, pos() + 4);
            writeInt(out, 0);
            writeShort(out, 0);
            writeShort(out, name.length());
            out.writeBytes(name.getBytes(StandardCharsets.UTF_16LE));
            writeShort(out, 0);
        }

        byte[] bytes() {
            byte[] b = out.toByteArray();
            for (int at : flags) {
                b[at] = 0x46;
            }
            for (int[] size : sizes) {
                putInt(b, size[0], size[1]);
            }
            return b;
        }
    }

    private static int crc(byte[] b, int from, int length) {
        CRC32 c = new CRC32();
        c.update(b, from, length);
        return (int) c.getValue();
    }

    private static void put(byte[] b, int at, byte[] v) {
        System.arraycopy(v, 0, b, at, v.length);
    }

    public static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) v);
        putInt(b, at + 4, (int) (v >>> 32));
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static void writeInt(ByteArrayOutputStream o, int v) {
        for (int i = 0; i < 4; i++) {
            o.write(v >>> (8 * i));
        }
    }

    private static void writeShort(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
    }
}
