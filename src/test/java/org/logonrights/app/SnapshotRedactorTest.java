package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;
import org.logonrights.sources.InputFiles;

/** --redact keeps every verdict, and gives one real value one pseudonym in every field and sentence. */
class SnapshotRedactorTest {

    static Stream<InputSelection> samples() {
        return SampleInputs.all().stream();
    }

    static Stream<InputSelection> samplesAndExamples() {
        return Stream.concat(SampleInputs.all().stream(), SampleInputs.examples().stream());
    }

    private static Snapshot read(InputSelection in) throws Exception {
        return SnapshotLoader.offline(in, InputFiles.DEFAULT);
    }

    private static Snapshot serverFault() throws Exception {
        return read(SampleInputs.all().get(0));
    }

    @ParameterizedTest
    @MethodSource("samplesAndExamples")
    void everyPoolKeepsItsVerdictConfidenceAndFindings(InputSelection in) throws Exception {
        Snapshot original = read(in);
        Snapshot redacted = SnapshotRedactor.redact(original);
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        for (int i = 0; i < original.iis().pools().size(); i++) {
            pseudonyms.put(original.iis().pools().get(i).name(), redacted.iis().pools().get(i).name());
        }
        AuditResult before = Rules.standardEngine().audit(original);
        AuditResult after = Rules.standardEngine().audit(redacted);
        assertEquals(before.pools().size(), after.pools().size());
        for (PoolResult pool : before.pools()) {
            String alias = pseudonyms.get(pool.name());
            PoolResult same = after.pools().stream().filter(p -> p.name().equals(alias)).findFirst().orElseThrow();
            assertEquals(signature(pool), signature(same), pool.name() + " redacted as " + alias);
        }
        assertEquals(before.machineFindings().stream().map(Finding::ruleId).toList(),
                after.machineFindings().stream().map(Finding::ruleId).toList());
    }

    private static List<String> signature(PoolResult p) {
        return List.of(p.verdict().name(), p.confidence().name(), String.valueOf(p.decidedBy()), p.logon().name(),
                p.findings().stream().map(Finding::ruleId).toList().toString());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pseudonymsAreStableWithinARun(InputSelection in) throws Exception {
        Snapshot original = read(in);
        assertEquals(SnapshotRedactor.redact(original), SnapshotRedactor.redact(original));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void wellKnownPrincipalsAreKept(InputSelection in) throws Exception {
        Snapshot redacted = SnapshotRedactor.redact(read(in));
        assertTrue(redacted.rights().assignments().values().stream().flatMap(a -> a.entries().stream())
                .anyMatch(e -> WellKnownSids.ADMINISTRATORS.equals(e.principal().sid())
                        || WellKnownSids.ALL_SERVICES.equals(e.principal().sid())));
    }

    /** The parsers spell a pool or an application into its XML path: both must carry the same pseudonyms. */
    @ParameterizedTest
    @MethodSource("samplesAndExamples")
    void fieldsAndTheXmlPathsThatRepeatThemAgree(InputSelection in) throws Exception {
        Snapshot redacted = SnapshotRedactor.redact(read(in));
        for (AppPool p : redacted.iis().pools()) {
            assertEquals("applicationPools/add[@name='" + p.name() + "']", p.provenance().element());
        }
        for (Application a : redacted.iis().applications()) {
            assertEquals("sites/site[@name='" + a.siteName() + "']/application[@path='" + a.path() + "']",
                    a.provenance().element());
        }
    }

    /** Server Fault has a site and a pool both named Payroll: one value, one pseudonym. */
    @Test
    void aSiteAndAPoolOfOneNameShareTheirPseudonym() throws Exception {
        Snapshot original = serverFault();
        Snapshot redacted = SnapshotRedactor.redact(original);
        int payrollPool = indexOf(original.iis().pools().stream().map(AppPool::name).toList(), "Payroll");
        int payrollSite = indexOf(original.iis().applications().stream().map(Application::siteName).toList(), "Payroll");
        assertEquals(redacted.iis().pools().get(payrollPool).name(), redacted.iis().applications().get(payrollSite).siteName());
    }

    private static int indexOf(List<String> names, String name) {
        int i = names.indexOf(name);
        assertTrue(i >= 0, name + " is in the sample");
        return i;
    }

    @Test
    void applicationPathsAreReplacedSegmentBySegment() throws Exception {
        Snapshot redacted = SnapshotRedactor.redact(serverFault());
        List<String> paths = redacted.iis().applications().stream().map(Application::path).toList();
        assertTrue(paths.contains("/"), paths.toString());
        assertTrue(paths.stream().allMatch(p -> p.matches("/|(/dir-\\d+)+")), paths.toString());
    }

    /** A pseudonym of an ASCII name would drop LR014 and raise the pool's confidence. */
    @Test
    void aNonAsciiPoolNameStaysNonAscii() throws Exception {
        InputSelection example = SampleInputs.examples().stream()
                .filter(e -> e.secedit().toString().contains("lr014")).findFirst().orElseThrow();
        Snapshot redacted = SnapshotRedactor.redact(read(example));
        String name = redacted.iis().pools().get(0).name();
        assertTrue(VirtualAccounts.hasUncertainFolding(name), name);
        assertFalse(name.contains("cher"), name);
        assertTrue(Rules.standardEngine().audit(redacted).pools().get(0).findings().stream()
                .anyMatch(f -> f.ruleId().equals("LR014")));
    }

    /** Live and remote reads put host names and file paths into sentences; they go through the same table. */
    @Test
    void hostsAndPathsInsideSentencesAreReplaced() throws Exception {
        Snapshot s = serverFault();
        String machine = s.machine().name();
        List<InputNote> notes = new ArrayList<>(s.notes());
        String redirection = "C:\\Windows\\System32\\inetsrv\\config\\redirection.config";
        notes.add(new InputNote(InputNote.Level.INFO, "shared-configuration-followed", "shared configuration is enabled in "
                + redirection + ": the IIS configuration was read from \\\\fileserver07\\IISShared\\applicationHost.config",
                Provenance.of(SourceKind.APPLICATION_HOST, redirection)));
        notes.add(new InputNote(InputNote.Level.INFO, "encoding-fallback", "\\\\" + machine
                + "\\C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config is not UTF-8.",
                Provenance.of(SourceKind.LSA, "\\\\" + machine)));
        Snapshot redacted = SnapshotRedactor.redact(new Snapshot(s.machine(), s.rights(), s.iis(), s.memberships(),
                s.groupPolicy(), notes));

        List<InputNote> out = redacted.notes().subList(redacted.notes().size() - 2, redacted.notes().size());
        String text = out.toString();
        for (String secret : List.of("fileserver07", "IISShared", machine)) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        // The standard folders stay: nothing in them identifies the machine, and they say which file it is. The
        // file server is the fourth name of the machine and domain name space (after the machine and two domains),
        // IISShared the fourth path segment (after the three of the application paths).
        assertEquals("shared configuration is enabled in " + redirection + ": the IIS configuration was read from "
                + "\\\\HOST-4\\dir-4\\applicationHost.config", out.get(0).message());
        assertEquals("\\\\" + redacted.machine().name() + "\\C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config"
                + " is not UTF-8.", out.get(1).message());
        assertEquals("\\\\HOST", out.get(1).provenance().file());
    }
}
