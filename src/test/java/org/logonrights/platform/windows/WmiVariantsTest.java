package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WmiVariants} reads VARIANTs, BSTRs and SAFEARRAYs laid out by hand as 64-bit Windows does:
 * VARIANT vt @0, value @8 (24 bytes); SAFEARRAY cDims @0, fFeatures @2, cbElements @4, cLocks @8,
 * pvData @16, cElements @24, lLbound @28; BSTR = 4-byte byte count, then UTF-16LE, then a NUL.
 */
class WmiVariantsTest {

    private final List<Memory> keep = new ArrayList<>();

    @BeforeAll
    static void x64() {
        X64LsaBuffers.requireX64();
    }

    private Memory block(long size) {
        Memory m = new Memory(size);
        m.clear();
        keep.add(m);
        return m;
    }

    /** A BSTR: the pointer COM hands out points after the length prefix. */
    private Pointer bstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = block(4L + b.length + 2);
        m.setInt(0, b.length);
        m.write(4, b, 0, b.length);
        return new Pointer(Pointer.nativeValue(m) + 4);
    }

    private Memory variant(int vt) {
        Memory v = block(24);
        v.setShort(0, (short) vt);
        v.setShort(2, (short) 0x1234); // reserved words hold garbage
        return v;
    }

    private Memory safeArrayOf(String... values) {
        Memory data = block(8L * Math.max(1, values.length));
        for (int i = 0; i < values.length; i++) {
            data.setPointer(8L * i, values[i] == null ? null : bstr(values[i]));
        }
        Memory sa = block(32);
        sa.setShort(0, (short) 1);
        sa.setShort(2, (short) 0x0180); // FADF_BSTR | FADF_HAVEVARTYPE
        sa.setInt(4, 8);
        sa.setInt(8, 0);
        sa.setPointer(16, data);
        sa.setInt(24, values.length);
        sa.setInt(28, 0);
        return sa;
    }

    @Test
    void theX64SafeArrayOffsetsAreSixteenAndTwentyFour() {
        assertEquals(16, WmiVariants.dataOffset());
        assertEquals(24, WmiVariants.boundsOffset());
    }

    @Test
    void aStringArrayIsReadInOrderWithNullBstrsAsEmpty() {
        Memory v = variant(WmiVariants.VT_ARRAY | WmiVariants.VT_BSTR);
        v.setPointer(8, safeArrayOf("BUILTIN\\Administrators", "CONTOSO\\svc-web", null, "Zoë\\Ünïcode"));
        assertEquals(List.of("BUILTIN\\Administrators", "CONTOSO\\svc-web", "", "Zoë\\Ünïcode"), WmiVariants.decode(v));
    }

    @Test
    void anEmptyOrNullArrayIsAnEmptyList() {
        Memory v = variant(WmiVariants.VT_ARRAY | WmiVariants.VT_BSTR);
        v.setPointer(8, safeArrayOf());
        assertEquals(List.of(), WmiVariants.decode(v));
        v.setPointer(8, null);
        assertEquals(List.of(), WmiVariants.decode(v));
    }

    @Test
    void scalarsAreReadFromTheValueAtEight() {
        Memory s = variant(WmiVariants.VT_BSTR);
        s.setPointer(8, bstr("SeBatchLogonRight"));
        assertEquals("SeBatchLogonRight", WmiVariants.decode(s));
        Memory i = variant(WmiVariants.VT_I4);
        i.setInt(8, 2);
        i.setInt(12, 0x7777_7777);
        assertEquals(2, WmiVariants.decode(i));
        Memory b = variant(WmiVariants.VT_BOOL);
        b.setShort(8, (short) -1);
        assertEquals(true, WmiVariants.decode(b));
        assertNull(WmiVariants.decode(variant(WmiVariants.VT_NULL)));
        assertNull(WmiVariants.decode(variant(WmiVariants.VT_EMPTY)));
    }

    @Test
    void aBstrIsReadByItsPrefixNotToTheNul() {
        Memory s = variant(WmiVariants.VT_BSTR);
        Pointer p = bstr("ab");
        p.setShort(4, (short) 'c'); // overwrite the terminator: the prefix still says 4 bytes
        s.setPointer(8, p);
        assertEquals("ab", WmiVariants.decode(s));
    }

    @Test
    void malformedArraysAndUnknownTypesAreRejected() {
        Memory v = variant(WmiVariants.VT_ARRAY | WmiVariants.VT_BSTR);
        Memory twoDims = safeArrayOf("x");
        twoDims.setShort(0, (short) 2);
        v.setPointer(8, twoDims);
        assertThrows(IllegalArgumentException.class, () -> WmiVariants.decode(v));
        Memory ints = safeArrayOf("x");
        ints.setInt(4, 4);
        v.setPointer(8, ints);
        assertThrows(IllegalArgumentException.class, () -> WmiVariants.decode(v));
        Memory noData = safeArrayOf("x");
        noData.setPointer(16, null);
        v.setPointer(8, noData);
        assertThrows(IllegalArgumentException.class, () -> WmiVariants.decode(v));
        assertThrows(IllegalArgumentException.class, () -> WmiVariants.decode(variant(0x2003)));
        Memory odd = variant(WmiVariants.VT_BSTR);
        Pointer p = bstr("ab");
        p.setInt(-4, 3);
        odd.setPointer(8, p);
        assertThrows(IllegalArgumentException.class, () -> WmiVariants.decode(odd));
    }
}
