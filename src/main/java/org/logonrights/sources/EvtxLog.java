package org.logonrights.sources;

import java.util.List;

/**
 * What was read from one .evtx file: its records, oldest record id first, and everything skipped.
 *
 * @param records the records of every chunk that passed its checks
 * @param skipped the chunks and records left out, each with why, in file order
 * @param warnings things worth saying that did not cost any record (a dirty header, no checksums)
 */
public record EvtxLog(List<Record> records, List<Skipped> skipped, List<String> warnings) {

    public EvtxLog {
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /**
     * One event record.
     *
     * @param id the record identifier (EventRecordID)
     * @param written when the record was written, FILETIME rendered as ISO-8601 UTC
     * @param event the decoded {@code <Event>} element
     */
    public record Record(long id, String written, EventElement event) {
    }

    /**
     * A chunk or record that was not read.
     *
     * @param fileOffset where it starts in the file
     * @param reason one line saying what is wrong
     * @param firstRecordId the first record id it claims to hold, or -1 when unknown
     * @param lastRecordId the last record id it claims to hold, or -1 when unknown
     */
    public record Skipped(long fileOffset, String reason, long firstRecordId, long lastRecordId) {
    }
}
