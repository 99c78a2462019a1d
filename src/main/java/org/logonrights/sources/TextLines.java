package org.logonrights.sources;

import org.logonrights.model.InputException;

/**
 * The physical lines of decoded text, split on CRLF, LF or a lone CR and numbered from 1. It scans
 * by index, so each character is looked at once however long a line is, and it refuses NUL
 * characters, which no text format we read contains (they mean a binary file).
 */
final class TextLines {

    /** One physical line without its line break. */
    record Line(int number, String text) {
    }

    private final String text;
    private final String file;
    private int pos;
    private int number;
    private Line peeked;

    TextLines(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws InputException {
        if (peeked != null) {
            Line l = peeked;
            peeked = null;
            return l;
        }
        return read();
    }

    /** The line {@link #next()} would return, without consuming it. */
    Line peek() throws InputException {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    private Line read() throws InputException {
        int n = text.length();
        if (pos >= n) {
            return null;
        }
        number++;
        int start = pos;
        int end = start;
        while (end < n) {
            char c = text.charAt(end);
            if (c == '\r' || c == '\n') {
                break;
            }
            if (c == '\0') {
                throw new InputException(file, "line " + number,
                        "contains a NUL character at column " + (end - start + 1) + ": this is not a text file");
            }
            end++;
        }
        pos = end;
        if (pos < n) {
            char lineBreak = text.charAt(pos++);
            if (lineBreak == '\r' && pos < n && text.charAt(pos) == '\n') {
                pos++;
            }
        }
        return new Line(number, text.substring(start, end));
    }
}
