package org.logonrights.sources;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the Binary XML of .evtx records into {@link EventElement}s, within one 64 KiB chunk
 * (libyal, "Windows XML Event Log (EVTX) format", and MS-EVEN6 BinXml). Names and template
 * definitions are chunk offsets, so everything is read from the chunk's bytes and every read is
 * bounds-checked; templates may refer to other templates and substitution values may hold Binary
 * XML again, so expansion is bounded in depth, in work per record and against a template that
 * contains itself. Anything out of bounds is a {@link Malformed} for that record only.
 */
final class BinaryXml {

    /** Deepest element nesting accepted; real events are 4 or 5 deep. */
    static final int MAX_DEPTH = 64;
    /** Deepest nesting of templates and Binary XML values; real records use 2. */
    static final int MAX_NESTING = 8;
    /** Tokens decoded for one record, template expansions included; real records take a few hundred. */
    static final int MAX_TOKENS = 100_000;

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private static final int T_END_OF_STREAM = 0x00;
    private static final int T_OPEN_START_ELEMENT = 0x01;
    private static final int T_CLOSE_START_ELEMENT = 0x02;
    private static final int T_CLOSE_EMPTY_ELEMENT = 0x03;
    private static final int T_END_ELEMENT = 0x04;
    private static final int T_VALUE = 0x05;
    private static final int T_ATTRIBUTE = 0x06;
    private static final int T_CDATA = 0x07;
    private static final int T_CHAR_REFERENCE = 0x08;
    private static final int T_ENTITY_REFERENCE = 0x09;
    private static final int T_PI_TARGET = 0x0a;
    private static final int T_PI_DATA = 0x0b;
    private static final int T_TEMPLATE_INSTANCE = 0x0c;
    private static final int T_NORMAL_SUBSTITUTION = 0x0d;
    private static final int T_OPTIONAL_SUBSTITUTION = 0x0e;
    private static final int T_FRAGMENT_HEADER = 0x0f;
    /** Token flag: an element with attributes, or more data follows. */
    private static final int MORE = 0x40;

    private static final int V_NULL = 0x00;
    private static final int V_BINXML = 0x21;
    private static final int V_ARRAY = 0x80;

    /** A record's Binary XML that cannot be decoded; the message says what and where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final byte[] chunk;
    private int tokens;
    private final Set<Integer> expanding = new HashSet<>();

    /** @param chunk the chunk's bytes; offsets in names and templates are relative to its start */
    BinaryXml(byte[] chunk) {
        this.chunk = chunk;
    }

    /** Decodes one record's event, the Binary XML in chunk bytes [start, end). */
    EventElement decodeEvent(int start, int end) throws Malformed {
        tokens = 0;
        expanding.clear();
        Node root = new Node("");
        Cursor c = new Cursor(start, end);
        int stop = content(c, List.of(), false, root, 0, 0);
        if (stop == T_END_ELEMENT) {
            throw new Malformed("end of an element that was never opened at offset " + c.pos);
        }
        if (root.children.size() != 1) {
            throw new Malformed("the record holds " + root.children.size() + " top-level elements, not one event");
        }
        return root.children.get(0).build();
    }

    /** An element under construction. */
    private static final class Node {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        /** Items of an array value: the element stands for one copy of itself per item. */
        List<String> items;
        /** Content seen other than optional substitutions without a value. */
        boolean hasContent;
        /** An optional substitution without a value was its content. */
        boolean emptied;

        Node(String name) {
            this.name = name;
        }

        /** Windows leaves out an element whose only content is an optional substitution without a value. */
        boolean dropped() {
            return emptied && !hasContent && items == null;
        }

        void addChild(Node child) {
            hasContent = true;
            if (child.items != null) {
                for (String item : child.items) {
                    Node copy = new Node(child.name);
                    copy.attributes.putAll(child.attributes);
                    copy.text.append(item);
                    children.add(copy);
                }
            } else if (!child.dropped()) {
                children.add(child);
            }
        }

        void addText(String s) {
            hasContent = true;
            text.append(s);
        }

        EventElement build() {
            List<EventElement> built = new ArrayList<>(children.size());
            for (Node child : children) {
                built.add(child.build());
            }
            return new EventElement(name, attributes, built, text.toString());
        }
    }

    /** One substitution value: its type and where its bytes are in the chunk. */
    private record Value(int type, int start, int size) {
    }

    /**
     * Reads content tokens into {@code into} until the end of the stream or the end of the element;
     * returns which of the two ended it.
     */
    private int content(Cursor c, List<Value> values, boolean inTemplate, Node into, int depth, int nesting)
            throws Malformed {
        while (true) {
            if (!c.more()) {
                return T_END_OF_STREAM; // a fragment may end with its bytes instead of an explicit token
            }
            int token = c.peek();
            count();
            switch (token & ~MORE) {
                case T_END_OF_STREAM -> {
                    c.u8();
                    return T_END_OF_STREAM;
                }
                case T_END_ELEMENT -> {
                    c.u8();
                    return T_END_ELEMENT;
                }
                case T_OPEN_START_ELEMENT -> into.addChild(element(c, values, inTemplate, depth + 1, nesting));
                case T_VALUE, T_CDATA, T_CHAR_REFERENCE, T_ENTITY_REFERENCE -> into.addText(text(c));
                case T_PI_TARGET -> {
                    c.u8();
                    name(c);
                }
                case T_PI_DATA -> {
                    c.u8();
                    c.utf16(c.u16());
                }
                case T_TEMPLATE_INSTANCE -> template(c, into, depth, nesting);
                case T_NORMAL_SUBSTITUTION, T_OPTIONAL_SUBSTITUTION -> substitute(c, values, into, depth, nesting);
                case T_FRAGMENT_HEADER -> {
                    c.u8();
                    c.skip(3);
                }
                default -> throw new Malformed("unexpected token 0x" + hex2(token) + " at offset " + c.pos);
            }
        }
    }

    private Node element(Cursor c, List<Value> values, boolean inTemplate, int depth, int nesting)
            throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("elements nested deeper than " + MAX_DEPTH);
        }
        int token = c.u8();
        if (inTemplate) {
            c.u16(); // dependency identifier: present in template definitions only
        }
        c.u32(); // data size: not needed, the tokens delimit the element
        Node node = new Node(name(c));
        if ((token & MORE) != 0) {
            c.u32(); // attribute list size
            while (c.more() && (c.peek() & ~MORE) == T_ATTRIBUTE) {
                count();
                c.u8();
                String attributeName = name(c);
                StringBuilder value = new StringBuilder();
                boolean present = attributeValue(c, values, value);
                if (present) {
                    node.attributes.put(attributeName, value.toString());
                }
            }
        }
        int close = c.u8();
        if (close == T_CLOSE_EMPTY_ELEMENT) {
            return node;
        }
        if (close != T_CLOSE_START_ELEMENT) {
            throw new Malformed("element '" + node.name + "' not closed by its start tag at offset " + (c.pos - 1));
        }
        if (content(c, values, inTemplate, node, depth, nesting) != T_END_ELEMENT) {
            throw new Malformed("element '" + node.name + "' has no end");
        }
        return node;
    }

    /** An attribute's value tokens; false when it is only optional substitutions without a value. */
    private boolean attributeValue(Cursor c, List<Value> values, StringBuilder out) throws Malformed {
        boolean present = false;
        boolean any = false;
        while (c.more()) {
            int token = c.peek() & ~MORE;
            if (token == T_VALUE || token == T_CHAR_REFERENCE || token == T_ENTITY_REFERENCE || token == T_CDATA) {
                count();
                out.append(text(c));
                present = true;
            } else if (token == T_NORMAL_SUBSTITUTION || token == T_OPTIONAL_SUBSTITUTION) {
                count();
                c.u8();
                Value v = value(values, c.u16());
                c.u8(); // the declared type: the value's own type is the one that counts
                if (token == T_NORMAL_SUBSTITUTION || !isEmpty(v)) {
                    if (v.type == V_BINXML) {
                        throw new Malformed("Binary XML used as an attribute value");
                    }
                    out.append(render(v));
                    present = true;
                }
            } else {
                break;
            }
            any = true;
        }
        if (!any) {
            throw new Malformed("attribute without a value at offset " + c.pos);
        }
        return present;
    }

    private String text(Cursor c) throws Malformed {
        int token = c.u8() & ~MORE;
        switch (token) {
            case T_VALUE -> {
                int type = c.u8();
                if (type != 0x01) {
                    throw new Malformed("value token of type 0x" + hex2(type) + ", not a string, at offset " + c.pos);
                }
                return c.utf16(c.u16());
            }
            case T_CDATA -> {
                return c.utf16(c.u16());
            }
            case T_CHAR_REFERENCE -> {
                return String.valueOf((char) c.u16());
            }
            default -> {
                String entity = name(c);
                return switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> "&" + entity + ";";
                };
            }
        }
    }

    private void template(Cursor c, Node into, int depth, int nesting) throws Malformed {
        if (nesting >= MAX_NESTING) {
            throw new Malformed("templates nested deeper than " + MAX_NESTING);
        }
        c.u8();
        c.u8(); // unknown, 1
        c.u32(); // template id: the definition's offset is what identifies it here
        int definition = c.u32();
        int bodySize;
        if (definition == c.pos) {
            c.u32(); // next template in the chunk's hash chain
            c.skip(16); // GUID
            bodySize = c.u32();
            c.skip(bodySize);
        } else {
            Cursor header = new Cursor(definition, chunk.length);
            header.skip(20);
            bodySize = header.u32();
        }
        int bodyStart = definition + 24;
        if (definition < 0 || bodySize < 0 || (long) bodyStart + bodySize > chunk.length) {
            throw new Malformed("template definition at offset " + Integer.toUnsignedString(definition)
                    + " lies outside the chunk");
        }
        List<Value> values = substitutionValues(c);
        if (!expanding.add(definition)) {
            throw new Malformed("template at offset " + definition + " contains itself");
        }
        Cursor body = new Cursor(bodyStart, bodyStart + bodySize);
        int stop = content(body, values, true, into, depth, nesting + 1);
        if (stop == T_END_ELEMENT) {
            throw new Malformed("template at offset " + definition + " ends an element it did not open");
        }
        expanding.remove(definition);
    }

    private List<Value> substitutionValues(Cursor c) throws Malformed {
        int n = c.u32();
        if (n < 0 || (long) n * 4 > c.remaining()) {
            throw new Malformed("substitution count " + Integer.toUnsignedString(n) + " exceeds the record");
        }
        int[] sizes = new int[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = c.u16();
            types[i] = c.u8();
            c.u8();
        }
        List<Value> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(new Value(types[i], c.pos, sizes[i]));
            c.skip(sizes[i]);
        }
        return values;
    }

    private void substitute(Cursor c, List<Value> values, Node into, int depth, int nesting) throws Malformed {
        boolean optional = (c.u8() & ~MORE) == T_OPTIONAL_SUBSTITUTION;
        Value v = value(values, c.u16());
        c.u8();
        if (optional && isEmpty(v)) {
            into.emptied = true;
            return;
        }
        if (v.type == V_BINXML) {
            if (nesting >= MAX_NESTING) {
                throw new Malformed("Binary XML values nested deeper than " + MAX_NESTING);
            }
            Cursor inner = new Cursor(v.start, v.start + v.size);
            if (content(inner, List.of(), false, into, depth, nesting + 1) == T_END_ELEMENT) {
                throw new Malformed("a Binary XML value ends an element it did not open");
            }
        } else if ((v.type & V_ARRAY) != 0) {
            // Windows renders an array as the enclosing element repeated, one per item.
            into.items = items(v);
        } else {
            into.addText(render(v));
        }
    }

    private static Value value(List<Value> values, int index) throws Malformed {
        if (index >= values.size()) {
            throw new Malformed("substitution " + index + " of " + values.size() + " values");
        }
        return values.get(index);
    }

    private static boolean isEmpty(Value v) {
        return v.type == V_NULL || v.size == 0;
    }

    private void count() throws Malformed {
        if (++tokens > MAX_TOKENS) {
            throw new Malformed("more than " + MAX_TOKENS + " tokens in one record");
        }
    }

    /** A name structure: next offset (4), hash (2), character count (2), the characters, a NUL. */
    private String name(Cursor c) throws Malformed {
        int offset = c.u32();
        if (offset == c.pos) {
            c.skip(6);
            String name = c.utf16(c.u16());
            c.u16();
            return name;
        }
        Cursor at = new Cursor(offset, chunk.length);
        at.skip(6);
        return at.utf16(at.u16());
    }

    /** A substitution value as text, formatted the way Windows and libevtx print it. */
    private String render(Value v) throws Malformed {
        int base = v.type & ~V_ARRAY;
        if ((v.type & V_ARRAY) != 0) {
            return renderArray(v, base);
        }
        Cursor c = new Cursor(v.start, v.start + v.size);
        return switch (base) {
            case 0x00 -> "";
            case 0x01 -> stripNuls(c.utf16(v.size / 2));
            case 0x02 -> stripNuls(new String(chunk, v.start, v.size, StandardCharsets.ISO_8859_1));
            case 0x03 -> Byte.toString((byte) fixed(c, v, 1));
            case 0x04 -> Long.toString(fixed(c, v, 1));
            case 0x05 -> Short.toString((short) fixed(c, v, 2));
            case 0x06 -> Long.toString(fixed(c, v, 2));
            case 0x07 -> Integer.toString((int) fixed(c, v, 4));
            case 0x08 -> Long.toString(fixed(c, v, 4));
            case 0x09 -> Long.toString(fixed(c, v, 8));
            case 0x0a -> Long.toUnsignedString(fixed(c, v, 8));
            case 0x0b -> Float.toString(Float.intBitsToFloat((int) fixed(c, v, 4)));
            case 0x0c -> Double.toString(Double.longBitsToDouble(fixed(c, v, 8)));
            case 0x0d -> fixed(c, v, 4) != 0 ? "true" : "false";
            case 0x0f -> guid(c, v);
            case 0x10 -> v.size == 4 ? hex32(fixed(c, v, 4)) : hex64(fixed(c, v, 8));
            case 0x11 -> filetime(fixed(c, v, 8));
            case 0x12 -> systemtime(c, v);
            case 0x13 -> sid(c, v);
            case 0x14 -> hex32(fixed(c, v, 4));
            case 0x15 -> hex64(fixed(c, v, 8));
            default -> hexBytes(v.start, v.size); // binary (0x0e) and handles
        };
    }

    private String renderArray(Value v, int base) throws Malformed {
        return String.join(",", items(v));
    }

    private List<String> items(Value v) throws Malformed {
        int base = v.type & ~V_ARRAY;
        if (v.size == 0) {
            return List.of();
        }
        if (base == 0x01) {
            // Each item ends with a NUL, so the last NUL ends the last item, which may be empty.
            String all = new Cursor(v.start, v.start + v.size).utf16(v.size / 2);
            String items = all.endsWith("\u0000") ? all.substring(0, all.length() - 1) : all;
            return List.of(items.split("\u0000", -1));
        }
        int width = switch (base) {
            case 0x03, 0x04 -> 1;
            case 0x05, 0x06 -> 2;
            case 0x07, 0x08, 0x0b, 0x0d, 0x14 -> 4;
            case 0x09, 0x0a, 0x0c, 0x11, 0x15 -> 8;
            case 0x0f, 0x12 -> 16;
            default -> 0;
        };
        if (width == 0) {
            return List.of(hexBytes(v.start, v.size));
        }
        if (v.size % width != 0) {
            throw new Malformed("array of " + v.size + " bytes is not a whole number of " + width + "-byte items");
        }
        List<String> items = new ArrayList<>();
        for (int at = v.start; at < v.start + v.size; at += width) {
            items.add(render(new Value(base, at, width)));
        }
        return items;
    }

    private static long fixed(Cursor c, Value v, int width) throws Malformed {
        if (v.size != width) {
            throw new Malformed("value of type 0x" + hex2(v.type) + " has " + v.size + " bytes, not " + width);
        }
        return switch (width) {
            case 1 -> c.u8();
            case 2 -> c.u16();
            case 4 -> Integer.toUnsignedLong(c.u32());
            default -> c.u64();
        };
    }

    private static String guid(Cursor c, Value v) throws Malformed {
        if (v.size != 16) {
            throw new Malformed("GUID of " + v.size + " bytes");
        }
        long data1 = Integer.toUnsignedLong(c.u32());
        int data2 = c.u16();
        int data3 = c.u16();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "{%08X-%04X-%04X-", data1, data2, data3));
        for (int i = 0; i < 8; i++) {
            if (i == 2) {
                b.append('-');
            }
            b.append(String.format(Locale.ROOT, "%02X", c.u8()));
        }
        return b.append('}').toString();
    }

    /** FILETIME (100 ns since 1601, UTC) as ISO-8601 with its full 7-digit precision. */
    static String filetime(long ticks) {
        long sinceEpoch = ticks - FILETIME_EPOCH_OFFSET;
        Instant t = Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L),
                Math.floorMod(sinceEpoch, 10_000_000L) * 100);
        return UTC_TIME.format(t);
    }

    private static String systemtime(Cursor c, Value v) throws Malformed {
        if (v.size != 16) {
            throw new Malformed("SYSTEMTIME of " + v.size + " bytes");
        }
        int year = c.u16();
        int month = c.u16();
        c.u16(); // day of week
        int day = c.u16();
        int hour = c.u16();
        int minute = c.u16();
        int second = c.u16();
        int millis = c.u16();
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day, hour, minute,
                second, millis);
    }

    private static String sid(Cursor c, Value v) throws Malformed {
        if (v.size < 8) {
            throw new Malformed("SID of " + v.size + " bytes");
        }
        int revision = c.u8();
        int count = c.u8();
        if (v.size != 8 + 4 * count) {
            throw new Malformed("SID of " + v.size + " bytes with " + count + " sub-authorities");
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | c.u8();
        }
        StringBuilder b = new StringBuilder("S-").append(revision).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            b.append('-').append(Integer.toUnsignedString(c.u32()));
        }
        return b.toString();
    }

    private String hexBytes(int start, int size) {
        StringBuilder b = new StringBuilder(size * 2);
        for (int i = start; i < start + size; i++) {
            b.append(String.format(Locale.ROOT, "%02X", chunk[i] & 0xff));
        }
        return b.toString();
    }

    private static String hex32(long v) {
        return String.format(Locale.ROOT, "0x%08x", v);
    }

    private static String hex64(long v) {
        return String.format(Locale.ROOT, "0x%016x", v);
    }

    private static String hex2(int v) {
        return String.format(Locale.ROOT, "%02x", v);
    }

    private static String stripNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Reads little-endian values from chunk bytes [pos, end), never past end. */
    private final class Cursor {
        int pos;
        final int end;

        Cursor(int pos, int end) throws Malformed {
            if (pos < 0 || end > chunk.length || pos > end) {
                throw new Malformed("offset " + Integer.toUnsignedString(pos) + " lies outside the chunk");
            }
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        int remaining() {
            return end - pos;
        }

        int peek() throws Malformed {
            need(1);
            return chunk[pos] & 0xff;
        }

        void need(long n) throws Malformed {
            if (n < 0 || n > end - pos) {
                throw new Malformed(n + " bytes needed at offset " + pos + ", " + (end - pos) + " left");
            }
        }

        void skip(long n) throws Malformed {
            need(n);
            pos += (int) n;
        }

        int u8() throws Malformed {
            need(1);
            return chunk[pos++] & 0xff;
        }

        int u16() throws Malformed {
            need(2);
            int v = (chunk[pos] & 0xff) | (chunk[pos + 1] & 0xff) << 8;
            pos += 2;
            return v;
        }

        int u32() throws Malformed {
            need(4);
            int v = (chunk[pos] & 0xff) | (chunk[pos + 1] & 0xff) << 8 | (chunk[pos + 2] & 0xff) << 16
                    | (chunk[pos + 3] & 0xff) << 24;
            pos += 4;
            return v;
        }

        long u64() throws Malformed {
            long low = Integer.toUnsignedLong(u32());
            return low | ((long) u32()) << 32;
        }

        String utf16(int chars) throws Malformed {
            need(2L * chars);
            String s = new String(chunk, pos, 2 * chars, StandardCharsets.UTF_16LE);
            pos += 2 * chars;
            return s;
        }
    }
}
