package org.logonrights.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * A pretty-printed JSON document whose last field is an array written one item at a time: the same
 * bytes as the whole document pretty-printed at once ({@link JsonRenderer}), while only one item is
 * ever in memory. Items are elements of a top-level field, so they sit two levels deep.
 */
final class StreamedJson {

    /** How the pretty printer ends a document whose last field is an empty array. */
    private static final String EMPTY_LAST_ARRAY = " [ ]\n}\n";
    private static final String ITEM_INDENT = "    ";

    private StreamedJson() {
    }

    /** Everything of {@code document} up to its last field's opening bracket; that field must be an empty array. */
    static void head(Object document, Writer out) throws IOException {
        StringWriter head = new StringWriter();
        JsonRenderer.write(document, head);
        String s = head.toString();
        if (!s.endsWith(EMPTY_LAST_ARRAY)) {
            throw new IllegalStateException("the document does not end with an empty array");
        }
        out.write(s, 0, s.length() - EMPTY_LAST_ARRAY.length());
        out.write(" [");
    }

    /** One item of the array; {@code index} counts from 0. */
    static void item(Object item, int index, Writer out) throws IOException {
        StringWriter entry = new StringWriter();
        JsonRenderer.write(item, entry);
        out.write(index == 0 ? "\n" : ",\n");
        // JSON strings carry no raw line break, so each line of the item is one line of the document.
        String[] lines = entry.toString().split("\n");
        for (int i = 0; i < lines.length; i++) {
            out.write(ITEM_INDENT);
            out.write(lines[i]);
            if (i < lines.length - 1) {
                out.write("\n");
            }
        }
    }

    /** Closes the array of {@code items} items and the document. */
    static void tail(int items, Writer out) throws IOException {
        out.write(items == 0 ? " ]\n}\n" : "\n  ]\n}\n");
    }
}
