package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/**
 * Runs the parser over the real reports in {@code shared/realworld/gpresult} (not part of this
 * repository: their licences vary). Every file must parse or be rejected with an
 * {@link InputException}; a few carry facts checked by hand.
 */
class RealWorldGpresultCorpusTest {

    static Path corpus() {
        String property = System.getProperty("logonrights.realworld");
        Path dir;
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            dir = Files.isDirectory(p.resolve("gpresult")) ? p.resolve("gpresult") : p;
        } else {
            dir = Path.of("").toAbsolutePath().getParent().resolve("shared/realworld/gpresult");
        }
        if (!Files.isDirectory(dir)) {
            Assumptions.abort("real-world corpus not found at " + dir);
        }
        return dir;
    }

    static Path file(String name) {
        Path p = corpus().resolve(name);
        if (!Files.isRegularFile(p)) {
            Assumptions.abort("real-world file not found: " + p);
        }
        return p;
    }

    static GpoRightSetting winning(GroupPolicy gp, UserRight right) {
        return gp.winning(right).orElseThrow(() -> new AssertionError(right + " not defined"));
    }

    static List<Principal> principals(GpoRightSetting s) {
        return s.members().stream().map(RightEntry::principal).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyFileParsesOrIsCleanlyRejected() throws IOException {
        Path dir = corpus();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty(), "empty corpus at " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            try {
                Parsed<GpresultReport> parsed = GpresultParser.parse(f, InputFiles.DEFAULT);
                GroupPolicy gp = parsed.value().groupPolicy();
                assertFalse(gp.gpos().isEmpty(), "a report names at least one GPO");
                for (GpoRightSetting s : gp.settings()) {
                    assertTrue(s.provenance().line() > 0, () -> "no line for " + s);
                    s.members().forEach(m -> assertTrue(m.provenance().line() > s.provenance().line()));
                }
            } catch (InputException e) {
                assertFalse(e.oneLine().contains("\n"), e.oneLine());
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("crashed instead of accepting or rejecting the file: " + e, e);
            }
        }));
    }

    @Test
    void hersheyTaichouDcReportWithPrefixQ1() throws Exception {
        Path f = file("HersheyTaichou__CIS-Benchmarks__GPResult.xml");
        assertTrue(InputFiles.DEFAULT.readText(f).text()
                .contains("xmlns:q1=\"http://www.microsoft.com/GroupPolicy/Settings/Security\""), "prefix q1");
        Parsed<GpresultReport> parsed = GpresultParser.parse(f, InputFiles.DEFAULT);
        GroupPolicy gp = parsed.value().groupPolicy();
        assertEquals(new MachineInfo("WIN-1CPI0V6RVEL", "oriontech", null, null), parsed.value().machine());
        assertEquals(9, gp.settings().size());
        GpoRightSetting batch = winning(gp, UserRight.BATCH);
        assertEquals(new GpoInfo("{81BB93A3-DFBD-476E-B527-823D9C0C9FA5}", "2 Local Policies DC", "corp.oriontech.info"),
                batch.gpo());
        assertEquals(List.of(Principal.ofName("Administrators")), principals(batch));
        assertEquals(List.of(Principal.ofName("Administrators"), Principal.ofName("Authenticated Users"),
                Principal.ofName("ENTERPRISE DOMAIN CONTROLLERS")), principals(winning(gp, UserRight.NETWORK)));
        assertTrue(gp.settings().stream().flatMap(s -> s.members().stream()).noneMatch(m -> m.principal().hasSid()),
                "RSoP members carry names only");
        assertEquals(List.of(), parsed.notes());
    }

    @Test
    void hersheyTaichouMemberServerReportWithPrefixQ4() throws Exception {
        Parsed<GpresultReport> parsed = GpresultParser.parse(
                file("HersheyTaichou__CIS-Benchmarks__Examples__GPResult-MS.xml"), InputFiles.DEFAULT);
        GroupPolicy gp = parsed.value().groupPolicy();
        assertEquals("CIS-MS01", parsed.value().machine().name());
        assertEquals(10, gp.gpos().size());
        assertFalse(gp.defines(UserRight.BATCH));
        assertTrue(gp.defines(UserRight.DENY_SERVICE));
    }

    @Test
    void raandreeUtf8FileDeclaringUtf16Parses() throws Exception {
        Path f = file("raandree__GpoReport__old__gpo2.xml");
        byte[] head = Files.readAllBytes(f);
        assertTrue(new String(head, 0, 40, StandardCharsets.US_ASCII).startsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>"),
                "UTF-8 bytes, no BOM, declaring utf-16");
        Parsed<GpresultReport> parsed = GpresultParser.parse(f, InputFiles.DEFAULT);
        GroupPolicy gp = parsed.value().groupPolicy();
        assertEquals(List.of(new GpoInfo("{995407FC-4101-4BD3-ACFC-F5FA311603E4}", "x1", gp.gpos().get(0).domain())), gp.gpos());
        assertEquals(7, gp.settings().size());
        assertEquals(List.of(Principal.ofName("ADD YOUR DOMAIN ADMINS"), Principal.ofName("ADD YOUR ENTERPRISE ADMINS")),
                principals(winning(gp, UserRight.DENY_SERVICE)));
        assertEquals(new Principal(Sid.parse("S-1-5-113"), "NT AUTHORITY\\Local account"),
                principals(winning(gp, UserRight.DENY_NETWORK)).get(3));
    }

    @Test
    void allSettings1GpoReportHasSidAndNameMembersButOnlyPrivileges() throws Exception {
        Parsed<GpresultReport> parsed = GpresultParser.parse(
                file("raandree__GpoReport__tests__TestData__AllSettings1.xml"), InputFiles.DEFAULT);
        GroupPolicy gp = parsed.value().groupPolicy();
        assertEquals(List.of(new GpoInfo("{C6B4CCE3-96D0-4F25-ACB0-6CE807301EDC}", "AllSettings1", "contoso.com")), gp.gpos());
        assertTrue(gp.settings().isEmpty(), "its three UserRightsAssignment entries are privileges");
        assertEquals(List.of("no-logon-rights"), parsed.notes().stream().map(InputNote::code).toList());
        assertEquals(MachineInfo.UNKNOWN, parsed.value().machine());
    }

    @Test
    void backupGpoReportGivesSidAndNameAndTheRealGpoGuid() throws Exception {
        Parsed<GpresultReport> parsed = GpresultParser.parse(file("simeononsecurity__Windows-Optimize-Harden-Debloat__Files__GPOs"
                + "__DoD__DoD - Windows Server 2019 DC - Computer__{FF06C570-D5D9-4FF3-BC1D-2AF370E48678}__gpreport.xml"),
                InputFiles.DEFAULT);
        GroupPolicy gp = parsed.value().groupPolicy();
        // The backup folder is {FF06C570-...}: a backup id, not the GPO's GUID.
        assertEquals("{FCC5B857-F409-4626-BF5A-B80FAB745AC6}", gp.gpos().get(0).id());
        assertEquals("DoD - Windows Server 2019 DC - Computer", gp.gpos().get(0).displayName());
        assertEquals(List.of(new Principal(Sid.parse("S-1-5-32-544"), "BUILTIN\\Administrators"),
                new Principal(Sid.parse("S-1-5-11"), "NT AUTHORITY\\Authenticated Users"),
                new Principal(Sid.parse("S-1-5-9"), "NT AUTHORITY\\ENTERPRISE DOMAIN CONTROLLERS")),
                principals(winning(gp, UserRight.NETWORK)));
        assertTrue(winning(gp, UserRight.DENY_SERVICE).members().isEmpty());
    }

    @Test
    void planningDataReportIsFlagged() throws Exception {
        Parsed<GpresultReport> parsed = GpresultParser.parse(
                file("raandree__GpoReport__tests__TestData__Win11-24H2-MSFT-BaselineTest on Win11-24H2-MSFT-BaselineTest.xml"),
                InputFiles.DEFAULT);
        assertNull(parsed.value().machine().name());
        assertEquals("Contoso.com", parsed.value().machine().domain());
        assertEquals(List.of("planning-data"), parsed.notes().stream().map(InputNote::code).toList());
        assertEquals(List.of(Principal.ofName("Local account")),
                principals(winning(parsed.value().groupPolicy(), UserRight.DENY_REMOTE_INTERACTIVE)));
    }
}
