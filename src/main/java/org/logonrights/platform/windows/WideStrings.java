package org.logonrights.platform.windows;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * Reads NUL-terminated UTF-16LE strings (LPWSTR) that Windows returns, two bytes at a time.
 * {@code Pointer.getWideString} is not used: it reads the platform's {@code wchar_t}, which is four
 * bytes on Linux, where the tests run.
 */
final class WideStrings {

    /** UNICODE_STRING's limit; no account or group name comes near it. */
    static final int MAX_CHARS = 32_767;

    private WideStrings() {
    }

    static String read(Pointer p) {
        if (p == null) {
            throw new IllegalArgumentException("null string pointer");
        }
        int chars = 0;
        while (p.getShort(2L * chars) != 0) {
            chars++;
            if (chars > MAX_CHARS) {
                throw new IllegalArgumentException("string is not terminated within " + MAX_CHARS + " characters");
            }
        }
        return new String(p.getByteArray(0, 2 * chars), StandardCharsets.UTF_16LE);
    }
}
