package org.logonrights.sources;

import java.util.Optional;
import org.logonrights.model.Sid;

/**
 * Reads the canonical {@code *S-1-5-32-544} form of a template entry in one pass without regular
 * expressions or copies, for lines that list hundreds of thousands of SIDs. Anything it does not
 * accept outright (blanks, a lower-case {@code s}, out-of-range numbers) goes to {@link Sid#tryParse},
 * which stays the only judge of what a SID is.
 */
final class SidScanner {

    /** The limits of {@link Sid#parse}: 15 sub-authorities, 15 and 10 digits, 48 and 32 bits. */
    private static final int MAX_SUB_AUTHORITIES = 15;
    private static final int MAX_AUTHORITY_DIGITS = 15;
    private static final int MAX_SUB_AUTHORITY_DIGITS = 10;
    private static final long MAX_AUTHORITY = 0xFFFF_FFFF_FFFFL;
    private static final long MAX_SUB_AUTHORITY = 0xFFFF_FFFFL;

    private SidScanner() {
    }

    /** The SID in {@code entry} (with or without a leading {@code *}), or empty when it is not one. */
    static Optional<Sid> scan(String entry) {
        Sid fast = canonical(entry);
        return fast != null ? Optional.of(fast) : Sid.tryParse(entry);
    }

    private static Sid canonical(String s) {
        int n = s.length();
        int i = !s.isEmpty() && s.charAt(0) == '*' ? 1 : 0;
        if (!s.startsWith("S-1-", i)) {
            return null;
        }
        i += 4;
        long[] numbers = new long[MAX_SUB_AUTHORITIES + 1];
        int count = 0;
        while (true) {
            int start = i;
            int maxDigits = count == 0 ? MAX_AUTHORITY_DIGITS : MAX_SUB_AUTHORITY_DIGITS;
            long value = 0;
            while (i < n && i - start <= maxDigits) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            long max = count == 0 ? MAX_AUTHORITY : MAX_SUB_AUTHORITY;
            if (digits == 0 || digits > maxDigits || value > max || count > MAX_SUB_AUTHORITIES) {
                return null;
            }
            numbers[count++] = value;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '-') {
                return null;
            }
            i++;
        }
        long[] subs = new long[count - 1];
        System.arraycopy(numbers, 1, subs, 0, subs.length);
        return Sid.of(numbers[0], subs);
    }
}
