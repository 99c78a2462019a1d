package org.logonrights.report;

import java.util.regex.Pattern;

/**
 * Escaping for GitHub-flavoured Markdown. Names (pools, accounts, rights) go into code spans, where
 * a backslash is literal and {@code CONTOSO\svc} renders as typed; free text is escaped only where
 * Markdown would otherwise act on it, so the source stays readable.
 */
final class MarkdownText {

    /** Characters that always act: emphasis, code spans, table cells, strikethrough. */
    private static final String ACTIVE = "*`|~";
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);");

    private MarkdownText() {
    }

    /** A code span holding {@code s} literally, outside a table. */
    static String code(String s) {
        return codeSpan(oneLine(s));
    }

    /**
     * A code span for a table cell: GitHub splits cells on a pipe even inside a code span, and
     * takes {@code \|} there for a literal pipe.
     */
    static String cell(String s) {
        return codeSpan(oneLine(s).replace("|", "\\|"));
    }

    /** The fence is one backtick longer than the longest run inside; a space pads a backtick at either end. */
    private static String codeSpan(String one) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < one.length(); i++) {
            run = one.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = one.startsWith("`") || one.endsWith("`") || (one.startsWith(" ") && one.endsWith(" ") && !one.isBlank());
        return pad ? fence + " " + one + " " + fence : fence + one + fence;
    }

    /**
     * Plain text, escaped so that Markdown shows it as written: a backslash is doubled only before
     * punctuation (where Markdown would eat it), an underscore only where it could open or close
     * emphasis, a bracket only where it could open a link, {@code <} only where it could open a tag
     * or an autolink, an ampersand only where it would start an entity. The text never starts a
     * line, so block markers ({@code #}, {@code >}, {@code -}) need no escape.
     */
    static String text(String s) {
        String one = oneLine(s);
        StringBuilder b = new StringBuilder(one.length() + 8);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            char next = i + 1 < one.length() ? one.charAt(i + 1) : ' ';
            char prev = i > 0 ? one.charAt(i - 1) : ' ';
            if (c == '\\' && isAsciiPunctuation(next)) {
                b.append("\\\\");
            } else if (ACTIVE.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c == '[' && (one.indexOf("](", i) >= 0 || one.indexOf("][", i) >= 0)) {
                b.append("\\[");
            } else if (c == '<' && (Character.isLetter(next) || "/!?".indexOf(next) >= 0)) {
                b.append("\\<");
            } else if (c == '_' && !(Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next))) {
                b.append("\\_");
            } else if (c == '&' && ENTITY.matcher(one).region(i, one.length()).lookingAt()) {
                b.append("\\&");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c) && c > ' ' && c != 0x7f;
    }

    /** Markdown blocks end at a line break, and a table row must stay on one line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\r\n]+", " ");
    }
}
