package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.List;
import org.logonrights.model.Sid;

/**
 * Converts between {@link Sid} and the binary SID layout (MS-DTYP 2.4.2.2): revision byte (1),
 * sub-authority count, 6-byte big-endian identifier authority, then little-endian 32-bit
 * sub-authorities. Written here rather than via Advapi32 so it works, and is tested, anywhere.
 */
final class SidCodec {

    static final int REVISION = 1;
    static final int MAX_SUB_AUTHORITIES = 15;
    private static final int HEADER = 8;
    private static final long MAX_AUTHORITY = 0xFFFF_FFFF_FFFFL;

    private SidCodec() {
    }

    /** The size of the binary form, 8 + 4 × sub-authorities. */
    static int length(Sid sid) {
        return HEADER + 4 * sid.subAuthorities().size();
    }

    static byte[] encode(Sid sid) {
        List<Long> subs = sid.subAuthorities();
        if (subs.size() > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("a SID has at most 15 sub-authorities: " + sid);
        }
        if (sid.authority() < 0 || sid.authority() > MAX_AUTHORITY) {
            throw new IllegalArgumentException("identifier authority does not fit 6 bytes: " + sid);
        }
        byte[] b = new byte[length(sid)];
        b[0] = REVISION;
        b[1] = (byte) subs.size();
        for (int i = 0; i < 6; i++) {
            b[2 + i] = (byte) (sid.authority() >>> (8 * (5 - i)));
        }
        for (int i = 0; i < subs.size(); i++) {
            long v = subs.get(i);
            int at = HEADER + 4 * i;
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
            b[at + 2] = (byte) (v >>> 16);
            b[at + 3] = (byte) (v >>> 24);
        }
        return b;
    }

    /** Decodes a whole binary SID; the array must be exactly as long as the SID says. */
    static Sid decode(byte[] b) {
        if (b.length < HEADER) {
            throw new IllegalArgumentException("a SID needs at least 8 bytes, got " + b.length);
        }
        int count = checkHeader(b[0], b[1]);
        if (b.length != HEADER + 4 * count) {
            throw new IllegalArgumentException("a SID with " + count + " sub-authorities has "
                    + (HEADER + 4 * count) + " bytes, got " + b.length);
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | (b[2 + i] & 0xFF);
        }
        long[] subs = new long[count];
        for (int i = 0; i < count; i++) {
            int at = HEADER + 4 * i;
            subs[i] = (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
        }
        return Sid.of(authority, subs);
    }

    /** Reads the SID a PSID points at, reading no byte beyond it. */
    static Sid read(Pointer psid) {
        if (psid == null) {
            throw new IllegalArgumentException("null PSID");
        }
        byte[] header = psid.getByteArray(0, HEADER);
        int count = checkHeader(header[0], header[1]);
        return decode(psid.getByteArray(0, HEADER + 4 * count));
    }

    /**
     * Lays out a {@code PSID[]} for LsaLookupSids2 in one block: the pointer array, then the SIDs
     * it points at. One block means the SIDs stay reachable as long as the array passed to the
     * call does. Close it after the call.
     */
    static Memory pointerArray(List<Sid> sids) {
        if (sids.isEmpty()) {
            throw new IllegalArgumentException("no SIDs");
        }
        long arrayBytes = (long) sids.size() * Native.POINTER_SIZE;
        long total = arrayBytes;
        for (Sid s : sids) {
            total += length(s);
        }
        Memory block = new Memory(total);
        long at = arrayBytes;
        for (int i = 0; i < sids.size(); i++) {
            byte[] b = encode(sids.get(i));
            block.write(at, b, 0, b.length);
            block.setPointer((long) i * Native.POINTER_SIZE, block.share(at, b.length));
            at += b.length;
        }
        return block;
    }

    private static int checkHeader(byte revision, byte count) {
        if (revision != REVISION) {
            throw new IllegalArgumentException("unsupported SID revision " + (revision & 0xFF));
        }
        int n = count & 0xFF;
        if (n > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("SID claims " + n + " sub-authorities (at most 15)");
        }
        return n;
    }
}
