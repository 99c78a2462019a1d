package org.logonrights.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.logonrights.model.IncompleteInput;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Privileges;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UnknownRight;
import org.logonrights.model.UserRight;
import org.logonrights.sources.PrivilegeRightsValue.LogicalLine;

/**
 * Reads the logon rights of a security template: {@code secedit /export /areas USER_RIGHTS} output
 * or a SYSVOL {@code GptTmpl.inf} (docs/input-formats.md §1). Only {@code [Privilege Rights]} is read; the
 * other sections are skipped whatever they hold.
 */
public final class SecurityTemplateParser {

    private static final String PRIVILEGE_RIGHTS = "privilege rights";
    /**
     * Note codes saying that the rights a template does not define may have been cut off: verdicts
     * that need such a right are lowered (docs/bad-input.md, "Files cut short").
     */
    public static final String NO_PRIVILEGE_RIGHTS = IncompleteInput.NO_USER_RIGHTS.code();
    public static final String RIGHTS_MAY_BE_CUT = IncompleteInput.RIGHTS_MAY_BE_CUT.code();

    private final String file;
    private final SourceKind kind;
    private final List<InputNote> notes = new ArrayList<>();
    private final Map<UserRight, RightAssignment> rights = new LinkedHashMap<>();
    private final List<UnknownRight> unknownRights = new ArrayList<>();
    /** Lower-cased key to the line of its first definition: the first one wins, as in SetupAPI. */
    private final Map<String, Integer> firstDefinition = new HashMap<>();
    /** Lower-cased section name to the line of its first header. */
    private final Map<String, Integer> sections = new HashMap<>();

    private SecurityTemplateParser(String file, SourceKind kind) {
        this.file = file;
        this.kind = kind;
    }

    /**
     * Reads (within the size limit) and parses a template file, whatever its encoding.
     *
     * @param kind {@link SourceKind#SECEDIT_EXPORT} or {@link SourceKind#GPO_TEMPLATE}
     */
    public static Parsed<SecurityTemplate> parse(Path file, SourceKind kind, InputFiles files) throws InputException {
        checkKind(kind);
        DecodedText decoded = files.readText(file);
        String name = file.toString();
        Parsed<SecurityTemplate> parsed = parse(decoded.text(), name, kind);
        if (decoded.warning() == null) {
            return parsed;
        }
        List<InputNote> notes = new ArrayList<>();
        notes.add(new InputNote(InputNote.Level.WARNING, "encoding-guessed", decoded.warning(), Provenance.of(kind, name)));
        notes.addAll(parsed.notes());
        return new Parsed<>(parsed.value(), notes);
    }

    /**
     * Parses already-decoded template text.
     *
     * @param fileName names the input in provenance and errors
     * @param kind {@link SourceKind#SECEDIT_EXPORT} or {@link SourceKind#GPO_TEMPLATE}
     */
    public static Parsed<SecurityTemplate> parse(String decodedText, String fileName, SourceKind kind)
            throws InputException {
        Objects.requireNonNull(decodedText, "decodedText");
        checkKind(kind);
        return new SecurityTemplateParser(fileName, kind).run(decodedText);
    }

    private static void checkKind(SourceKind kind) {
        if (kind != SourceKind.SECEDIT_EXPORT && kind != SourceKind.GPO_TEMPLATE) {
            throw new IllegalArgumentException("a security template is a SECEDIT_EXPORT or a GPO_TEMPLATE, not " + kind);
        }
    }

    private Parsed<SecurityTemplate> run(String decodedText) throws InputException {
        // TextDecoder strips the BOM, but text handed over in memory may still carry it (docs/input-formats.md §0.1).
        String text = decodedText.startsWith("\uFEFF") ? decodedText.substring(1) : decodedText;
        if (text.isBlank()) {
            throw new InputException(file, null, "empty file");
        }
        TextLines lines = new TextLines(text, file);
        boolean inRights = false;
        boolean outsideNoted = false;
        // The last non-blank line when it is a value or comment inside [Privilege Rights], else null.
        TextLines.Line lastRightsLine = null;
        int lastLine = 0;
        for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
            lastLine = line.number();
            String s = line.text().strip();
            if (s.isEmpty()) {
                continue;
            }
            String section = s.charAt(0) == ';' ? null : sectionName(s);
            lastRightsLine = inRights && section == null ? line : null;
            if (s.charAt(0) == ';') {
                continue;
            }
            if (section != null) {
                inRights = openSection(section, line.number());
            } else if (sections.isEmpty()) {
                if (!outsideNoted) {
                    outsideNoted = true;
                    note(InputNote.Level.WARNING, "outside-section", "text before the first [section] header is ignored",
                            line.number(), null);
                }
            } else if (inRights) {
                privilegeLine(line, s, lines);
            }
        }
        if (sections.isEmpty()) {
            throw new InputException(file, null, "not a security template: no [section] header found");
        }
        if (lastRightsLine != null && lastRightsLine.number() == lastLine && !endsWithLineBreak(text)) {
            // The value may have lost its tail: a half SID, or a holder list cut after a comma.
            throw new InputException(file, "line " + lastRightsLine.number(), "the file ends inside a line: truncated?");
        }
        Provenance source = Provenance.of(kind, file);
        if (!sections.containsKey(PRIVILEGE_RIGHTS)) {
            notes.add(IncompleteInput.NO_USER_RIGHTS.note(kind == SourceKind.SECEDIT_EXPORT
                    ? "the export holds no user rights: export with /areas USER_RIGHTS"
                    : "no [Privilege Rights] section: the template defines no rights (cut short, or not the GPO that"
                    + " owns them?)", source));
        } else if (inRights) {
            notes.add(IncompleteInput.RIGHTS_MAY_BE_CUT.note(kind == SourceKind.SECEDIT_EXPORT
                    ? "no section follows [Privilege Rights], though secedit /export writes [Version] after it: the file"
                    + " may be cut short, so rights it does not list may be missing"
                    : "[Privilege Rights] is the last section: a copy cut short at a line break looks whole, so rights"
                    + " it does not define may be missing", source));
        }
        return new Parsed<>(new SecurityTemplate(rights, unknownRights, source), notes);
    }

    private static boolean endsWithLineBreak(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '\n' || last == '\r';
    }

    /** Records a section header and says whether it opens [Privilege Rights]. */
    private boolean openSection(String section, int line) {
        String key = section.toLowerCase(Locale.ROOT);
        Integer first = sections.putIfAbsent(key, line);
        if (first != null) {
            note(InputNote.Level.WARNING, "repeated-section", "section [" + section + "] appears again (first at line "
                    + first + "); its lines are merged", line, null);
        }
        return key.equals(PRIVILEGE_RIGHTS);
    }

    /**
     * The name inside a {@code [Name]} header, trimmed, or null when the line is not a header. A
     * comment may follow the bracket, as SetupAPI allows.
     */
    private static String sectionName(String stripped) {
        if (stripped.charAt(0) != '[') {
            return null;
        }
        int close = stripped.indexOf(']');
        if (close < 0) {
            return null;
        }
        String rest = stripped.substring(close + 1).strip();
        if (!rest.isEmpty() && rest.charAt(0) != ';') {
            return null;
        }
        return stripped.substring(1, close).strip();
    }

    private void privilegeLine(TextLines.Line line, String stripped, TextLines lines) throws InputException {
        LogicalLine logical = stripped.endsWith("\\") ? joinContinuations(line, stripped, lines)
                : LogicalLine.single(stripped, line.number());
        String text = logical.text();
        int eq = text.indexOf('=');
        if (eq < 0) {
            note(InputNote.Level.WARNING, "missing-equals", "line in [Privilege Rights] has no '=' and is ignored: '"
                    + PrivilegeRightsValue.abbreviate(text) + "'", line.number(), null);
            return;
        }
        String key = text.substring(0, eq).strip();
        if (key.isEmpty()) {
            note(InputNote.Level.WARNING, "empty-key", "line in [Privilege Rights] has no right name before '=' and is ignored",
                    line.number(), null);
            return;
        }
        Integer first = firstDefinition.putIfAbsent(key.toLowerCase(Locale.ROOT), line.number());
        if (first != null) {
            note(InputNote.Level.WARNING, "duplicate-right", PrivilegeRightsValue.abbreviate(key) + " is defined again;"
                    + " the first definition (line " + first + ") wins and this one is ignored", line.number(), key);
            return;
        }
        Optional<UserRight> right = UserRight.fromConstantName(key);
        if (right.isEmpty()) {
            if (!Privileges.isKnownPrivilege(key)) {
                unknownRights.add(new UnknownRight(key, at(line.number(), key)));
                note(InputNote.Level.INFO, "unknown-right", "'" + PrivilegeRightsValue.abbreviate(key)
                        + "' is neither a logon right nor a known privilege; kept as an unknown right", line.number(), key);
            }
            return;
        }
        UserRight r = right.get();
        List<RightEntry> entries = PrivilegeRightsValue.entries(logical, eq + 1, r, kind, file, notes);
        rights.put(r, new RightAssignment(r, entries, at(line.number(), r.constantName())));
        if (entries.isEmpty() && kind == SourceKind.SECEDIT_EXPORT) {
            // LSA has no "defined but empty" state, so a real export never writes `Right =`.
            note(InputNote.Level.INFO, "empty-right-in-export", r.constantName() + " is defined with no holders,"
                    + " which secedit /export never writes: the file was edited or is a template", line.number(),
                    r.constantName());
        }
    }

    /**
     * Joins lines ending in {@code \} (SetupAPI continuation; secedit and GPMC never write it). A
     * blank line, a comment, a section header or the end of the file ends the value instead.
     */
    private LogicalLine joinContinuations(TextLines.Line line, String stripped, TextLines lines) throws InputException {
        note(InputNote.Level.WARNING, "line-continuation",
                "line ends with '\\' and is joined with the next (secedit never writes continuations)", line.number(), null);
        StringBuilder b = new StringBuilder(stripped);
        List<int[]> segments = new ArrayList<>();
        segments.add(new int[] {0, line.number()});
        while (b.length() > 0 && b.charAt(b.length() - 1) == '\\') {
            b.setLength(b.length() - 1);
            TextLines.Line next = lines.peek();
            if (next == null) {
                break;
            }
            String ns = next.text().strip();
            if (ns.isEmpty() || ns.charAt(0) == ';' || sectionName(ns) != null) {
                break;
            }
            lines.next();
            segments.add(new int[] {b.length(), next.number()});
            b.append(ns);
        }
        int[] starts = new int[segments.size()];
        int[] numbers = new int[segments.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = segments.get(i)[0];
            numbers[i] = segments.get(i)[1];
        }
        return new LogicalLine(b.toString(), starts, numbers);
    }

    private Provenance at(int line, String element) {
        Provenance p = Provenance.at(kind, file, line);
        return element == null ? p : p.withElement(element);
    }

    private void note(InputNote.Level level, String code, String message, int line, String element) {
        notes.add(new InputNote(level, code, message, at(line, element)));
    }
}
