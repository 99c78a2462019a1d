package org.logonrights.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.logonrights.json.JsonMapping;

/**
 * The pseudonyms of one redacted run, each real value with the one pseudonym it got in every field and
 * format: what {@code --redact-map FILE} writes for the engineer who reads a redacted ticket back
 * (docs/snapshot.md, "The pseudonym table"). Never part of a report or snapshot.
 *
 * @param entries in the order the values were met
 */
public record PseudonymTable(List<Entry> entries) {

    /** The document's {@code format}, so that a tool reading it knows what it is. */
    public static final String FORMAT = "logonrights-pseudonyms";

    /**
     * One real value and its pseudonym.
     *
     * @param kind what the value is: host, domain, account, pool, site, gpo, dir, provider, file or domain-sid
     */
    public record Entry(String kind, String original, String pseudonym) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(pseudonym, "pseudonym");
        }
    }

    private record Document(String format, List<Entry> entries) {
    }

    public PseudonymTable {
        entries = List.copyOf(entries);
    }

    /** The table as a JSON document: {@code {"format": "logonrights-pseudonyms", "entries": [...]}}. */
    public String json() {
        StringWriter out = new StringWriter();
        try {
            JsonMapping.writePretty(new Document(FORMAT, entries), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
