package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_USERS;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.PoolSource;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * What the engine does around the rules: the order of pools and machine findings, which
 * applications a pool serves, the identity and logon it derives, and how the outcomes of several
 * rules make one verdict, one confidence and one deciding rule.
 *
 * <p>This class is also the one place where the behaviour tests build an engine and turn its
 * answers into text, so a change of the engine's construction or of its result types is made here.
 */
class AuditEngineBehaviourTest {

    /** The engine as the CLI runs it, with every rule. */
    static AuditResult audit(Snapshot snapshot) {
        return Rules.standardEngine().audit(snapshot);
    }

    /** The result of one pool of the snapshot. */
    static PoolResult audit(SnapshotBuilder server, String pool) {
        return audit(server.build()).pools().stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow();
    }

    /** The finding of one rule for a pool. */
    static Finding finding(PoolResult pool, String ruleId) {
        return pool.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " did not fire: " + pool.findings()));
    }

    static List<String> ruleIds(PoolResult pool) {
        return pool.findings().stream().map(Finding::ruleId).toList();
    }

    /**
     * Everything the engine says about a pool, one line per fact, in the order a report shows it:
     * the verdict, each reason step with its evidence, each finding with its fix and location.
     */
    static String describe(PoolResult p) {
        StringBuilder b = new StringBuilder();
        b.append(p.name()).append(": ").append(verdict(p)).append('\n');
        for (ReasonStep r : p.reasons()) {
            b.append(r.step()).append(": ").append(r.message()).append(at(r.source())).append('\n');
        }
        for (Finding f : p.findings()) {
            b.append(describe(f));
        }
        return b.toString();
    }

    /** "AT_RISK UNCERTAIN, decided by LR004"; "-" when no rule decided. */
    private static String verdict(PoolResult p) {
        return p.verdict() + " " + p.confidence() + ", decided by " + (p.decidedBy() == null ? "-" : p.decidedBy());
    }

    /** A finding as three lines: rule, severity and message; the fix; the location. */
    static String describe(Finding f) {
        return f.ruleId() + " " + f.ruleName() + " " + f.severity() + ": " + f.message() + "\n"
                + "  fix: " + f.remediation() + "\n"
                + "  at: " + (f.location() == null ? "-" : f.location().describe()) + "\n";
    }

    /** The machine-level findings of an audit, each as {@link #describe(Finding)} gives it. */
    static String machineFindings(AuditResult r) {
        return r.machineFindings().stream().map(AuditEngineBehaviourTest::describe).collect(Collectors.joining());
    }

    /**
     * The expected answers of one test class, kept in {@code <Class>.txt} beside it under
     * {@code src/test/resources}: one section per scenario, headed {@code === key}. They live in a file
     * because the engine repeats its standard sentences from one scenario to the next, and because
     * the file then reads as what the engine says, scenario after scenario. After an intended change
     * of wording, rewrite them with {@code -Dlogonrights.updateGolden=true} (as the report golden
     * files) and review {@code git diff} before committing.
     */
    static final class Expectations {

        private static final String HEADER = "=== ";

        private final Class<?> test;
        private final Map<String, String> sections;

        private Expectations(Class<?> test, Map<String, String> sections) {
            this.test = test;
            this.sections = sections;
        }

        static Expectations of(Class<?> test) {
            Map<String, String> sections = new LinkedHashMap<>();
            try (InputStream in = test.getResourceAsStream(test.getSimpleName() + ".txt")) {
                if (in != null) {
                    parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"), sections);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Expectations(test, sections);
        }

        /** Sections are separated by a blank line, which is not part of them. */
        private static void parse(String text, Map<String, String> sections) {
            String key = null;
            StringBuilder body = new StringBuilder();
            for (String line : (text + HEADER + "\n").split("\n", -1)) {
                if (!line.startsWith(HEADER)) {
                    body.append(line).append('\n');
                    continue;
                }
                if (key != null) {
                    sections.put(key, body.substring(0, body.length() - (body.toString().endsWith("\n\n") ? 1 : 0)));
                }
                key = line.substring(HEADER.length());
                body.setLength(0);
            }
        }

        void check(String key, String actual) {
            if (Boolean.getBoolean("logonrights.updateGolden")) {
                sections.put(key, actual);
                write();
                return;
            }
            String expected = sections.get(key);
            assertNotNull(expected, () -> "no section '" + key + "' in " + file() + "; write it with -Dlogonrights.updateGolden=true");
            assertEquals(expected, actual, () -> "'" + key + "' differs from " + file());
        }

        /** Everything the engine says about a pool: see {@link #describe(PoolResult)}. */
        void assertDescribes(String key, PoolResult pool) {
            check(key, describe(pool));
        }

        /** The verdict of a pool and the finding of one rule: see {@link #describe(Finding)}. */
        void assertFinding(String key, PoolResult pool, String ruleId) {
            check(key, verdict(pool) + "\n" + describe(finding(pool, ruleId)));
        }

        /** The machine-level findings of an audit: see {@link #machineFindings}. */
        void assertMachineFindings(String key, AuditResult result) {
            check(key, machineFindings(result));
        }

        private Path file() {
            return Path.of("src", "test", "resources", test.getPackageName().replace('.', '/'), test.getSimpleName() + ".txt");
        }

        private void write() {
            StringBuilder out = new StringBuilder();
            sections.forEach((key, body) -> out.append(HEADER).append(key).append('\n').append(body).append('\n'));
            try {
                Files.writeString(file(), out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String at(Provenance source) {
        return source == null ? "" : " [" + source.describe() + "]";
    }

    @Test
    void poolsComeOutSortedByNameIgnoringCaseWithUpperCaseFirstOnATie() {
        SnapshotBuilder s = SnapshotBuilder.server()
                .appPoolIdentity("web").appPoolIdentity("Zeta").appPoolIdentity("Api").appPoolIdentity("batch")
                .appPoolIdentity("API");
        assertEquals(List.of("API", "Api", "batch", "web", "Zeta"),
                audit(s.build()).pools().stream().map(PoolResult::name).toList());
    }

    @Test
    void machineFindingsComeOutByRuleThenByMessage() {
        AuditResult r = audit(SnapshotBuilder.server()
                .unknownRight("SeZebraLogonRight")
                .right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("OldPortal"))
                .unknownRight("SeAardvarkLogonRight")
                .application("Intranet", "/", "Missing", PoolSource.EXPLICIT)
                .appPoolIdentity("DefaultAppPool").build());
        assertEquals(List.of("LR015", "LR017 'SeAardvarkLogonRight'", "LR017 'SeZebraLogonRight'", "LR018"),
                r.machineFindings().stream().map(f -> f.ruleId().equals("LR017")
                        ? f.ruleId() + " " + f.message().substring(0, f.message().indexOf(' ')) : f.ruleId()).toList());
    }

    @Test
    void eachPoolListsTheApplicationsThatNameItInAnyCase() {
        AuditResult r = audit(SnapshotBuilder.server()
                .application("Default Web Site", "/", "defaultapppool", PoolSource.SITE_DEFAULT)
                .application("Default Web Site", "/orders", "Orders", PoolSource.EXPLICIT)
                .application("Intranet", "/", "DEFAULTAPPPOOL", PoolSource.SERVER_DEFAULT)
                .appPoolIdentity("DefaultAppPool").appPoolIdentity("Orders").appPoolIdentity("Idle").build());
        assertEquals(List.of("DefaultAppPool: Default Web Site/, Intranet/", "Idle: ", "Orders: Default Web Site/orders"),
                r.pools().stream().map(p -> p.name() + ": " + p.applications().stream()
                        .map(a -> a.displayPath()).collect(Collectors.joining(", "))).toList());
    }

    @Test
    void theWorstVerdictOfAServerIsTheWorstOfItsPools() {
        SnapshotBuilder risky = SnapshotBuilder.server().right(UserRight.DENY_SERVICE, "*S-1-5-20")
                .builtIn("Legacy", IdentityType.NETWORK_SERVICE).appPoolIdentity("DefaultAppPool");
        assertEquals(Verdict.AT_RISK, audit(risky.build()).worstVerdict());
        SnapshotBuilder failing = risky.specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS);
        assertEquals(Verdict.WILL_FAIL, audit(failing.build()).worstVerdict());
        assertEquals(Verdict.WILL_START, audit(SnapshotBuilder.server().build()).worstVerdict());
    }

    @Test
    void aCustomAccountIsLocalWhenItsDomainPartIsEmptyADotOrThisMachine() {
        SnapshotBuilder s = SnapshotBuilder.server()
                .specificUser("Bare", "svc-bare", LogonType.LOGON_BATCH, true)
                .specificUser("Dot", ".\\svc-dot", LogonType.LOGON_BATCH, true)
                .specificUser("Host", "srv-web01\\svc-host", LogonType.LOGON_BATCH, true)
                .specificUser("Padded", "  SRV-WEB01\\svc-padded ", LogonType.LOGON_BATCH, true)
                .specificUser("Domain", "CONTOSO\\svc-domain", LogonType.LOGON_BATCH, true)
                .specificUser("Upn", "svc-upn@contoso.com", LogonType.LOGON_BATCH, true);
        assertEquals(List.of("Bare LOCAL", "Domain DOMAIN", "Dot LOCAL", "Host LOCAL", "Padded LOCAL", "Upn DOMAIN"),
                audit(s.build()).pools().stream().map(p -> p.name() + " " + p.identity().scope()).toList());
    }

    @Test
    void withoutAMachineNameOnlyBareAndDotNamesAreLocal() {
        SnapshotBuilder s = SnapshotBuilder.server().machineName(null)
                .specificUser("Host", "SRV-WEB01\\svc-host", LogonType.LOGON_BATCH, true)
                .specificUser("Dot", ".\\svc-dot", LogonType.LOGON_BATCH, true);
        assertEquals(List.of("Dot LOCAL", "Host DOMAIN"),
                audit(s.build()).pools().stream().map(p -> p.name() + " " + p.identity().scope()).toList());
    }

    @Test
    void theLogonTypeDecidesTheLogonTheRightAndTheDenyThatCount() {
        // The deny names the logon-type SID of the other logon: only the service logon carries SERVICE.
        SnapshotBuilder s = SnapshotBuilder.server()
                .right(UserRight.BATCH, "*" + SVC_REPORTS).right(UserRight.SERVICE, "*" + SVC_REPORTS)
                .right(UserRight.DENY_BATCH, "*S-1-5-6").right(UserRight.DENY_SERVICE, "*S-1-5-6")
                .specificUser("Batch", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .specificUser("Service", "CONTOSO\\svc-reports", LogonType.LOGON_SERVICE, true)
                .member("CONTOSO\\svc-reports", SVC_REPORTS);
        PoolResult batch = audit(s, "Batch");
        PoolResult service = audit(s, "Service");
        assertEquals(List.of(WorkerLogon.BATCH, UserRight.BATCH, Verdict.WILL_START),
                List.of(batch.logon(), batch.requiredRight(), batch.verdict()));
        assertEquals(List.of(WorkerLogon.SERVICE, UserRight.SERVICE, Verdict.AT_RISK, "LR003"),
                List.of(service.logon(), service.requiredRight(), service.verdict(), service.decidedBy()));
    }

    @Test
    void theAccountSidIsLearnedFromTheMembershipDataWhateverItsCase() {
        PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .member("contoso\\SVC-REPORTS", SVC_REPORTS, "*" + BATCH_ACCOUNTS), "Reports");
        assertEquals(new PoolIdentity(IdentityType.SPECIFIC_USER, "CONTOSO\\svc-reports", SVC_REPORTS,
                PoolIdentity.Scope.DOMAIN), p.identity());
        assertEquals(Verdict.WILL_START, p.verdict());
    }

    @Test
    void aFailureIsDecidedByTheFailingRuleAndKeepsItsOwnConfidence() {
        // LR001 fails (documented); LR003's risk (uncertain) neither decides nor weakens the verdict.
        PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544")
                .right(UserRight.DENY_BATCH, "*S-1-5-3")
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
        assertEquals(List.of("LR001", "LR003"), ruleIds(p));
        assertEquals(List.of(Verdict.WILL_FAIL, Confidence.DOCUMENTED, "LR001"), List.of(p.verdict(), p.confidence(), p.decidedBy()));
        assertEquals("LR001", p.decisiveFinding().orElseThrow().ruleId());
    }

    @Test
    void theDecidingRuleIsTheOneWhoseVerdictWonNotTheFirstThatFired() {
        // LR003 (a deny through the BATCH SID, at risk) comes before LR005 (undecided grant, unknown).
        PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                .right(UserRight.DENY_BATCH, "*S-1-5-3")
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true), "Reports");
        assertEquals(List.of("LR003", "LR005"), ruleIds(p));
        assertEquals(List.of(Verdict.UNKNOWN, Confidence.UNCERTAIN, "LR005"), List.of(p.verdict(), p.confidence(), p.decidedBy()));
        assertEquals("LR005", p.decisiveFinding().orElseThrow().ruleId());
        ReasonStep verdict = p.reasons().get(p.reasons().size() - 1);
        assertEquals("UNKNOWN (uncertain): decided by LR005 membership-undecided (see the finding below).", verdict.message());
        assertEquals(p.decisiveFinding().orElseThrow().location(), verdict.source());
    }

    @Test
    void aStartWithANoteIsDecidedByNoRuleButTakesTheNotesConfidence() {
        String name = "Kassé";
        PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid(name))
                .appPoolIdentity(name), name);
        assertEquals(List.of("LR014"), ruleIds(p));
        assertEquals(Verdict.WILL_START, p.verdict());
        assertEquals(Confidence.UNCERTAIN, p.confidence());
        assertNull(p.decidedBy());
        assertEquals(java.util.Optional.empty(), p.decisiveFinding());
    }

    @Test
    void anUndecidedVerdictIsAlwaysUncertainEvenWhenItsRuleIsSure() {
        // LR013 is observed: IIS Express runs workers as the interactive user. The verdict still cannot be sure.
        PoolResult p = audit(SnapshotBuilder.server().iisExpress().appPoolIdentity("Clr4IntegratedAppPool"),
                "Clr4IntegratedAppPool");
        assertEquals(List.of(Verdict.UNKNOWN, Confidence.UNCERTAIN, "LR013"), List.of(p.verdict(), p.confidence(), p.decidedBy()));
    }
}
