package org.logonrights.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.logonrights.model.InputException;

/**
 * Decodes Windows-written text by sniffing the bytes, never trusting the file name or an XML
 * declaration (docs/input-formats.md §0): BOMs first, then UTF-16LE without BOM (every odd byte zero), then
 * strict UTF-8, then windows-1252 with a warning.
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /**
     * Decodes {@code bytes}; {@code file} only names the input in errors.
     *
     * @throws InputException when UTF-16 text is truncated (odd length) or malformed
     */
    public static DecodedText decode(byte[] bytes, String file) throws InputException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return utf8(bytes, 3, file, true);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return utf16(bytes, 2, StandardCharsets.UTF_16LE, file, true);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return utf16(bytes, 2, StandardCharsets.UTF_16BE, file, true);
        }
        if (looksLikeUtf16Le(bytes)) {
            return utf16(bytes, 0, StandardCharsets.UTF_16LE, file, false);
        }
        if (looksLikeUtf16Be(bytes)) {
            return utf16(bytes, 0, StandardCharsets.UTF_16BE, file, false);
        }
        try {
            return new DecodedText(strict(StandardCharsets.UTF_8, bytes, 0), StandardCharsets.UTF_8, false, null);
        } catch (CharacterCodingException e) {
            return new DecodedText(new String(bytes, WINDOWS_1252), WINDOWS_1252, false,
                    "not valid UTF-8 or UTF-16; decoded as windows-1252");
        }
    }

    private static DecodedText utf8(byte[] bytes, int offset, String file, boolean bom) throws InputException {
        try {
            return new DecodedText(strict(StandardCharsets.UTF_8, bytes, offset), StandardCharsets.UTF_8, bom, null);
        } catch (CharacterCodingException e) {
            throw new InputException(file, null, "starts with a UTF-8 byte order mark but is not valid UTF-8");
        }
    }

    private static DecodedText utf16(byte[] bytes, int offset, Charset cs, String file, boolean bom)
            throws InputException {
        if ((bytes.length - offset) % 2 != 0) {
            throw new InputException(file, "byte " + bytes.length,
                    cs.name() + " text has an odd number of bytes (truncated file?)");
        }
        try {
            return new DecodedText(strict(cs, bytes, offset), cs, bom, null);
        } catch (CharacterCodingException e) {
            throw new InputException(file, null, "not valid " + cs.name() + " text (broken surrogate pair?)");
        }
    }

    private static String strict(Charset cs, byte[] bytes, int offset) throws CharacterCodingException {
        // The String constructor is the JDK's fast path (intrinsics for ASCII runs); it replaces what is
        // malformed with U+FFFD. Without a U+FFFD in its result the bytes were valid and the strict
        // decoder would give the same text; with one, the strict decoder decides (the character can be real).
        String s = new String(bytes, offset, bytes.length - offset, cs);
        if (s.indexOf('\uFFFD') >= 0) {
            CharsetDecoder d = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            s = d.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        }
        // A BOM can survive inside the text when a tool concatenated files; it is never content.
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeUtf16Le(byte[] b) {
        return zeroRatio(b, 1) && !zeroRatio(b, 0);
    }

    private static boolean looksLikeUtf16Be(byte[] b) {
        return zeroRatio(b, 0) && !zeroRatio(b, 1);
    }

    /** True when at least 90% of the bytes at positions {@code parity}, {@code parity+2}... in the first 512 are zero. */
    private static boolean zeroRatio(byte[] b, int parity) {
        int n = Math.min(b.length, 512);
        int total = 0;
        int zeros = 0;
        for (int i = parity; i < n; i += 2) {
            total++;
            if (b[i] == 0) {
                zeros++;
            }
        }
        return total >= 2 && zeros * 10 >= total * 9;
    }
}
