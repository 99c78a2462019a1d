package org.logonrights.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.logonrights.model.Sid;

/**
 * Decodes the TOKEN_GROUPS that AuthzGetInformationFromContext(AuthzContextInfoGroupsSids) writes
 * into our buffer (winnt.h): {@code DWORD GroupCount}, then, aligned to a pointer,
 * {@code SID_AND_ATTRIBUTES Groups[GroupCount]} of {@code PSID Sid; DWORD Attributes} padded to two
 * pointers (8 bytes on x86, 16 on x64), then the SIDs themselves.
 *
 * <p>Every offset is checked against the buffer size and every SID must lie inside the buffer, so a
 * malformed answer is an {@link IllegalArgumentException}, never a read of foreign memory.
 */
final class TokenGroups {

    private TokenGroups() {
    }

    /** One group of the context and its SE_GROUP_* attributes. */
    record Group(Sid sid, int attributes) {
    }

    /** The offset of {@code Groups[0]}: the DWORD count padded to pointer alignment. */
    static long arrayOffset() {
        return Native.POINTER_SIZE;
    }

    /** The size of one SID_AND_ATTRIBUTES: a pointer and a DWORD, padded to pointer alignment. */
    static long entrySize() {
        return 2L * Native.POINTER_SIZE;
    }

    static List<Group> decode(Pointer buffer, long size) {
        if (buffer == null) {
            throw new IllegalArgumentException("no buffer");
        }
        if (size < arrayOffset()) {
            throw new IllegalArgumentException("buffer of " + size + " bytes cannot hold a TOKEN_GROUPS");
        }
        long count = Integer.toUnsignedLong(buffer.getInt(0));
        if (arrayOffset() + count * entrySize() > size) {
            throw new IllegalArgumentException("GroupCount " + count + " does not fit a buffer of " + size + " bytes");
        }
        long base = Pointer.nativeValue(buffer);
        List<Group> groups = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long at = arrayOffset() + i * entrySize();
            Pointer sid = buffer.getPointer(at);
            int attributes = buffer.getInt(at + Native.POINTER_SIZE);
            groups.add(new Group(readInside(sid, base, size, i), attributes));
        }
        return groups;
    }

    private static Sid readInside(Pointer sid, long base, long size, long index) {
        if (sid == null) {
            throw new IllegalArgumentException("group " + index + " has a null SID");
        }
        long offset = Pointer.nativeValue(sid) - base;
        if (offset < 0 || offset + 8 > size) {
            throw new IllegalArgumentException("group " + index + "'s SID lies outside the buffer");
        }
        int subAuthorities = sid.getByte(1) & 0xFF;
        if (offset + 8 + 4L * subAuthorities > size) {
            throw new IllegalArgumentException("group " + index + "'s SID runs past the end of the buffer");
        }
        return SidCodec.read(sid);
    }
}
