package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.logonrights.platform.windows.LsaApi.LSA_UNICODE_STRING;

/**
 * Encodes and decodes {@code LSA_UNICODE_STRING}s by their byte counts.
 *
 * <p>Strings LSA returns are not NUL-terminated, so a decoder must read exactly {@code Length}
 * bytes. jna-platform's {@code NTSecApi.LSA_UNICODE_STRING.getString()} reads to a NUL in common
 * cases and can run past {@code Length}; we never use it.
 */
final class LsaUnicodeString {

    /** Length + 2 (terminator) must fit the unsigned 16-bit MaximumLength. */
    static final int MAX_INPUT_CHARS = (0xFFFF - 2) / 2;

    private LsaUnicodeString() {
    }

    /**
     * A string to pass in: UTF-16LE in memory we own, followed by a terminator LSA does not need but
     * that costs nothing; Length = 2 × chars, MaximumLength = Length + 2.
     */
    static LSA_UNICODE_STRING forInput(String value) {
        if (value.length() > MAX_INPUT_CHARS) {
            throw new IllegalArgumentException("too long for an LSA_UNICODE_STRING: " + value.length() + " chars");
        }
        byte[] utf16 = value.getBytes(StandardCharsets.UTF_16LE);
        Memory buffer = new Memory(utf16.length + 2L);
        buffer.write(0, utf16, 0, utf16.length);
        buffer.setShort(utf16.length, (short) 0);
        LSA_UNICODE_STRING s = new LSA_UNICODE_STRING();
        s.Length = (short) utf16.length;
        s.MaximumLength = (short) (utf16.length + 2);
        s.own(buffer);
        return s;
    }

    /** The text of a string LSA returned, from exactly its {@code Length} bytes. */
    static String decode(LSA_UNICODE_STRING s) {
        return decode(Short.toUnsignedInt(s.Length), s.Buffer);
    }

    /**
     * Decodes {@code lengthBytes} bytes at {@code buffer} as UTF-16LE.
     *
     * @throws IllegalArgumentException for an odd length, or a null buffer with a non-zero length
     */
    static String decode(int lengthBytes, Pointer buffer) {
        if (lengthBytes == 0) {
            return "";
        }
        if ((lengthBytes & 1) != 0) {
            throw new IllegalArgumentException("LSA_UNICODE_STRING has an odd Length " + lengthBytes);
        }
        if (buffer == null) {
            throw new IllegalArgumentException("LSA_UNICODE_STRING has Length " + lengthBytes + " but no Buffer");
        }
        return new String(buffer.getByteArray(0, lengthBytes), StandardCharsets.UTF_16LE);
    }
}
