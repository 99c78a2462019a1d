package org.logonrights.sources;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

class GpresultParserTest {

    static final String ORPHAN_POOL_SID = "S-1-5-82-1036420768-1044797643-1061213386-2937092688-4282445334";

    static Path fixture(String name) {
        try {
            return Path.of(GpresultParserTest.class.getResource("/fixtures/gpresult/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Parsed<GpresultReport> parseFixture(String name) throws InputException {
        return GpresultParser.parse(fixture(name), InputFiles.DEFAULT);
    }

    static GpoRightSetting only(GroupPolicy gp, UserRight right) {
        List<GpoRightSetting> s = gp.settings().stream().filter(x -> x.right() == right).toList();
        assertEquals(1, s.size(), () -> "settings for " + right + ": " + s);
        return s.get(0);
    }

    static List<Principal> principals(GpoRightSetting s) {
        return s.members().stream().map(RightEntry::principal).toList();
    }

    static List<String> codes(Parsed<?> p, Level level) {
        return p.notes().stream().filter(n -> n.level() == level).map(InputNote::code).toList();
    }

    @Nested
    class LockdownReport {

        final String file = fixture("rsop-web-lockdown.xml").toString();
        final Parsed<GpresultReport> parsed;
        final GroupPolicy gp;

        LockdownReport() throws InputException {
            parsed = parseFixture("rsop-web-lockdown.xml");
            gp = parsed.value().groupPolicy();
        }

        @Test
        void machineComesFromTheComputerAccount() {
            assertEquals(new MachineInfo("WEB-APP07", "FABRIKAM", null, null), parsed.value().machine());
        }

        @Test
        void listsEachComputerGpoOnceWhateverTheCaseOfItsGuid() {
            assertEquals(List.of(
                    new GpoInfo("LocalGPO", "Local Group Policy", null),
                    new GpoInfo("{a41c93e2-5d07-4b8f-9c1e-07f3b2d6e815}", "Fabrikam Member Server Baseline", "fabrikam.net"),
                    new GpoInfo("{c7e5b1d0-2f9a-4e36-a8b4-6d0c3f1e9a27}", "IIS Servers - Logon Rights", "fabrikam.net"),
                    new GpoInfo("{5E9F0C11-7A2B-4C3D-9E8F-1A2B3C4D5E6F}", "{5E9F0C11-7A2B-4C3D-9E8F-1A2B3C4D5E6F}", "fabrikam.net")),
                    gp.gpos());
        }

        @Test
        void readsOnlyComputerLogonRightsAndKeepsLosers() {
            assertEquals(List.of(UserRight.BATCH, UserRight.BATCH, UserRight.SERVICE, UserRight.DENY_BATCH,
                    UserRight.DENY_NETWORK, UserRight.REMOTE_INTERACTIVE, UserRight.DENY_INTERACTIVE),
                    gp.settings().stream().map(GpoRightSetting::right).toList());
            assertFalse(gp.defines(UserRight.DENY_SERVICE), "UserResults must be ignored");
        }

        @Test
        void winnerAndLoserOfBatchJoinToDisplayNamesDespiteGuidCase() {
            GpoRightSetting winner = gp.winning(UserRight.BATCH).orElseThrow();
            assertEquals(1, winner.precedence());
            assertEquals("IIS Servers - Logon Rights", winner.gpo().displayName());
            assertEquals(List.of(Principal.ofName("Administrators"), Principal.ofName("FABRIKAM\\GG-IIS-BatchIdentities")),
                    principals(winner));
            assertEquals(new Provenance(SourceKind.GPRESULT, file, 202, "UserRightsAssignment[SeBatchLogonRight]"),
                    winner.provenance());

            List<GpoRightSetting> losers = gp.losing(UserRight.BATCH);
            assertEquals(1, losers.size());
            GpoRightSetting loser = losers.get(0);
            assertEquals(2, loser.precedence());
            assertEquals("Fabrikam Member Server Baseline", loser.gpo().displayName());
            assertEquals(List.of("Administrators", "Backup Operators", "Performance Log Users"),
                    principals(loser).stream().map(Principal::name).toList());
        }

        @Test
        void sidOnlyMemberKeepsItsSidAndItsLine() {
            GpoRightSetting service = only(gp, UserRight.SERVICE);
            assertEquals(List.of(Principal.ofName("NT SERVICE\\ALL SERVICES"), Principal.ofName("IIS APPPOOL\\Payroll"),
                    Principal.ofSid(Sid.parse(ORPHAN_POOL_SID))), principals(service));
            RightEntry orphan = service.members().get(2);
            assertNull(orphan.principal().name());
            assertEquals(new Provenance(SourceKind.GPRESULT, file, 246, "UserRightsAssignment[SeServiceLogonRight]"),
                    orphan.provenance());
        }

        @Test
        void rightWithoutMembersIsDefinedEmpty() {
            GpoRightSetting denyBatch = only(gp, UserRight.DENY_BATCH);
            assertTrue(denyBatch.members().isEmpty());
            assertTrue(gp.defines(UserRight.DENY_BATCH));
            assertEquals(250, denyBatch.provenance().line());
        }

        @Test
        void unqualifiedNamesAreKeptExactlyAsWritten() {
            assertEquals(List.of(Principal.ofName("Guests"), Principal.ofName("Local account and member of Administrators group")),
                    principals(only(gp, UserRight.DENY_NETWORK)));
        }

        @Test
        void localGpoSettingIsLabelledLocalGroupPolicy() {
            GpoInfo local = only(gp, UserRight.REMOTE_INTERACTIVE).gpo();
            assertEquals(new GpoInfo("LocalGPO", "Local Group Policy", null), local);
        }

        @Test
        void settingFromAnUnlistedGpoKeepsItsGuidAsLabel() {
            GpoInfo gpo = only(gp, UserRight.DENY_INTERACTIVE).gpo();
            assertEquals(new GpoInfo("{9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D}", null, "fabrikam.net"), gpo);
            assertEquals("{9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D}", gpo.label());
            assertTrue(codes(parsed, Level.INFO).contains("gpo-not-listed"));
        }

        @Test
        void privilegesAreSkippedAndUnknownNamesReported() {
            assertEquals(1, parsed.value().unknownRights().size());
            assertEquals("SeTestPrivilege", parsed.value().unknownRights().get(0).name());
            assertEquals(302, parsed.value().unknownRights().get(0).provenance().line());
            assertEquals(List.of("unknown-right", "gpo-not-listed"), codes(parsed, Level.INFO));
            assertEquals(List.of(), codes(parsed, Level.WARNING));
        }

        @Test
        void sourcesNameTheFile() {
            assertEquals(List.of(Provenance.of(SourceKind.GPRESULT, file)), gp.sources());
        }
    }

    @Test
    void prefixQ3AndAFailedSecurityExtension() throws InputException {
        Parsed<GpresultReport> parsed = parseFixture("rsop-q3-security-cse-failed.xml");
        GroupPolicy gp = parsed.value().groupPolicy();
        assertEquals(1, gp.settings().size(), "the escaped XML in EventsDetails is text, not settings");
        GpoRightSetting deny = only(gp, UserRight.DENY_SERVICE);
        assertEquals("DMZ Web Hardening", deny.gpo().displayName());
        assertEquals(List.of(Principal.ofName("Guests"), Principal.ofName("WOODGROVE\\Domain Users")), principals(deny));
        assertEquals(new MachineInfo("IIS-EDGE02", "WOODGROVE", null, null), parsed.value().machine());

        assertEquals(List.of("security-cse-incomplete", "member-without-identity"), codes(parsed, Level.WARNING));
        InputNote cse = parsed.notes().get(0);
        assertTrue(cse.message().contains("1332") && cse.message().contains("Warning"), cse.message());
        assertEquals(20, cse.provenance().line());
        InputNote member = parsed.notes().get(1);
        assertEquals(62, member.provenance().line());
    }

    @Test
    void reportWithoutUserRightsIsValidAndSaysSo() throws InputException {
        Parsed<GpresultReport> parsed = parseFixture("rsop-no-user-rights.xml");
        assertTrue(parsed.value().groupPolicy().settings().isEmpty());
        assertEquals(List.of(new GpoInfo("LocalGPO", "Local Group Policy", null)), parsed.value().groupPolicy().gpos());
        assertEquals(List.of("no-user-rights"), codes(parsed, Level.INFO));
        assertEquals(new MachineInfo("KIOSK-03", "WORKGROUP", null, null), parsed.value().machine());
    }

    @Test
    void getGpoReportIsOneGposOwnDefinition() throws InputException {
        Parsed<GpresultReport> parsed = parseFixture("gporeport-iis-app-identities.xml");
        GroupPolicy gp = parsed.value().groupPolicy();
        GpoInfo gpo = new GpoInfo("{4F2A9C71-0B3E-4D58-96A1-C2E7F5B8D034}", "IIS App Identities - Rights", "fabrikam.net");
        assertEquals(List.of(gpo), gp.gpos());
        assertEquals(List.of(UserRight.BATCH, UserRight.SERVICE, UserRight.DENY_SERVICE),
                gp.settings().stream().map(GpoRightSetting::right).toList());
        assertTrue(gp.settings().stream().allMatch(s -> s.precedence() == 1 && s.gpo().equals(gpo)));
        assertEquals(List.of(new Principal(Sid.parse("S-1-5-32-544"), "BUILTIN\\Administrators"),
                new Principal(Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1604"), "FABRIKAM\\svc-payroll")),
                principals(only(gp, UserRight.BATCH)));
        assertEquals(List.of(new Principal(Sid.parse("S-1-5-80-0"), "NT SERVICE\\ALL SERVICES"),
                Principal.ofSid(Sid.parse(ORPHAN_POOL_SID))), principals(only(gp, UserRight.SERVICE)));
        assertTrue(only(gp, UserRight.DENY_SERVICE).members().isEmpty());
        assertEquals(MachineInfo.UNKNOWN, parsed.value().machine());
        assertEquals(List.of(), parsed.notes());
    }

    @Test
    void utf8FileDeclaringUtf16IsReadFromItsBytes() throws InputException {
        Parsed<GpresultReport> parsed = parseFixture("rsop-utf8-declares-utf16.xml");
        GpoRightSetting batch = only(parsed.value().groupPolicy(), UserRight.BATCH);
        assertEquals("Serveurs Web \u2013 Droits d'ouverture de session", batch.gpo().displayName());
        assertEquals(List.of(Principal.ofName("Administrateurs"), Principal.ofName("Op\u00e9rateurs de sauvegarde")),
                principals(batch));
    }

    @Test
    void fixturesKeepTheirCapturedBytes() throws IOException {
        byte[] b = Files.readAllBytes(fixture("rsop-web-lockdown.xml"));
        assertEquals(List.of((byte) 0xFF, (byte) 0xFE), List.of(b[0], b[1]));
        String text = new String(b, 2, b.length - 2, UTF_16LE);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Rsop "));
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        byte[] utf8 = Files.readAllBytes(fixture("rsop-utf8-declares-utf16.xml"));
        assertEquals('<', utf8[0]);
        assertFalse(new String(utf8, java.nio.charset.StandardCharsets.UTF_8).contains("\r"));
    }

    @Nested
    class Rejected {

        InputException rejected(String fixture) {
            InputException e = assertThrows(InputException.class, () -> parseFixture(fixture));
            assertOneLineWithLine(e);
            return e;
        }

        void assertOneLineWithLine(InputException e) {
            assertFalse(e.oneLine().contains("\n") || e.oneLine().contains("\r"), e.oneLine());
            assertTrue(e.position() != null && e.position().startsWith("line "), e.oneLine());
        }

        @Test
        void externalEntityIsNeverFetched() {
            InputException e = rejected("hostile-external-entity.xml");
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            assertFalse(e.oneLine().contains("root:"), e.oneLine());
        }

        @Test
        void billionLaughsIsRefusedQuickly() {
            InputException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected("hostile-billion-laughs.xml"));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }

        @Test
        void rootWithoutTheRsopNamespace() {
            InputException e = rejected("wrong-root-unqualified-rsop.xml");
            assertEquals("not a gpresult report: root element is <Rsop> (no namespace), expected <Rsop> or <GPO>",
                    e.getMessage());
            assertEquals("line 2", e.position());
        }

        @Test
        void truncatedReport() {
            InputException e = rejected("truncated-rsop.xml");
            assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
        }

        @Test
        void gpoRootInTheRsopNamespace() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    "<?xml version=\"1.0\"?>\n<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\"/>", "x.xml"));
            assertOneLineWithLine(e);
            assertEquals("not a gpresult report: root element is <{http://www.microsoft.com/GroupPolicy/Rsop}GPO>,"
                    + " expected <Rsop> or <GPO>", e.getMessage());
            assertEquals("x.xml: line 2: " + e.getMessage(), e.oneLine());
        }

        @Test
        void applicationHostConfigGivenByMistake() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    "<configuration>\n<system.applicationHost/>\n</configuration>", "applicationHost.config"));
            assertEquals("not a gpresult report: root element is <configuration> (no namespace), expected <Rsop> or <GPO>",
                    e.getMessage());
        }

        @Test
        void userOnlyReportSaysHowToCaptureTheComputerPart() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    Rsop.HEADER + "<DataType>LoggedData</DataType><UserResults/></Rsop>", "user.xml"));
            assertTrue(e.getMessage().contains("/scope computer"), e.getMessage());
        }

        @Test
        void nonNumericPrecedenceCitesItsLine() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    Rsop.withAssignment("<b:Precedence>first</b:Precedence>\n<s:Name>SeBatchLogonRight</s:Name>"), "p.xml"));
            assertOneLineWithLine(e);
            assertEquals("line 3", e.position());
            assertEquals("UserRightsAssignment[SeBatchLogonRight]: <Precedence> must be a whole number of 1 or more,"
                    + " found 'first'", e.getMessage());
        }

        @Test
        void zeroPrecedenceIsRejected() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    Rsop.withAssignment("<b:Precedence>0</b:Precedence><s:Name>SeBatchLogonRight</s:Name>"), "p.xml"));
            assertTrue(e.getMessage().endsWith("found '0'"), e.getMessage());
        }

        @Test
        void malformedSidCitesItsLine() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(Rsop.withAssignment(
                    "<s:Name>SeServiceLogonRight</s:Name>\n<s:Member>\n<t:SID>S-1-5-82-oops</t:SID>\n</s:Member>"), "s.xml"));
            assertOneLineWithLine(e);
            assertEquals("line 5", e.position());
            assertTrue(e.getMessage().startsWith("UserRightsAssignment[SeServiceLogonRight]: <SID> of a <Member>: not a SID"),
                    e.getMessage());
        }

        @Test
        void oddByteCountUtf16IsATruncatedFile(@TempDir Path dir) throws IOException {
            byte[] whole = Files.readAllBytes(fixture("rsop-no-user-rights.xml"));
            Path cut = Files.write(dir.resolve("cut.xml"), Arrays.copyOf(whole, 1001));
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(cut, InputFiles.DEFAULT));
            assertTrue(e.getMessage().contains("odd number of bytes"), e.getMessage());
        }
    }

    /** Small RSoP documents for edge cases; prefixes s/t/b are arbitrary, as in real files. */
    static final class Rsop {
        static final String HEADER = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n"
                + "<Rsop xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">";

        static String withAssignment(String body) {
            return HEADER + "<ComputerResults><Name>FABRIKAM\\WEB-APP07$</Name><ExtensionData>"
                    + "<Extension xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\""
                    + " xmlns:s=\"http://www.microsoft.com/GroupPolicy/Settings/Security\""
                    + " xmlns:t=\"http://www.microsoft.com/GroupPolicy/Types\""
                    + " xmlns:b=\"http://www.microsoft.com/GroupPolicy/Settings/Base\">\n<s:UserRightsAssignment>"
                    + body + "</s:UserRightsAssignment></Extension></ExtensionData></ComputerResults></Rsop>";
        }

        private Rsop() {
        }
    }

    @Nested
    class EdgeCases {

        @ParameterizedTest
        @ValueSource(strings = {"PlanningData", "planningdata"})
        void planningDataIsFlaggedAndHasNoMachineName(String dataType) throws InputException {
            Parsed<GpresultReport> p = GpresultParser.parse(Rsop.HEADER + "<DataType>" + dataType + "</DataType>"
                    + "<ComputerResults><Name /><Domain>Contoso.com</Domain></ComputerResults></Rsop>", "plan.xml");
            assertEquals(new MachineInfo(null, "Contoso.com", null, null), p.value().machine());
            assertEquals(List.of("planning-data"), codes(p, Level.WARNING));
        }

        @Test
        void missingPrecedenceMeansOneAndMissingGpoIsWarned() throws InputException {
            Parsed<GpresultReport> p = GpresultParser.parse(Rsop.withAssignment(
                    "<s:Name>SeNetworkLogonRight</s:Name><s:Member><t:SID> </t:SID><t:Name>Everyone</t:Name></s:Member>"), "m.xml");
            GpoRightSetting s = only(p.value().groupPolicy(), UserRight.NETWORK);
            assertEquals(1, s.precedence());
            assertEquals("unknown GPO", s.gpo().displayName());
            assertEquals(List.of(Principal.ofName("Everyone")), principals(s));
            assertEquals(List.of("setting-without-gpo"), codes(p, Level.WARNING));
        }

        @Test
        void assignmentWithoutNameIsSkippedWithAWarning() throws InputException {
            Parsed<GpresultReport> p = GpresultParser.parse(Rsop.withAssignment("<s:Member><t:Name>Everyone</t:Name></s:Member>"), "n.xml");
            assertTrue(p.value().groupPolicy().settings().isEmpty());
            assertEquals(List.of("right-name-missing"), codes(p, Level.WARNING));
        }

        @Test
        void privilegesOnlyIsNotTheSameAsNoUserRights() throws InputException {
            Parsed<GpresultReport> p = GpresultParser.parse(Rsop.withAssignment("<s:Name>SeDebugPrivilege</s:Name>"), "d.xml");
            assertTrue(p.value().groupPolicy().settings().isEmpty());
            assertEquals(List.of("no-logon-rights"), codes(p, Level.INFO));
        }

        @Test
        void disabledComputerHalfOfAGpoReportIsWarned() throws InputException {
            Parsed<GpresultReport> p = GpresultParser.parse("<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\">"
                    + "<Identifier><Identifier xmlns=\"http://www.microsoft.com/GroupPolicy/Types\">{4F2A9C71-0B3E-4D58-96A1-C2E7F5B8D034}"
                    + "</Identifier></Identifier><Name>Off</Name><Computer><Enabled>false</Enabled></Computer></GPO>", "off.xml");
            assertEquals(List.of("computer-settings-disabled"), codes(p, Level.WARNING));
            assertEquals(List.of("no-user-rights"), codes(p, Level.INFO));
        }

        @Test
        void gpoReportWithoutIdentityIsRejected() {
            InputException e = assertThrows(InputException.class, () -> GpresultParser.parse(
                    "<GPO xmlns=\"http://www.microsoft.com/GroupPolicy/Settings\"><Computer/></GPO>", "anon.xml"));
            assertEquals("line 1", e.position());
        }
    }
}
