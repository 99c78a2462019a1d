package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UnknownRight;
import org.logonrights.model.UserRight;

class SecurityTemplateParserTest {

    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final String DEFAULT_APP_POOL = "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415";

    /** The section secedit and GPMC write after [Privilege Rights]: the rights before it are whole. */
    private static final String VERSION = "[Version]\nsignature=\"$CHICAGO$\"\n";

    static Path fixture(String name) {
        try {
            return Path.of(SecurityTemplateParserTest.class.getResource("/fixtures/inf/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    private static List<String> holders(SecurityTemplate t, UserRight right) {
        return t.rights().get(right).entries().stream().map(e -> label(e.principal())).collect(Collectors.toList());
    }

    private static String label(Principal p) {
        return p.hasSid() ? p.sid().toString() : "name:" + p.name();
    }

    private static List<String> codes(Parsed<?> parsed) {
        return parsed.notes().stream().map(InputNote::code).collect(Collectors.toList());
    }

    private static InputNote note(Parsed<?> parsed, String code) {
        return parsed.notes().stream().filter(n -> n.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no note " + code + " in " + parsed.notes()));
    }

    @Test
    void seceditExportInUtf16WithBomKeepsSortedSidsAndBareGuest() throws Exception {
        Path file = fixture("secedit-export-server2019-iis.inf");
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(file, SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of(), parsed.notes());
        assertEquals(List.of(), t.unknownRights());
        assertEquals(List.of(UserRight.INTERACTIVE, UserRight.DENY_INTERACTIVE, UserRight.NETWORK, UserRight.DENY_NETWORK,
                UserRight.BATCH, UserRight.SERVICE, UserRight.REMOTE_INTERACTIVE), List.copyOf(t.rights().keySet()));
        assertEquals(List.of(DOMAIN + "-1127", "S-1-5-32-544", "S-1-5-32-551", "S-1-5-32-559", "S-1-5-32-568"),
                holders(t, UserRight.BATCH));
        assertEquals(List.of("S-1-5-80-0", DEFAULT_APP_POOL,
                "S-1-5-82-4071346020-2019428390-3668632996-224300847-2818774230"), holders(t, UserRight.SERVICE));
        assertEquals(List.of("name:Guest"), holders(t, UserRight.DENY_NETWORK));
        assertEquals(List.of("name:Guest"), holders(t, UserRight.DENY_INTERACTIVE));

        RightAssignment batch = t.rights().get(UserRight.BATCH);
        Provenance expected = new Provenance(SourceKind.SECEDIT_EXPORT, file.toString(), 15, "SeBatchLogonRight");
        assertEquals(expected, batch.provenance());
        for (RightEntry e : batch.entries()) {
            assertEquals(expected, e.provenance());
        }
        assertEquals(26, t.rights().get(UserRight.DENY_NETWORK).entries().get(0).provenance().line());
        assertEquals(Provenance.of(SourceKind.SECEDIT_EXPORT, file.toString()), t.source());
    }

    @Test
    void exportBecomesEffectiveRights() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse(fixture("secedit-export-server2019-iis.inf"),
                SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT).value();
        EffectiveRights effective = t.toEffectiveRights();

        assertEquals(5, effective.holders(UserRight.BATCH).size());
        assertTrue(effective.assignment(UserRight.DENY_BATCH).isEmpty());
        assertEquals(t.source(), effective.source());
    }

    @Test
    void gpoTemplateWithVersionFirstHasDefinedEmptyDenyAndBareServiceName() throws Exception {
        Path file = fixture("gpttmpl-iis-lockdown-version-first.inf");
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(file, SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of(), parsed.notes());
        assertTrue(t.defines(UserRight.DENY_BATCH));
        assertEquals(List.of(), t.rights().get(UserRight.DENY_BATCH).entries());
        assertEquals(16, t.rights().get(UserRight.DENY_BATCH).provenance().line());
        assertFalse(t.defines(UserRight.INTERACTIVE));
        assertEquals(List.of("name:NT SERVICE\\ALL SERVICES", DEFAULT_APP_POOL,
                "S-1-5-82-3525643622-3466899059-31376449-4123165416-3133253515"), holders(t, UserRight.SERVICE));
        assertEquals(List.of("S-1-5-32-544", DOMAIN + "-1108"), holders(t, UserRight.BATCH));
        assertEquals(SourceKind.GPO_TEMPLATE, t.rights().get(UserRight.SERVICE).entries().get(0).provenance().kind());
        // Effective rights have no "defined but empty" state.
        assertTrue(t.toEffectiveRights().assignment(UserRight.DENY_BATCH).isEmpty());
    }

    @Test
    void utf8WithBomDeclaringUnicodeReadsTrailingSpaceAsDefinedEmpty() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                fixture("stig-gpttmpl-utf8-bom-declares-unicode.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of(), parsed.notes());
        assertEquals(7, t.rights().size());
        assertEquals(List.of(), t.rights().get(UserRight.DENY_BATCH).entries());
        assertEquals(15, t.rights().get(UserRight.DENY_BATCH).provenance().line());
        assertEquals(List.of(), t.rights().get(UserRight.DENY_SERVICE).entries());
        assertEquals(List.of("S-1-5-113", "S-1-5-32-546"), holders(t, UserRight.DENY_REMOTE_INTERACTIVE));
    }

    @Test
    void utf8WithoutBomKeepsLocalizedAndPlaceholderNamesVerbatim() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse(
                fixture("template-pwsh7-utf8-no-bom-localized-names.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT).value();

        assertEquals(List.of("name:Invitado", "S-1-5-32-544", "S-1-5-32-545"), holders(t, UserRight.INTERACTIVE));
        assertEquals(List.of("name:受限服务\\所有受限服务", "S-1-5-80-0"), holders(t, UserRight.SERVICE));
        assertEquals(List.of("name:ADD YOUR DOMAIN ADMINS", "name:ADD YOUR ENTERPRISE ADMINS", "S-1-5-32-546"),
                holders(t, UserRight.DENY_NETWORK));
        assertEquals(5, t.rights().get(UserRight.SERVICE).entries().get(0).provenance().line());
    }

    @Test
    void lowercaseNamesWithoutSpacesAreRecognised() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                fixture("lowercase-right-names-no-spaces.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of(), parsed.notes());
        assertEquals(List.of(), t.rights().get(UserRight.BATCH).entries());
        assertEquals(7, t.rights().get(UserRight.BATCH).provenance().line());
        assertEquals("SeBatchLogonRight", t.rights().get(UserRight.BATCH).provenance().element());
        assertEquals(List.of("S-1-5-32-546"), holders(t, UserRight.DENY_BATCH));
        assertEquals(List.of("S-1-5-32-544", "S-1-5-11", "S-1-5-9"), holders(t, UserRight.NETWORK));
    }

    @Test
    void duplicateKeyKeepsTheFirstAndRepeatedSectionsMerge() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                fixture("hand-edited-duplicates-and-repeated-section.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of("S-1-5-32-544", "S-1-5-32-568"), holders(t, UserRight.BATCH));
        assertEquals(5, t.rights().get(UserRight.BATCH).provenance().line());
        assertEquals(List.of("S-1-5-32-546"), holders(t, UserRight.DENY_BATCH));
        assertEquals(12, t.rights().get(UserRight.DENY_BATCH).provenance().line());

        assertEquals(List.of("repeated-section", "duplicate-right", "missing-equals"), codes(parsed));
        assertTrue(parsed.notes().stream().allMatch(n -> n.level() == InputNote.Level.WARNING));
        assertEquals(10, note(parsed, "repeated-section").provenance().line());
        InputNote duplicate = note(parsed, "duplicate-right");
        assertEquals(11, duplicate.provenance().line());
        assertTrue(duplicate.message().contains("line 5"), duplicate.message());
        InputNote missing = note(parsed, "missing-equals");
        assertEquals(13, missing.provenance().line());
        assertTrue(missing.message().contains("SeBatchLogonRight *S-1-5-32-559"), missing.message());
    }

    @Test
    void unknownRightIsKeptWithAnInfoNoteAndKnownPrivilegesAreSilent() throws Exception {
        Path file = fixture("unknown-right-setestprivilege.inf");
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(file, SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of(new UnknownRight("SeTestPrivilege",
                new Provenance(SourceKind.GPO_TEMPLATE, file.toString(), 8, "SeTestPrivilege"))), t.unknownRights());
        assertEquals(List.of("unknown-right"), codes(parsed));
        assertEquals(InputNote.Level.INFO, parsed.notes().get(0).level());
        // The last line has no line break.
        assertEquals(List.of("S-1-5-32-544"), holders(t, UserRight.BATCH));
        assertEquals(9, t.rights().get(UserRight.BATCH).provenance().line());
        assertEquals(t.unknownRights(), t.toEffectiveRights().unknownRights());
    }

    @Test
    void malformedStarSidFailsWithItsLine() {
        Path file = fixture("malformed-star-sid.inf");
        InputException e = assertThrows(InputException.class,
                () -> SecurityTemplateParser.parse(file, SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT));

        assertEquals(file.toString(), e.file());
        assertEquals("line 5", e.position());
        assertEquals("malformed SID '*S-1-X-5' in SeBatchLogonRight", e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        InputException e = assertThrows(InputException.class,
                () -> SecurityTemplateParser.parse(fixture("empty.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT));
        assertEquals("empty file", e.getMessage());
        for (String blank : List.of("", "\uFEFF", "  \r\n\r\n\t")) {
            InputException b = assertThrows(InputException.class,
                    () -> SecurityTemplateParser.parse(blank, "t.inf", SourceKind.GPO_TEMPLATE));
            assertEquals("empty file", b.getMessage());
        }
    }

    @Test
    void htmlPageIsNotATemplate() {
        InputException e = assertThrows(InputException.class,
                () -> SecurityTemplateParser.parse(fixture("html-page-saved-as-gpttmpl.inf"), SourceKind.GPO_TEMPLATE,
                        InputFiles.DEFAULT));
        assertEquals("not a security template: no [section] header found", e.getMessage());
    }

    @Test
    void handWrittenQuirksAreReadAndNoted() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                fixture("hand-written-script-quirks.inf"), SourceKind.GPO_TEMPLATE, InputFiles.DEFAULT);
        SecurityTemplate t = parsed.value();

        assertEquals(List.of("S-1-5-32-544", DOMAIN + "-1128"), holders(t, UserRight.BATCH));
        assertEquals(List.of("S-1-5-80-0", "name:&RID-500"), holders(t, UserRight.SERVICE));
        assertEquals(List.of("S-1-5-32-546", "name:Guest ; local guest account"), holders(t, UserRight.DENY_BATCH));
        assertEquals(List.of("S-1-5-32-546", "S-1-5-113", "name:CONTOSO\\svc-legacy"), holders(t, UserRight.DENY_SERVICE));
        assertEquals(List.of(7, 8, 9), t.rights().get(UserRight.DENY_SERVICE).entries().stream()
                .map(e -> e.provenance().line()).collect(Collectors.toList()));

        assertEquals(List.of("sid-without-star", "quoted-value", "relative-sid-form", "semicolon-in-value",
                "line-continuation"), codes(parsed));
        InputNote handWritten = note(parsed, "sid-without-star");
        assertEquals(InputNote.Level.INFO, handWritten.level());
        assertTrue(handWritten.message().contains("hand-written SID without '*'"), handWritten.message());
        assertEquals(4, handWritten.provenance().line());
        assertEquals(InputNote.Level.WARNING, note(parsed, "relative-sid-form").level());
        assertEquals(6, note(parsed, "semicolon-in-value").provenance().line());
        assertEquals(7, note(parsed, "line-continuation").provenance().line());
    }

    @Test
    void twoHundredThousandSidsOnOneLine() throws Exception {
        StringBuilder b = new StringBuilder("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = ");
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append('*').append(DOMAIN).append('-').append(10_000 + i);
        }
        b.append("\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\n");

        SecurityTemplate t = SecurityTemplateParser.parse(b.toString(), "huge.inf", SourceKind.SECEDIT_EXPORT).value();

        List<RightEntry> entries = t.rights().get(UserRight.BATCH).entries();
        assertEquals(count, entries.size());
        assertEquals(Sid.parse(DOMAIN + "-10000"), entries.get(0).principal().sid());
        assertEquals(Sid.parse(DOMAIN + "-" + (10_000 + count - 1)), entries.get(count - 1).principal().sid());
        assertTrue(entries.stream().allMatch(e -> e.provenance().line() == 4));
    }

    @Test
    void manyHandWrittenSidsGiveOneNote() throws Exception {
        String sids = IntStream.range(0, 1000).mapToObj(i -> "S-1-5-21-1-2-3-" + i).collect(Collectors.joining(","));
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                "[Privilege Rights]\nSeBatchLogonRight = " + sids + "\n" + VERSION, "many.inf", SourceKind.GPO_TEMPLATE);

        assertEquals(1000, parsed.value().rights().get(UserRight.BATCH).entries().size());
        assertEquals(List.of("sid-without-star"), codes(parsed));
        assertTrue(parsed.notes().get(0).message().endsWith("and 999 more"), parsed.notes().get(0).message());
    }

    @Test
    void nulCharacterIsRejectedWithItsLine() {
        InputException e = assertThrows(InputException.class, () -> SecurityTemplateParser.parse(
                "[Unicode]\r\nUnicode=yes\r\nSe\0BatchLogonRight = *S-1-5-32-544\r\n", "nul.inf", SourceKind.GPO_TEMPLATE));
        assertEquals("line 3", e.position());
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void starFollowedByNonSidFailsEvenWithATrailingComment() {
        for (String value : List.of("*S-1-5-32-546 ; Guests", "*", "*Guests", "*S-1-5-21-1-2-3-99999999999")) {
            InputException e = assertThrows(InputException.class, () -> SecurityTemplateParser.parse(
                    "[Privilege Rights]\nSeDenyBatchLogonRight = " + value + "\n", "t.inf", SourceKind.GPO_TEMPLATE));
            assertEquals("line 2", e.position());
            assertEquals("malformed SID '" + value + "' in SeDenyBatchLogonRight", e.getMessage());
        }
    }

    @Test
    void emptyQuotesAndTrailingCommasMeanDefinedEmpty() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse("[Privilege Rights]\nSeBatchLogonRight = \"\"\n"
                + "SeServiceLogonRight = ,, ,\nSeDenyBatchLogonRight=\n", "t.inf", SourceKind.GPO_TEMPLATE).value();
        for (UserRight r : List.of(UserRight.BATCH, UserRight.SERVICE, UserRight.DENY_BATCH)) {
            assertEquals(List.of(), t.rights().get(r).entries(), r.constantName());
        }
    }

    @Test
    void lineEndingsCrLfAndBareCrAreAllLineBreaks() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse("\uFEFF[Unicode]\rUnicode=yes\n[Privilege Rights]\r\n"
                + "SeBatchLogonRight = *S-1-5-32-544\rSeServiceLogonRight = *S-1-5-80-0\r", "t.inf",
                SourceKind.SECEDIT_EXPORT).value();
        assertEquals(4, t.rights().get(UserRight.BATCH).provenance().line());
        assertEquals(5, t.rights().get(UserRight.SERVICE).provenance().line());
    }

    @Test
    void sectionHeadersAreTrimmedCaseInsensitiveAndMayCarryAComment() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse("[Version]\n  [  privilege RIGHTS  ]  ; user rights\n"
                + "SeBatchLogonRight = *S-1-5-32-544\n[Registry Values]\nSeServiceLogonRight = *S-1-5-80-0\n",
                "t.inf", SourceKind.GPO_TEMPLATE).value();
        assertEquals(List.of(UserRight.BATCH), List.copyOf(t.rights().keySet()));
    }

    @Test
    void aFileThatEndsInsideARightsLineIsRefused() {
        // The case: cut at an even byte inside a SID, and cut after a comma.
        for (String tail : List.of("SeBatchLogonRight = *S-1-5-21-1870432911-29", "SeDenyBatchLogonRight = *S-1-5-32-546,",
                "SeDenyBatchLogonRight = *S-1-5-32-54", "SeDenyBatch", "; comment")) {
            InputException e = assertThrows(InputException.class, () -> SecurityTemplateParser.parse(
                    "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-80-0\r\n" + tail,
                    "cut.inf", SourceKind.SECEDIT_EXPORT), tail);
            assertEquals("cut.inf: line 5: the file ends inside a line: truncated?", e.oneLine());
        }
    }

    @Test
    void rightsWithNoSectionAfterThemMayBeCutAndSaySo() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse("[Unicode]\r\nUnicode=yes\r\n[Version]\r\n"
                + "signature=\"$CHICAGO$\"\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-544\r\n\r\n", "t.inf",
                SourceKind.GPO_TEMPLATE);
        assertEquals(List.of(SecurityTemplateParser.RIGHTS_MAY_BE_CUT), codes(parsed));
        assertEquals(InputNote.Level.WARNING, parsed.notes().get(0).level());
        assertEquals(Provenance.of(SourceKind.GPO_TEMPLATE, "t.inf"), parsed.notes().get(0).provenance());
    }

    @Test
    void aSectionAfterTheRightsShowsThemWholeEvenWhenTheLastLineIsCut() throws Exception {
        // A real GPO backup ends with a comment a script appended and no line break; its rights are whole.
        for (String tail : List.of("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n", "[Version]\r\nsignature=\"$CHIC",
                "[Registry Keys]\r\n\"MACHINE\\SYSTEM\",0,\"D:PAR\" # Added by a script")) {
            Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\n"
                    + "SeBatchLogonRight = *S-1-5-32-544\r\n" + tail, "t.inf", SourceKind.SECEDIT_EXPORT);
            assertEquals(List.of(), codes(parsed), tail);
            assertEquals(List.of("S-1-5-32-544"), holders(parsed.value(), UserRight.BATCH));
        }
    }

    @Test
    void anExportWithoutUserRightsSaysHowToExportThem() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\n"
                + "MinimumPasswordAge = 1\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\n", "t.inf", SourceKind.SECEDIT_EXPORT);
        assertEquals(List.of(SecurityTemplateParser.NO_PRIVILEGE_RIGHTS), codes(parsed));
        assertEquals("the export holds no user rights: export with /areas USER_RIGHTS", parsed.notes().get(0).message());
    }

    @Test
    void templateWithoutPrivilegeRightsIsValidButNoted() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                "[Unicode]\nUnicode=yes\n[Registry Values]\nMACHINE\\X=8,Remove:\n[Version]\nsignature=$CHICAGO$\n",
                "t.inf", SourceKind.GPO_TEMPLATE);
        assertTrue(parsed.value().rights().isEmpty());
        assertEquals(List.of("no-privilege-rights"), codes(parsed));
        assertEquals(InputNote.Level.WARNING, parsed.notes().get(0).level());
        assertEquals(0, parsed.notes().get(0).provenance().line());
    }

    @Test
    void textBeforeTheFirstSectionIsIgnoredWithAWarning() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                "SeBatchLogonRight = *S-1-5-32-544\n[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n" + VERSION,
                "t.inf", SourceKind.GPO_TEMPLATE);
        assertEquals(List.of(UserRight.SERVICE), List.copyOf(parsed.value().rights().keySet()));
        assertEquals(List.of("outside-section"), codes(parsed));
        assertEquals(1, parsed.notes().get(0).provenance().line());
    }

    @Test
    void emptyRightInAnExportIsNotedBecauseSeceditNeverWritesIt() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                "[Privilege Rights]\nSeDenyBatchLogonRight =\n" + VERSION, "t.inf", SourceKind.SECEDIT_EXPORT);
        assertEquals(List.of("empty-right-in-export"), codes(parsed));
        assertTrue(parsed.value().toEffectiveRights().assignments().isEmpty());
    }

    @Test
    void keyWithoutNameAndSidLikeNamesAreWarnings() throws Exception {
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(
                "[Privilege Rights]\n= *S-1-5-32-544\nSeBatchLogonRight = S-1-X-5\n" + VERSION, "t.inf", SourceKind.GPO_TEMPLATE);
        assertEquals(List.of("empty-key", "sid-like-name"), codes(parsed));
        assertEquals(List.of("name:S-1-X-5"), holders(parsed.value(), UserRight.BATCH));
    }

    @Test
    void continuationAtTheEndOfTheSectionStops() throws Exception {
        SecurityTemplate t = SecurityTemplateParser.parse(
                "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544,\\\n[Version]\nsignature=$CHICAGO$\n",
                "t.inf", SourceKind.GPO_TEMPLATE).value();
        assertEquals(List.of("S-1-5-32-544"), holders(t, UserRight.BATCH));
    }

    @Test
    void undecodableBytesFallBackToWindows1252WithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cp1252.inf");
        Files.write(file, ("[Privilege Rights]\r\nSeDenyInteractiveLogonRight = Jos\u00e9\r\n" + VERSION)
                .getBytes(Charset.forName("windows-1252")));
        Parsed<SecurityTemplate> parsed = SecurityTemplateParser.parse(file, SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT);

        assertEquals(List.of("name:Jos\u00e9"), holders(parsed.value(), UserRight.DENY_INTERACTIVE));
        assertEquals(List.of("encoding-guessed"), codes(parsed));
    }

    @Test
    void utf16WithoutBomIsSniffed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nobom.inf");
        Files.write(file, "[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-568\r\n".getBytes(StandardCharsets.UTF_16LE));
        SecurityTemplate t = SecurityTemplateParser.parse(file, SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT).value();
        assertEquals(List.of("S-1-5-32-568"), holders(t, UserRight.BATCH));
    }

    @Test
    void onlyTemplateKindsAreAccepted() {
        assertThrows(IllegalArgumentException.class,
                () -> SecurityTemplateParser.parse("[Privilege Rights]\n", "t.inf", SourceKind.LSA));
    }

    @Test
    void missingFileIsAnInputException(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class,
                () -> SecurityTemplateParser.parse(dir.resolve("absent.inf"), SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT));
        assertEquals("no such file", e.getMessage());
        assertNull(e.position());
    }
}
