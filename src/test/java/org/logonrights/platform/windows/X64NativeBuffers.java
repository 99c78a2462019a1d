package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.logonrights.model.Sid;

/**
 * Lays out Authz and NetAPI buffers byte by byte as 64-bit Windows does, with hard-coded offsets
 * (never the production decoders, so the two check each other).
 */
final class X64NativeBuffers {

    /** TOKEN_GROUPS: DWORD GroupCount @0, padding @4, SID_AND_ATTRIBUTES[] @8. */
    static final int GROUPS_ARRAY = 8;
    /** SID_AND_ATTRIBUTES: PSID Sid @0, DWORD Attributes @8, padding @12. */
    static final int SID_AND_ATTRIBUTES = 16;

    private final List<Memory> blocks = new ArrayList<>();

    X64NativeBuffers() {
        X64LsaBuffers.requireX64();
    }

    record Group(Sid sid, int attributes) {
    }

    /** The size AuthzGetInformationFromContext reports for these groups: header, array, then the SIDs. */
    static int tokenGroupsSize(List<Group> groups) {
        int size = GROUPS_ARRAY + groups.size() * SID_AND_ATTRIBUTES;
        for (Group g : groups) {
            size += SidCodec.length(g.sid());
        }
        return size;
    }

    /** Writes TOKEN_GROUPS into a buffer the caller allocated, SIDs after the array, as Authz does. */
    static void writeTokenGroups(Pointer buffer, List<Group> groups) {
        buffer.setInt(0, groups.size());
        buffer.setInt(4, 0x5A5A_5A5A); // padding is garbage
        long sidAt = GROUPS_ARRAY + (long) groups.size() * SID_AND_ATTRIBUTES;
        for (int i = 0; i < groups.size(); i++) {
            long entry = GROUPS_ARRAY + (long) i * SID_AND_ATTRIBUTES;
            byte[] sid = SidCodec.encode(groups.get(i).sid());
            buffer.write(sidAt, sid, 0, sid.length);
            buffer.setPointer(entry, buffer.share(sidAt));
            buffer.setInt(entry + 8, groups.get(i).attributes());
            buffer.setInt(entry + 12, 0x5A5A_5A5A);
            sidAt += sid.length;
        }
    }

    /** A level-0 NetAPI answer: LPWSTR[] pointing at NUL-terminated UTF-16LE names. */
    Memory nameArray(List<String> names) {
        Memory array = keep(new Memory(Math.max(8L, 8L * names.size())));
        for (int i = 0; i < names.size(); i++) {
            array.setPointer(8L * i, wide(names.get(i)));
        }
        return array;
    }

    /** A NUL-terminated UTF-16LE string followed by garbage. */
    Memory wide(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = keep(new Memory(b.length + 6L));
        if (b.length > 0) {
            m.write(0, b, 0, b.length);
        }
        m.setShort(b.length, (short) 0);
        m.setInt(b.length + 2, 0xA5A5_A5A5);
        return m;
    }

    private Memory keep(Memory m) {
        blocks.add(m);
        return m;
    }
}
