package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.logonrights.model.Sid;

/**
 * Lays out LSA output buffers byte by byte as 64-bit Windows returns them, with hard-coded offsets
 * (never the production Structure classes, so the two check each other). Padding and the bytes
 * after each string are filled with non-zero garbage, and no string is NUL-terminated. Keeps every
 * block it allocates reachable for the life of the test.
 */
final class X64LsaBuffers {

    static final int POINTER = 8;
    /** USHORT Length @0, USHORT MaximumLength @2, 4 bytes padding, PWSTR Buffer @8. */
    static final int UNICODE_STRING = 16;
    /** SID_NAME_USE Use @0, padding @4, LSA_UNICODE_STRING Name @8, LONG DomainIndex @24, padding @28. */
    static final int TRANSLATED_NAME = 32;
    /** LSA_UNICODE_STRING Name @0, PSID Sid @16. */
    static final int TRUST_INFORMATION = 24;
    /** ULONG Entries @0, padding @4, PLSA_TRUST_INFORMATION Domains @8. */
    static final int REFERENCED_DOMAIN_LIST = 16;

    static final byte GARBAGE = (byte) 0xA5;

    private final List<Memory> blocks = new ArrayList<>();

    static void requireX64() {
        if (Native.POINTER_SIZE != 8) {
            throw new AssertionError("these fixtures encode the 64-bit Windows layout; this JVM has "
                    + Native.POINTER_SIZE + "-byte pointers");
        }
    }

    X64LsaBuffers() {
        requireX64();
    }

    Memory allocate(long size) {
        Memory m = new Memory(size);
        byte[] fill = new byte[(int) size];
        Arrays.fill(fill, GARBAGE);
        m.write(0, fill, 0, fill.length);
        blocks.add(m);
        return m;
    }

    Memory sid(Sid sid) {
        byte[] b = SidCodec.encode(sid);
        Memory m = allocate(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    /** UTF-16LE text followed by {@code trailing} garbage bytes and no terminator. */
    Memory text(String s, int trailing) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = allocate(b.length + (long) trailing);
        if (b.length > 0) {
            m.write(0, b, 0, b.length);
        }
        return m;
    }

    /** Writes an LSA_UNICODE_STRING at {@code at}: MaximumLength covers the trailing garbage too. */
    void unicodeString(Pointer at, long offset, String s) {
        int trailing = 6;
        Memory buffer = text(s, trailing);
        int length = s.length() * 2;
        at.setShort(offset, (short) length);
        at.setShort(offset + 2, (short) (length + trailing));
        at.setPointer(offset + 8, buffer);
    }

    /** LsaEnumerateAccountsWithUserRight's output: PSID[] pointing at separately laid-out SIDs. */
    Memory enumeration(List<Sid> sids) {
        Memory array = allocate((long) sids.size() * POINTER);
        for (int i = 0; i < sids.size(); i++) {
            array.setPointer((long) i * POINTER, sid(sids.get(i)));
        }
        return array;
    }

    record Domain(String name, Sid sid) {
    }

    record Name(int use, String name, int domainIndex) {
    }

    Memory referencedDomains(List<Domain> domains) {
        Memory list = allocate(REFERENCED_DOMAIN_LIST);
        list.setInt(0, domains.size());
        if (domains.isEmpty()) {
            list.setPointer(8, null);
            return list;
        }
        Memory array = allocate((long) domains.size() * TRUST_INFORMATION);
        for (int i = 0; i < domains.size(); i++) {
            long base = (long) i * TRUST_INFORMATION;
            unicodeString(array, base, domains.get(i).name());
            array.setPointer(base + 16, domains.get(i).sid() == null ? null : sid(domains.get(i).sid()));
        }
        list.setPointer(8, array);
        return list;
    }

    Memory translatedNames(List<Name> names) {
        Memory array = allocate((long) names.size() * TRANSLATED_NAME);
        for (int i = 0; i < names.size(); i++) {
            long base = (long) i * TRANSLATED_NAME;
            array.setInt(base, names.get(i).use());
            unicodeString(array, base + 8, names.get(i).name());
            array.setInt(base + 24, names.get(i).domainIndex());
        }
        return array;
    }
}
