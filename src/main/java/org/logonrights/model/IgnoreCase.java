package org.logonrights.model;

/**
 * A key under which two strings are equal exactly when {@link String#equalsIgnoreCase} says so, for
 * hash look-ups that replace linear scans. {@link String#toLowerCase} is not such a key: it maps
 * some characters to longer or context-dependent forms, while {@code equalsIgnoreCase} compares
 * one character (code point) at a time, upper-cased and then lower-cased.
 */
public final class IgnoreCase {

    private IgnoreCase() {
    }

    /** Folds each code point as {@code equalsIgnoreCase} compares it: lower case of upper case. */
    public static String key(String s) {
        StringBuilder folded = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int f = Character.toLowerCase(Character.toUpperCase(c));
            if (f != c && folded == null) {
                folded = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (folded != null) {
                folded.appendCodePoint(f);
            }
            i += Character.charCount(c);
        }
        return folded == null ? s : folded.toString();
    }
}
