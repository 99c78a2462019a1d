package org.logonrights.sources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * Turns the value of one {@code [Privilege Rights]} line into right holders (docs/input-formats.md §1.3, §1.5).
 * It scans by index, so a line with hundreds of thousands of SIDs costs one pass.
 */
final class PrivilegeRightsValue {

    /**
     * A line as the parser sees it after joining {@code \} continuations: the text plus, for each
     * joined physical line, where its text starts and its line number.
     */
    record LogicalLine(String text, int[] starts, int[] lines) {

        static LogicalLine single(String text, int line) {
            return new LogicalLine(text, new int[] {0}, new int[] {line});
        }

        /** The physical line that holds the character at {@code offset}. */
        int lineAt(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return lines[i >= 0 ? i : Math.max(0, -i - 2)];
        }
    }

    private final String file;
    private final SourceKind kind;
    private final UserRight right;
    private final List<InputNote> notes;
    private int handWrittenSids;
    private String firstHandWrittenSid;
    private int sidLikeNames;
    private String firstSidLikeName;
    private int relativeForms;
    private String firstRelativeForm;
    private boolean quoted;
    /** Entries on one physical line share one provenance: a long line would otherwise allocate one each. */
    private Provenance lastProvenance;

    private PrivilegeRightsValue(String file, SourceKind kind, UserRight right, List<InputNote> notes) {
        this.file = file;
        this.kind = kind;
        this.right = right;
        this.notes = notes;
    }

    /**
     * The holders listed after the {@code =} at {@code valueStart}; an empty list means "defined,
     * nobody". Oddities become notes (one per line and kind of oddity) appended to {@code notes}.
     *
     * @throws InputException when an entry starts with {@code *} but is not a SID
     */
    static List<RightEntry> entries(LogicalLine line, int valueStart, UserRight right, SourceKind kind,
                                    String file, List<InputNote> notes) throws InputException {
        return new PrivilegeRightsValue(file, kind, right, notes).parse(line, valueStart);
    }

    private List<RightEntry> parse(LogicalLine line, int valueStart) throws InputException {
        String t = line.text();
        int from = skipBlanks(t, valueStart, t.length());
        int end = trimEnd(t, from, t.length());
        if (end - from >= 2 && t.charAt(from) == '"' && t.charAt(end - 1) == '"') {
            // A hand-made template quoted the whole list; MS-GPSB never quotes, names cannot hold '"'.
            quoted = true;
            from = skipBlanks(t, from + 1, end - 1);
            end = trimEnd(t, from, end - 1);
        }
        int keyLine = line.lineAt(0);
        int semicolon = t.indexOf(';', from);
        if (semicolon >= 0 && semicolon < end) {
            note(InputNote.Level.WARNING, "semicolon-in-value", "';' inside the value of " + right.constantName()
                    + " is kept as part of an entry, not read as a comment (account names cannot contain ';')",
                    line.lineAt(semicolon));
        }
        List<RightEntry> out = new ArrayList<>();
        int start = from;
        while (start < end) {
            int comma = t.indexOf(',', start);
            if (comma < 0 || comma > end) {
                comma = end;
            }
            int s = skipBlanks(t, start, comma);
            int e = trimEnd(t, s, comma);
            if (e > s) {
                addEntry(out, t.substring(s, e), line.lineAt(s));
            }
            start = comma + 1;
        }
        summarise(keyLine);
        return out;
    }

    private void addEntry(List<RightEntry> out, String raw, int lineNumber) throws InputException {
        String entry = raw;
        if (entry.length() >= 2 && entry.charAt(0) == '"' && entry.charAt(entry.length() - 1) == '"') {
            quoted = true;
            entry = entry.substring(1, entry.length() - 1).strip();
            if (entry.isEmpty()) {
                return;
            }
        }
        Principal principal;
        if (entry.charAt(0) == '*') {
            Optional<Sid> sid = SidScanner.scan(entry);
            if (sid.isEmpty()) {
                throw new InputException(file, "line " + lineNumber,
                        "malformed SID '" + abbreviate(entry) + "' in " + right.constantName());
            }
            principal = Principal.ofSid(sid.get());
        } else if (entry.regionMatches(true, 0, "S-1-", 0, 4)) {
            Optional<Sid> sid = SidScanner.scan(entry);
            if (sid.isPresent()) {
                if (handWrittenSids++ == 0) {
                    firstHandWrittenSid = entry;
                }
                principal = Principal.ofSid(sid.get());
            } else {
                if (sidLikeNames++ == 0) {
                    firstSidLikeName = entry;
                }
                principal = Principal.ofName(entry);
            }
        } else {
            if (entry.charAt(0) == '&' && relativeForms++ == 0) {
                firstRelativeForm = entry;
            }
            principal = Principal.ofName(entry);
        }
        out.add(new RightEntry(principal, at(lineNumber)));
    }

    /** One note per oddity and line, so that a 200,000-entry line cannot flood the report. */
    private void summarise(int line) {
        String in = " in " + right.constantName();
        if (handWrittenSids > 0) {
            note(InputNote.Level.INFO, "sid-without-star", "hand-written SID without '*'" + in
                    + ", read as a SID: " + example(firstHandWrittenSid, handWrittenSids), line);
        }
        if (sidLikeNames > 0) {
            note(InputNote.Level.WARNING, "sid-like-name", "entry" + in
                    + " looks like a SID but is not valid, kept as a name: " + example(firstSidLikeName, sidLikeNames), line);
        }
        if (relativeForms > 0) {
            note(InputNote.Level.WARNING, "relative-sid-form", "undocumented '&' relative form" + in
                    + ", kept as a name that will not resolve: " + example(firstRelativeForm, relativeForms), line);
        }
        if (quoted) {
            note(InputNote.Level.INFO, "quoted-value", "quotes around the value of " + right.constantName()
                    + " were removed (a hand-made template; secedit never writes them)", line);
        }
    }

    private static String example(String first, int count) {
        return "'" + abbreviate(first) + "'" + (count > 1 ? " and " + (count - 1) + " more" : "");
    }

    private Provenance at(int line) {
        if (lastProvenance == null || lastProvenance.line() != line) {
            lastProvenance = Provenance.at(kind, file, line).withElement(right.constantName());
        }
        return lastProvenance;
    }

    private void note(InputNote.Level level, String code, String message, int line) {
        notes.add(new InputNote(level, code, message, at(line)));
    }

    static int skipBlanks(String s, int from, int end) {
        while (from < end && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    static int trimEnd(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
