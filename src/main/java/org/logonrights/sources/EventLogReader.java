package org.logonrights.sources;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.logonrights.model.EventLogs;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.LoggedEvent.EventKind;
import org.logonrights.model.LogonFailure;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;

/**
 * Reads one file of events, an .evtx log or an XML export (told apart by the .evtx signature), and
 * keeps the events that tell what happened to a pool's logon (docs/event-logs.md): WAS 5002, 5021, 5057,
 * 5059 and 5127 naming a pool, and Security 4625 of a batch (4) or service (5) logon. Everything else
 * is counted and dropped. Events are matched on provider and id, never on message text, which is
 * localized; fields are read by name.
 */
public final class EventLogReader {

    static final String WAS_PROVIDER = "Microsoft-Windows-WAS";
    static final String SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";
    private static final String NULL_SID = "S-1-0-0";
    /** HRESULT_FROM_WIN32: facility 7 with the failure bit; the low word is the Win32 error. */
    private static final int HRESULT_WIN32 = 0x8007;

    private EventLogReader() {
    }

    /** The kept events of one file, and a summary of what it held. */
    public record FileEvents(List<LoggedEvent> events, EventLogs.File summary) {
        public FileEvents {
            events = List.copyOf(events);
        }
    }

    public static Parsed<FileEvents> read(byte[] data, String file) throws InputException {
        List<InputNote> notes = new ArrayList<>();
        List<LoggedEvent> kept = new ArrayList<>();
        int read;
        boolean complete;
        if (EvtxReader.looksLikeEvtx(data)) {
            EvtxLog log = EvtxReader.read(data, file);
            for (String warning : log.warnings()) {
                notes.add(note(InputNote.Level.INFO, "event-log-warning", warning, file, 0));
            }
            for (EvtxLog.Skipped s : log.skipped()) {
                notes.add(note(InputNote.Level.WARNING, "event-log-damaged", "could not read part of the log at byte "
                        + s.fileOffset() + ": " + s.reason() + "; events in it are missing from the comparison",
                        file, 0));
            }
            read = log.records().size();
            complete = log.skipped().isEmpty();
            for (EvtxLog.Record r : log.records()) {
                keep(r.event(), Provenance.of(SourceKind.EVENT_LOG, file).withElement("record " + r.id()), notes)
                        .ifPresent(kept::add);
            }
        } else {
            DecodedText text = TextDecoder.decode(data, file);
            List<EventXml.LineEvent> events = EventXml.parse(text.text(), file);
            read = events.size();
            complete = true;
            for (EventXml.LineEvent e : events) {
                keep(e.event(), Provenance.at(SourceKind.EVENT_LOG, file, e.line()), notes).ifPresent(kept::add);
            }
        }
        if (read > kept.size()) {
            notes.add(note(InputNote.Level.INFO, "events-dropped", (read - kept.size()) + " of " + read
                    + " events are not about application pool logons and were left out", file, 0));
        }
        kept.sort(java.util.Comparator.comparing(LoggedEvent::time).thenComparingLong(LoggedEvent::recordId));
        return new Parsed<>(new FileEvents(kept, new EventLogs.File(file, read, kept.size(), complete)), notes);
    }

    private static Optional<LoggedEvent> keep(EventElement event, Provenance at, List<InputNote> notes) {
        EventElement system = event.child("System").orElse(null);
        if (system == null) {
            return Optional.empty();
        }
        String provider = system.child("Provider").map(p -> p.attribute("Name")).orElse("");
        String sourceName = system.child("Provider").map(p -> p.attribute("EventSourceName")).orElse("");
        int id = number(system.childText("EventID"));
        Optional<EventKind> kind = kind(provider, sourceName, id);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        long recordId = number(system.childText("EventRecordID"));
        Provenance source = at.element() == null ? at.withElement("record " + recordId) : at;
        Instant time;
        try {
            time = Instant.parse(system.child("TimeCreated").map(t -> t.attribute("SystemTime")).orElse("").strip());
        } catch (DateTimeParseException e) {
            notes.add(note(InputNote.Level.WARNING, "event-unreadable", "event " + id + " (" + source.element()
                    + ") has no readable time and was left out", source.file(), source.line()));
            return Optional.empty();
        }
        String computer = system.childText("Computer").strip();
        Map<String, String> data = data(event);
        if (kind.get() == EventKind.SECURITY_LOGON_FAILED) {
            int logonType = number(data.getOrDefault("LogonType", ""));
            if (logonType != 4 && logonType != 5) {
                return Optional.empty();
            }
            String user = data.getOrDefault("TargetUserName", "").strip();
            String domain = data.getOrDefault("TargetDomainName", "").strip();
            String account = domain.isEmpty() || domain.equals("-") ? user : domain + "\\" + user;
            Sid sid = Sid.tryParse(data.getOrDefault("TargetUserSid", "").strip())
                    .filter(s -> !s.toString().equals(NULL_SID)).orElse(null);
            long status = hex(data.getOrDefault("Status", ""));
            long subStatus = hex(data.getOrDefault("SubStatus", ""));
            // A generic Status (bad name or password, account restriction) has the precise reason in SubStatus.
            Optional<LogonFailure> bySub = subStatus == 0 ? Optional.empty() : LogonFailure.ofNtStatus(subStatus);
            Optional<LogonFailure> byStatus = LogonFailure.ofNtStatus(status);
            long shown = bySub.isPresent() ? subStatus : status;
            LogonFailure failure = bySub.or(() -> byStatus).orElse(LogonFailure.OTHER);
            return Optional.of(new LoggedEvent(kind.get(), time, recordId, computer, null, account, sid, failure,
                    shown == 0 ? null : String.format(Locale.ROOT, "0x%08X", shown), source));
        }
        String pool = data.getOrDefault("AppPoolID", "").strip();
        if (pool.isEmpty()) {
            return Optional.empty(); // names no pool, so it joins nothing
        }
        Integer win32 = win32Error(event.child("EventData").map(d -> d.childText("Binary")).orElse("").strip());
        LogonFailure failure = win32 == null ? null : LogonFailure.ofWin32(win32).orElse(LogonFailure.OTHER);
        if (failure == null && kind.get() == EventKind.WAS_IDENTITY_INVALID) {
            failure = LogonFailure.OTHER;
        }
        return Optional.of(new LoggedEvent(kind.get(), time, recordId, computer, pool, null, null, failure,
                win32 == null ? null : Integer.toString(win32), source));
    }

    private static Optional<EventKind> kind(String provider, String sourceName, int id) {
        boolean was = provider.equals(WAS_PROVIDER) || (provider.isEmpty() && sourceName.equals("WAS"));
        if (was) {
            for (EventKind k : EventKind.values()) {
                if (k.id() == id && k != EventKind.SECURITY_LOGON_FAILED) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
        if (provider.equals(SECURITY_PROVIDER) && id == EventKind.SECURITY_LOGON_FAILED.id()) {
            return Optional.of(EventKind.SECURITY_LOGON_FAILED);
        }
        return Optional.empty();
    }

    /**
     * The Win32 error of WAS's data field: the bytes of a little-endian HRESULT, printed as hex
     * ({@code 69050780} is 0x80070569, error 1385), or a plain little-endian Win32 code.
     */
    static Integer win32Error(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        if ((v >>> 16) == HRESULT_WIN32) {
            return (int) (v & 0xffff);
        }
        return v < 0x10000 ? (int) v : null;
    }

    private static Map<String, String> data(EventElement event) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        event.child("EventData").ifPresent(d -> {
            for (EventElement c : d.children()) {
                if (c.name().equals("Data") && !c.attribute("Name").isEmpty()) {
                    data.putIfAbsent(c.attribute("Name"), c.text());
                }
            }
        });
        return data;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long hex(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static InputNote note(InputNote.Level level, String code, String message, String file, int line) {
        return new InputNote(level, code, message, Provenance.at(SourceKind.EVENT_LOG, file, line));
    }
}
