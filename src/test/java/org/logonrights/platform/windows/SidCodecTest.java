package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Sid;

class SidCodecTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static final byte[] ADMINISTRATORS = bytes(
            1, 2, 0, 0, 0, 0, 0, 5,
            0x20, 0, 0, 0,
            0x20, 0x02, 0, 0);

    @Test
    void encodesBuiltinAdministratorsByteForByte() {
        assertArrayEquals(ADMINISTRATORS, SidCodec.encode(Sid.parse("S-1-5-32-544")));
        assertEquals(Sid.parse("S-1-5-32-544"), SidCodec.decode(ADMINISTRATORS));
    }

    @Test
    void authorityIsBigEndianAndSubAuthoritiesLittleEndianUnsigned() {
        byte[] b = bytes(
                1, 2, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
                0xFF, 0xFF, 0xFF, 0xFF,
                0x78, 0x56, 0x34, 0x12);
        Sid sid = Sid.of(0x010203040506L, 0xFFFF_FFFFL, 0x12345678L);
        assertEquals(sid, SidCodec.decode(b));
        assertArrayEquals(b, SidCodec.encode(sid));
        assertEquals("S-1-1108152157446-4294967295-305419896", SidCodec.decode(b).toString());
    }

    @Test
    void roundTripsTheShapesThatOccurInRights() {
        for (String s : List.of("S-1-1-0", "S-1-5-18", "S-1-16-12288", "S-1-5-80-0",
                "S-1-5-21-1004336348-1177238915-682003330-512",
                "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415")) {
            Sid sid = Sid.parse(s);
            assertEquals(sid, SidCodec.decode(SidCodec.encode(sid)), s);
            assertEquals(8 + 4 * sid.subAuthorities().size(), SidCodec.length(sid));
        }
        assertEquals(Sid.of(5), SidCodec.decode(bytes(1, 0, 0, 0, 0, 0, 0, 5)));
    }

    @Test
    void rejectsWhatIsNotARevisionOneSid() {
        byte[] revision2 = ADMINISTRATORS.clone();
        revision2[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> SidCodec.decode(revision2));
        byte[] sixteenSubs = new byte[8 + 64];
        sixteenSubs[0] = 1;
        sixteenSubs[1] = 16;
        assertThrows(IllegalArgumentException.class, () -> SidCodec.decode(sixteenSubs));
        assertThrows(IllegalArgumentException.class, () -> SidCodec.decode(bytes(1, 2, 0, 0, 0, 0, 0, 5, 0x20, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> SidCodec.decode(bytes(1, 0, 0)));
        long[] sixteen = new long[16];
        assertThrows(IllegalArgumentException.class, () -> SidCodec.encode(Sid.of(5, sixteen)));
    }

    @Test
    void readsFromAPsidWithoutReadingPastTheSid() {
        // A Memory exactly as large as the SID: any read beyond it throws.
        Memory m = new Memory(ADMINISTRATORS.length);
        m.write(0, ADMINISTRATORS, 0, ADMINISTRATORS.length);
        assertEquals(Sid.parse("S-1-5-32-544"), SidCodec.read(m));
        assertThrows(IllegalArgumentException.class, () -> SidCodec.read(null));
    }

    @Test
    void laysOutAPsidArrayWhosePointersReachEachSid() {
        List<Sid> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sids.add(Sid.parse("S-1-5-21-1-2-3-" + (1000 + i)));
        }
        sids.add(Sid.parse("S-1-1-0"));
        try (Memory block = SidCodec.pointerArray(sids)) {
            for (int i = 0; i < sids.size(); i++) {
                Pointer p = block.getPointer((long) i * Native.POINTER_SIZE);
                assertEquals(sids.get(i), SidCodec.read(p));
                assertEquals(0, Pointer.nativeValue(p) % 4, "SIDs are DWORD-aligned");
                long offset = Pointer.nativeValue(p) - Pointer.nativeValue(block);
                assertTrue(offset >= (long) sids.size() * Native.POINTER_SIZE && offset < block.size(),
                        "the SIDs live in the same block as the array, after it");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SidCodec.pointerArray(List.of()));
    }
}
