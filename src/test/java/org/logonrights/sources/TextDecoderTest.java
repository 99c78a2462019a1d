package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;

class TextDecoderTest {

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    @Test
    void utf16LeWithBomAsSeceditWritesIt() throws InputException {
        String text = "[Unicode]\r\nUnicode=yes\r\nSeBatchLogonRight = *S-1-5-32-544\r\n";
        DecodedText d = TextDecoder.decode(concat(UTF16LE_BOM, text.getBytes(StandardCharsets.UTF_16LE)), "f.inf");
        assertEquals(text, d.text());
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertNull(d.warning());
    }

    @Test
    void genuineReplacementCharacterIsValidTextInEveryEncoding() throws InputException {
        // U+FFFD written on purpose is content, not a decoding error: the fast path must not reject it.
        String text = "name=\"caf\u00e9 \uFFFD \u00fc\"";
        assertEquals(text, TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "a").text());
        assertEquals(text, TextDecoder.decode(concat(UTF8_BOM, text.getBytes(StandardCharsets.UTF_8)), "b").text());
        assertEquals(text, TextDecoder.decode(concat(UTF16LE_BOM, text.getBytes(StandardCharsets.UTF_16LE)), "c").text());
    }

    @Test
    void malformedUtf8WithoutBomFallsBackToWindows1252WithAWarning() throws InputException {
        byte[] bytes = "Caf\u00e9".getBytes(Charset.forName("windows-1252"));
        DecodedText d = TextDecoder.decode(bytes, "x.json");
        assertEquals("Caf\u00e9", d.text());
        assertTrue(d.warning().contains("windows-1252"), d.warning());
    }

    @Test
    void malformedUtf8AfterAUtf8BomIsAnError() {
        byte[] bytes = concat(UTF8_BOM, new byte[] {'a', (byte) 0xC3, 'b'});
        InputException e = assertThrows(InputException.class, () -> TextDecoder.decode(bytes, "bom.xml"));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void brokenSurrogatePairInUtf16IsAnError() {
        byte[] bytes = concat(UTF16LE_BOM, new byte[] {'a', 0, 0x00, (byte) 0xD8, 'b', 0});
        InputException e = assertThrows(InputException.class, () -> TextDecoder.decode(bytes, "s.inf"));
        assertTrue(e.getMessage().contains("broken surrogate pair"), e.getMessage());
    }

    @Test
    void oddLengthUtf16IsTruncated() {
        byte[] bytes = concat(UTF16LE_BOM, new byte[] {'a', 0, 'b'});
        InputException e = assertThrows(InputException.class, () -> TextDecoder.decode(bytes, "t.inf"));
        assertTrue(e.getMessage().contains("odd number of bytes"), e.getMessage());
    }

    /**
     * The fast path (the String constructor) against the reference (a strict decoder) on random
     * bytes biased towards multi-byte sequences, surrogates and U+FFFD: the same text or the same
     * rejection, every time.
     */
    @Test
    void fastPathAgreesWithTheStrictDecoderOnRandomInput() {
        Random random = new Random(7);
        byte[][] pieces = {
            "ab".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8),
            "\uFFFD".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8}, {(byte) 0x80},
        };
        for (int round = 0; round < 2_000; round++) {
            byte[] body = new byte[0];
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                body = concat(body, pieces[random.nextInt(pieces.length)]);
            }
            check(concat(UTF8_BOM, body), StandardCharsets.UTF_8, 3);
            byte[] utf16 = new byte[2 * random.nextInt(8)];
            for (int i = 0; i < utf16.length; i += 2) {
                int unit = switch (random.nextInt(4)) {
                    case 0 -> 0xD800 + random.nextInt(0x400);
                    case 1 -> 0xDC00 + random.nextInt(0x400);
                    case 2 -> 0xFFFD;
                    default -> 'a' + random.nextInt(26);
                };
                utf16[i] = (byte) unit;
                utf16[i + 1] = (byte) (unit >> 8);
            }
            check(concat(UTF16LE_BOM, utf16), StandardCharsets.UTF_16LE, 2);
        }
    }

    private static void check(byte[] bytes, Charset cs, int offset) {
        String expected;
        try {
            expected = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            if (expected.startsWith("\uFEFF")) {
                expected = expected.substring(1);
            }
        } catch (CharacterCodingException e) {
            expected = null;
        }
        String actual;
        try {
            actual = TextDecoder.decode(bytes, "r").text();
        } catch (InputException e) {
            actual = null;
        }
        assertEquals(expected, actual, () -> "bytes " + java.util.HexFormat.of().formatHex(bytes));
    }
}
