package org.logonrights.model;

import java.util.List;

/**
 * The events read from the server's logs ({@code --events}), and what each file held.
 *
 * @param events the events kept, oldest first
 * @param files one entry per file read, in the order given
 */
public record EventLogs(List<LoggedEvent> events, List<File> files) {

    public EventLogs {
        events = List.copyOf(events);
        files = List.copyOf(files);
    }

    /**
     * One file of events.
     *
     * @param name the file as given
     * @param read how many events it held that could be read
     * @param kept how many of them are about pool logons (the rest were counted and dropped)
     * @param complete false when part of it could not be read (a damaged chunk or record): then a
     *     missing failure proves nothing
     */
    public record File(String name, int read, int kept, boolean complete) {
    }

    /** Whether every file was read whole. */
    public boolean complete() {
        return files.stream().allMatch(File::complete);
    }
}
