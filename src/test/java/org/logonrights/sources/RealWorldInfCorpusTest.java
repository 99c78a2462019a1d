package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Principal;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * Parses every real template in {@code ../shared/realworld/inf} (not part of the project: the files
 * have mixed licences). Each must parse or fail with a message; for some, facts read by hand from
 * the file are checked. Set {@code -Dlogonrights.realworld=<realworld folder>} to point elsewhere.
 */
class RealWorldInfCorpusTest {

    /** Facts checked per file, keyed by the start of its corpus file name. */
    private static final Map<String, Consumer<Parsed<SecurityTemplate>>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("Tsumihara__STIG__GptTmpl.inf", p -> {
            // UTF-8 with BOM while declaring Unicode=yes.
            assertDefinedEmpty(p, UserRight.DENY_BATCH, 34);
            assertDefinedEmpty(p, UserRight.DENY_SERVICE, 35);
            assertEquals(List.of("S-1-5-113", "S-1-5-32-546"), holders(p, UserRight.DENY_NETWORK));
        });
        KNOWN.put("Tsumihara__STIG__secpol.cfg", p -> {
            assertEquals(List.of("name:__vmware__", "name:Guest", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-32-551"),
                    holders(p, UserRight.INTERACTIVE));
            assertEquals(105, p.value().rights().get(UserRight.INTERACTIVE).provenance().line());
            assertEquals(List.of("S-1-5-32-544", "S-1-5-32-551", "S-1-5-32-559"), holders(p, UserRight.BATCH));
        });
        KNOWN.put("raandree__GpoReport__GpoBackup__{0A46DE24", p -> {
            assertEquals(List.of("SeTestPrivilege"), p.value().unknownRights().stream().map(u -> u.name()).toList());
            assertEquals(19, p.value().unknownRights().get(0).provenance().line());
            assertTrue(codes(p).contains("unknown-right"), codes(p).toString());
            assertTrue(p.value().rights().isEmpty());
        });
        KNOWN.put("raandree__GpoReport__GpoBackup__{2D482049", p -> {
            assertTrue(p.value().rights().isEmpty());
            assertTrue(p.value().unknownRights().isEmpty());
        });
        KNOWN.put("MpenaAIT__Policy__", p -> {
            assertEquals("name:Invitado", holders(p, UserRight.INTERACTIVE).get(0));
            assertEquals(List.of("name:Invitado"), holders(p, UserRight.DENY_NETWORK));
            assertDefinedEmpty(p, UserRight.DENY_BATCH, 126);
        });
        KNOWN.put("AetherBreaker__POSSetupFiles__secpol.cfg", p -> {
            assertTrue(holders(p, UserRight.SERVICE).contains("name:SQLServer2005SQLBrowserUser$DESKTOP-SO94AM2"));
            assertTrue(holders(p, UserRight.BATCH).contains("S-1-5-32-568"));
            assertEquals(List.of("name:Guest"), holders(p, UserRight.DENY_INTERACTIVE));
        });
        KNOWN.put("CCDC-RIT__Windows-Scripts__dc__dc-secpol.inf", p -> {
            // Every right name is lower-case in this file.
            assertDefinedEmpty(p, UserRight.BATCH, 144);
            assertEquals(List.of("S-1-5-32-546"), holders(p, UserRight.DENY_BATCH));
        });
        KNOWN.put("CCDC-RIT__Windows-Scripts__wc__", p -> assertDefinedEmpty(p, UserRight.BATCH, 158));
        KNOWN.put("nsacyber__Windows-Secure-Host-Baseline__Windows__Group Policy Objects__Computer__{AC662460",
                p -> assertEquals(List.of("name:Enterprise Admins", "name:Domain Admins"), holders(p, UserRight.DENY_BATCH)));
        KNOWN.put("simeononsecurity__Windows-Optimize-Harden-Debloat__Files__GPOs__DoD__DoD - Windows Server 2012 R2",
                p -> assertEquals(List.of("name:ADD YOUR ENTERPRISE ADMINS", "name:ADD YOUR DOMAIN ADMINS"),
                        holders(p, UserRight.DENY_SERVICE)));
        KNOWN.put("simeononsecurity__Windows-Optimize-Harden-Debloat__Files__GPOs__Microsoft__Windows 10 1909 Baseline__Scripts",
                p -> {
                    // "SeDenyNetworkLogonRight = " with a trailing space.
                    assertDefinedEmpty(p, UserRight.DENY_NETWORK, 10);
                    assertDefinedEmpty(p, UserRight.DENY_REMOTE_INTERACTIVE, 11);
                });
        KNOWN.put("z3r0page__gpocopy__", p -> {
            assertEquals(List.of("S-1-5-32-546"), holders(p, UserRight.DENY_BATCH));
            assertEquals(99, p.value().rights().get(UserRight.DENY_BATCH).provenance().line());
            assertEquals(List.of("S-1-5-32-546", "S-1-5-114"), holders(p, UserRight.DENY_NETWORK));
        });
        KNOWN.put("dsccommunity__SecurityPolicyDsc__Tests__TestHelpers__sample.inf",
                p -> assertEquals(List.of("S-1-5-80-0"), holders(p, UserRight.SERVICE)));
    }

    @TestFactory
    Stream<DynamicTest> everyRealTemplateParsesOrFailsCleanly() throws IOException {
        Path corpus = corpusFolder();
        if (!Files.isDirectory(corpus)) {
            // Aborting inside a test, not in the factory, makes build tools report one skipped test.
            return Stream.of(DynamicTest.dynamicTest("real-world INF corpus", () -> Assumptions.abort(
                    "real-world INF corpus absent at " + corpus
                            + " (set -Dlogonrights.realworld=<realworld folder> to run these tests)")));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no files in " + corpus);
        DynamicTest allKnownPresent = DynamicTest.dynamicTest("every file with known facts is in the corpus", () -> {
            for (String prefix : KNOWN.keySet()) {
                assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith(prefix)), prefix);
            }
        });
        return Stream.concat(Stream.of(allKnownPresent),
                files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f))));
    }

    private static Path corpusFolder() {
        String property = System.getProperty("logonrights.realworld");
        if (property != null && !property.isBlank()) {
            return Path.of(property).resolve("inf");
        }
        return Path.of("").toAbsolutePath().getParent().resolve("shared/realworld/inf");
    }

    private static void check(Path file) {
        String name = file.getFileName().toString();
        SourceKind kind = name.contains("GptTmpl") ? SourceKind.GPO_TEMPLATE : SourceKind.SECEDIT_EXPORT;
        Consumer<Parsed<SecurityTemplate>> facts = KNOWN.entrySet().stream()
                .filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
        Parsed<SecurityTemplate> parsed;
        try {
            parsed = SecurityTemplateParser.parse(file, kind, InputFiles.DEFAULT);
        } catch (InputException e) {
            if (facts != null) {
                fail("a file with known facts must parse: " + e.oneLine(), e);
            }
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "InputException without a message");
            return;
        }
        for (RightAssignment a : parsed.value().rights().values()) {
            for (RightEntry e : a.entries()) {
                assertEquals(file.toString(), e.provenance().file());
                assertEquals(a.right().constantName(), e.provenance().element());
                assertTrue(e.provenance().line() > 0);
            }
        }
        for (InputNote n : parsed.notes()) {
            assertFalse(n.message().isBlank(), n.code());
        }
        if (facts != null) {
            facts.accept(parsed);
        }
    }

    private static void assertDefinedEmpty(Parsed<SecurityTemplate> p, UserRight right, int line) {
        RightAssignment a = p.value().rights().get(right);
        assertNotNull(a, right + " should be defined");
        assertEquals(List.of(), a.entries(), right.constantName());
        assertEquals(line, a.provenance().line(), right.constantName());
    }

    private static List<String> holders(Parsed<SecurityTemplate> p, UserRight right) {
        RightAssignment a = p.value().rights().get(right);
        assertNotNull(a, right + " should be defined");
        return a.entries().stream().map(e -> label(e.principal())).toList();
    }

    private static String label(Principal p) {
        return p.hasSid() ? p.sid().toString() : "name:" + p.name();
    }

    private static List<String> codes(Parsed<?> p) {
        return p.notes().stream().map(InputNote::code).toList();
    }
}
