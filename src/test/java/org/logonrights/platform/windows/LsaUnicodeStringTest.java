package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.logonrights.platform.windows.LsaApi.LSA_UNICODE_STRING;

class LsaUnicodeStringTest {

    @Test
    void readsExactlyLengthBytesWhenNonZeroGarbageFollowsWithoutATerminator() {
        X64LsaBuffers buffers = new X64LsaBuffers();
        Memory struct = buffers.allocate(X64LsaBuffers.UNICODE_STRING);
        buffers.unicodeString(struct, 0, "Administrators");
        LSA_UNICODE_STRING s = new LSA_UNICODE_STRING(struct);
        // The bytes right after the text are garbage, not a NUL: a read-to-NUL decoder would run on.
        assertEquals(X64LsaBuffers.GARBAGE, s.Buffer.getByte(28));
        assertEquals("Administrators", LsaUnicodeString.decode(s));
    }

    @Test
    void readsAStringThatEndsExactlyAtTheEndOfItsAllocation() {
        byte[] text = "IIS_IUSRS".getBytes(StandardCharsets.UTF_16LE);
        Memory exact = new Memory(text.length); // bounds-checked: one byte more would throw
        exact.write(0, text, 0, text.length);
        assertEquals("IIS_IUSRS", LsaUnicodeString.decode(text.length, exact));
        assertEquals("IIS_", LsaUnicodeString.decode(8, exact));
    }

    @Test
    void decodesNonAsciiAndLengthsAbove32KAsUnsigned() {
        String name = "Développeurs-Ω-👤";
        byte[] text = name.getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(text.length);
        m.write(0, text, 0, text.length);
        assertEquals(name, LsaUnicodeString.decode(text.length, m));

        String longName = "x".repeat(20_000); // 40,000 bytes: negative as a signed short
        LSA_UNICODE_STRING s = LsaUnicodeString.forInput(longName);
        assertEquals(longName, LsaUnicodeString.decode(s));
    }

    @Test
    void emptyAndMalformedStrings() {
        assertEquals("", LsaUnicodeString.decode(0, null));
        Memory m = new Memory(4);
        assertThrows(IllegalArgumentException.class, () -> LsaUnicodeString.decode(3, m));
        assertThrows(IllegalArgumentException.class, () -> LsaUnicodeString.decode(2, null));
    }

    @Test
    void inputHasCountedLengthsAndATerminator() {
        LSA_UNICODE_STRING s = LsaUnicodeString.forInput("SeBatchLogonRight");
        assertEquals(34, s.Length);
        assertEquals(36, s.MaximumLength);
        assertArrayEquals("SeBatchLogonRight".getBytes(StandardCharsets.UTF_16LE), s.Buffer.getByteArray(0, 34));
        assertEquals(0, s.Buffer.getShort(34));

        LSA_UNICODE_STRING longest = LsaUnicodeString.forInput("a".repeat(LsaUnicodeString.MAX_INPUT_CHARS));
        assertEquals(65_532, Short.toUnsignedInt(longest.Length));
        assertEquals(65_534, Short.toUnsignedInt(longest.MaximumLength));
        assertThrows(IllegalArgumentException.class,
                () -> LsaUnicodeString.forInput("a".repeat(LsaUnicodeString.MAX_INPUT_CHARS + 1)));
    }
}
