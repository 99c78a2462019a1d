package org.logonrights.app;

import java.util.Arrays;

/**
 * The free-text matcher of one redaction: every learned value in a case-insensitive character trie,
 * so a sentence is scanned once, whatever the number of names (a shared host has thousands of pools),
 * and the longest value starting at a position wins ("Default Web Site" before "Default").
 */
final class NameTrie {

    /** A value found in a text: where it ends, and what replaces it. */
    record Match(int end, String replacement) {
    }

    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private String replacement;

        Node child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node addChild(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }
    }

    private final Node root = new Node();

    /** Adds a value; the first replacement given for a value stays. */
    void add(String value, String replacement) {
        Node n = root;
        for (int i = 0; i < value.length(); i++) {
            n = n.addChild(fold(value.charAt(i)));
        }
        if (n.replacement == null) {
            n.replacement = replacement;
        }
    }

    /**
     * The longest value that starts at {@code from}, ends before {@code to} and is not followed by a
     * letter or digit; one shorter than {@code minLength} counts only right after a slash or backslash.
     */
    Match longest(String s, int from, int to, int minLength) {
        boolean afterSeparator = from > 0 && (s.charAt(from - 1) == '\\' || s.charAt(from - 1) == '/');
        Match best = null;
        Node n = root;
        for (int i = from; i < to; i++) {
            n = n.child(fold(s.charAt(i)));
            if (n == null) {
                break;
            }
            int end = i + 1;
            if (n.replacement != null && (end - from >= minLength || afterSeparator)
                    && (end == s.length() || !Character.isLetterOrDigit(s.codePointAt(end)))) {
                best = new Match(end, n.replacement);
            }
        }
        return best;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
