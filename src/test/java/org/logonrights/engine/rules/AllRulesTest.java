package org.logonrights.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Confidence;
import org.logonrights.engine.Decision;
import org.logonrights.engine.EventRule;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.PoolRule;
import org.logonrights.engine.Rule;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.snapshot.SnapshotReader;

/**
 * Every rule of the catalogue fires on a real example, and has its page. For each rule, the
 * standard engine audits the rule's example (its folder under docs/examples, LR001 the Server Fault
 * sample) as read from the files by the real loader, and the rule's finding must appear: for a pool
 * rule on the pool it targets, which gets the verdict the rule forces (decided by the rule unless
 * that verdict is WILL_START) with the stated confidence; for a machine rule among the machine
 * findings. So a rule that stops firing, forces another verdict or loses its page fails here. Runs
 * with the project root as working directory.
 */
class AllRulesTest {

    private static final String LOCKDOWN_GPO =
            "Policies/{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf";
    private static final String BASELINE_GPO =
            "Policies/{8C2F41D7-5E93-4B0A-9D16-7A4E2C0B93F1}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf";

    /** The inputs of one example, as docs/examples/run-examples.sh passes them, relative to its folder. */
    private record Example(Path folder, String applicationHost, String memberships, String gpresult, String gpoTemplate,
                           String events, String snapshot) {

        private Example(Path folder, String applicationHost, String memberships, String gpresult, String gpoTemplate,
                        String events) {
            this(folder, applicationHost, memberships, gpresult, gpoTemplate, events, null);
        }

        /** A snapshot collected with --remote, audited as {@code audit --snapshot} does. */
        static Example snapshot(String name) {
            return new Example(Path.of("docs/examples/" + name), null, null, null, null, null, "snapshot.json");
        }

        static Example in(String folder) {
            return new Example(Path.of(folder), "applicationHost.config", null, null, null, null);
        }

        static Example doc(String name) {
            return in("docs/examples/" + name);
        }

        Example withApplicationHost(String file) {
            return new Example(folder, file, memberships, gpresult, gpoTemplate, events);
        }

        Example withMemberships() {
            return new Example(folder, applicationHost, "memberships.json", gpresult, gpoTemplate, events);
        }

        Example withGpresult() {
            return new Example(folder, applicationHost, memberships, "gpresult.xml", gpoTemplate, events);
        }

        Example withGpoTemplate(String template) {
            return new Example(folder, applicationHost, memberships, gpresult, template, events);
        }

        /** With an event log, read on top of the files as {@code --events} does. */
        Example withEvents(String log) {
            return new Example(folder, applicationHost, memberships, gpresult, gpoTemplate, log);
        }

        AuditResult audit() throws Exception {
            if (snapshot != null) {
                return Rules.standardEngine().audit(SnapshotReader.read(folder.resolve(snapshot), InputFiles.DEFAULT));
            }
            InputSelection in = new InputSelection(folder.resolve("secedit.inf"), folder.resolve(applicationHost),
                    file(memberships), file(gpresult), gpoTemplate == null ? List.of() : List.of(folder.resolve(gpoTemplate)),
                    null);
            Snapshot snapshot = SnapshotLoader.offline(in, InputFiles.DEFAULT);
            if (events != null) {
                snapshot = SnapshotLoader.withEvents(snapshot, List.of(folder.resolve(events)), InputFiles.DEFAULT);
            }
            return Rules.standardEngine().audit(snapshot);
        }

        private Path file(String name) {
            return name == null ? null : folder.resolve(name);
        }
    }

    /**
     * An example that makes a rule fire. {@code pool} is the pool a pool rule targets, with the verdict
     * and confidence the pool then shows; all three are null for a machine rule.
     */
    private record Case(String ruleId, Example example, String pool, Verdict verdict, Confidence confidence) {

        static Case pool(String ruleId, Example example, String pool, Verdict verdict, Confidence confidence) {
            return new Case(ruleId, example, pool, verdict, confidence);
        }

        static Case machine(String ruleId, Example example) {
            return new Case(ruleId, example, null, null, null);
        }

        /** An event rule's finding on {@code pool}, whose verdict the rule does not force. */
        static Case events(String ruleId, Example example, String pool) {
            return new Case(ruleId, example, pool, null, null);
        }
    }

    private static final List<Case> CASES = List.of(
            Case.pool("LR001", Example.in("samples/server-fault").withMemberships().withGpresult(), "OrdersApi",
                    Verdict.WILL_FAIL, Confidence.DOCUMENTED),
            Case.pool("LR002", Example.doc("lr002-deny-batch-via-guests").withMemberships(), "Reports",
                    Verdict.WILL_FAIL, Confidence.DOCUMENTED),
            Case.pool("LR003", Example.doc("lr003-deny-service-iis-iusrs"), "DefaultAppPool",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            Case.pool("LR004", Example.doc("lr004-batch-only-through-injected-iis-iusrs").withMemberships(), "Reports",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            Case.pool("LR005", Example.doc("lr005-membership-not-supplied"), "Reports",
                    Verdict.UNKNOWN, Confidence.UNCERTAIN),
            // The rule's outcome is DOCUMENTED; the pool shows the OBSERVED confidence of the virtual-account logon.
            Case.pool("LR006", Example.doc("lr006-pool-sid-not-yet-granted"), "Storefront",
                    Verdict.WILL_START, Confidence.OBSERVED),
            Case.pool("LR007", Example.doc("lr007-gpo-service-right-without-pool-sid").withGpoTemplate(LOCKDOWN_GPO), "Storefront",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            // The two GPO templates end with [Privilege Rights], as GPMC writes them, and do not define the
            // pool's deny right: the engine cannot tell them from a copy cut short there, so the rule's
            // DOCUMENTED verdict is reported UNCERTAIN (docs/bad-input.md, "Files cut short"), as audit shows it.
            Case.pool("LR008", Example.doc("lr008-local-grant-not-in-gpo").withMemberships().withGpoTemplate(LOCKDOWN_GPO), "Reports",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            Case.pool("LR009", Example.doc("lr009-gpo-adds-deny").withMemberships().withGpoTemplate(BASELINE_GPO), "Reports",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            Case.pool("LR010", Example.doc("lr010-deny-service-network-service"), "Legacy",
                    Verdict.AT_RISK, Confidence.UNCERTAIN),
            Case.pool("LR011", Example.doc("lr011-localsystem-pool"), "Intranet",
                    Verdict.WILL_START, Confidence.OBSERVED),
            Case.pool("LR012", Example.doc("lr012-specificuser-without-username"), "SharePoint Central Administration v4",
                    Verdict.UNKNOWN, Confidence.UNCERTAIN),
            Case.pool("LR013", Example.doc("lr013-iis-express").withApplicationHost("applicationhost.config"),
                    "Clr4IntegratedAppPool", Verdict.UNKNOWN, Confidence.UNCERTAIN),
            Case.pool("LR014", Example.doc("lr014-non-ascii-pool-name"), "Bücher",
                    Verdict.WILL_START, Confidence.UNCERTAIN),
            Case.machine("LR015", Example.doc("lr015-orphan-pool-sid")),
            Case.machine("LR016", Example.doc("lr016-name-without-sid").withGpoTemplate(LOCKDOWN_GPO)),
            Case.machine("LR017", Example.doc("lr017-misspelled-right")),
            Case.machine("LR018", Example.doc("lr018-application-pool-missing")),
            Case.machine("LR019", Example.doc("lr019-gpo-drift-batch-right").withGpresult()),
            Case.events("LR020", Example.doc("lr020-prediction-contradicted").withMemberships().withEvents("System-WAS.xml"),
                    "Payroll"),
            Case.pool("LR021", Example.snapshot("lr021-gpo-template-unreadable"), "Reports", Verdict.AT_RISK, Confidence.UNCERTAIN));

    @TestFactory
    Stream<DynamicTest> everyRuleFiresOnItsExample() {
        return Rules.all().stream().map(Rule::metadata).map(rule -> dynamicTest(rule.id() + " " + rule.name() + " fires", () -> {
            List<Case> cases = CASES.stream().filter(c -> c.ruleId().equals(rule.id())).toList();
            assertFalse(cases.isEmpty(), rule.id() + " has no example that makes it fire: add one to docs/examples and here");
            for (Case c : cases) {
                fires(rule, c);
            }
        }));
    }

    private static void fires(RuleMetadata rule, Case c) throws Exception {
        AuditResult result = c.example().audit();
        String where = rule.id() + " on " + c.example().folder();
        List<Finding> findings;
        if (c.pool() == null) {
            findings = result.machineFindings();
        } else {
            PoolResult pool = result.pools().stream().filter(p -> p.name().equals(c.pool())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no pool '" + c.pool() + "'"));
            findings = pool.findings();
            if (c.verdict() != null) {
                assertTrue(rule.forces(c.verdict()), where + ": the metadata does not declare " + c.verdict());
                assertEquals(c.verdict(), pool.verdict(), where + ": verdict of pool " + c.pool());
                assertEquals(c.confidence(), pool.confidence(), where + ": confidence of pool " + c.pool());
                if (c.verdict() != Verdict.WILL_START) {
                    assertEquals(rule.id(), pool.decidedBy(), where + ": the rule that decided pool " + c.pool());
                }
            }
        }
        List<Finding> own = findings.stream().filter(f -> f.ruleId().equals(rule.id())).toList();
        assertFalse(own.isEmpty(), where + ": no " + rule.id() + " finding" + (c.pool() == null ? "" : " for pool " + c.pool())
                + " among " + findings.stream().map(Finding::ruleId).toList());
        for (Finding f : own) {
            assertEquals(rule.name(), f.ruleName(), where);
            assertEquals(rule.severity(), f.severity(), where);
            assertEquals(c.pool(), f.pool(), where + ": the finding's pool");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasItsPage() {
        return Rules.all().stream().map(Rule::metadata).map(rule -> dynamicTest(rule.id() + " has its page", () -> {
            Path page = Path.of(rule.docPath());
            assertTrue(Files.isRegularFile(page), rule.id() + " has no page " + page);
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            assertEquals("# " + rule.id() + " " + rule.name() + ": " + rule.title(), lines.get(0),
                    page + ": the first line names id, name and title as the metadata does");
            String header = lines.stream().filter(l -> l.startsWith("**Severity:**")).findFirst()
                    .orElseThrow(() -> new AssertionError(page + " has no **Severity:** header line"));
            assertTrue(header.startsWith(headerPrefix(rule)), page + ": the header line '" + header + "' does not start with '"
                    + headerPrefix(rule) + "'");
        }));
    }

    /** {@code **Severity:** error · **Verdict it forces:** `WILL_FAIL`}, or {@code none} for a machine rule. */
    static String headerPrefix(RuleMetadata rule) {
        String verdicts = rule.verdicts().isEmpty() ? "none"
                : rule.verdicts().stream().map(v -> "`" + v + "`").collect(Collectors.joining(" or "));
        return "**Severity:** " + rule.severity().name().toLowerCase(Locale.ROOT) + " · **Verdict it forces:** " + verdicts;
    }

    @Test
    void everyCaseNamesARuleOfTheCatalogue() {
        Set<String> ids = Rules.all().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        List<String> unknown = CASES.stream().map(Case::ruleId).filter(id -> !ids.contains(id)).toList();
        assertEquals(List.of(), unknown, "cases for rules the catalogue does not have");
    }

    /** Ids are never reused, so a pool rule added later (LR021) follows the machine and event rules' ids: each kind is in id order. */
    @Test
    void ruleIdsAreUniqueAndInIdOrderWithinEachKind() {
        for (List<? extends Rule> kind : List.of(Rules.POOL_RULES, Rules.MACHINE_RULES, Rules.EVENT_RULES)) {
            List<String> ids = kind.stream().map(r -> r.metadata().id()).toList();
            assertEquals(ids.stream().sorted().distinct().toList(), ids);
        }
        List<String> ids = Rules.all().stream().map(r -> r.metadata().id()).toList();
        assertEquals(Rules.POOL_RULES.size() + Rules.MACHINE_RULES.size() + Rules.EVENT_RULES.size(), new HashSet<>(ids).size());
    }

    @Test
    void poolRulesForceAVerdictAndMachineRulesNone() {
        List<String> wrong = new ArrayList<>();
        for (PoolRule rule : Rules.POOL_RULES) {
            if (rule.metadata().verdicts().isEmpty()) {
                wrong.add(rule.metadata().id() + " is a pool rule that declares no verdict");
            }
        }
        for (MachineRule rule : Rules.MACHINE_RULES) {
            if (!rule.metadata().verdicts().isEmpty()) {
                wrong.add(rule.metadata().id() + " is a machine rule that declares " + rule.metadata().verdicts());
            }
        }
        for (EventRule rule : Rules.EVENT_RULES) {
            if (!rule.metadata().verdicts().isEmpty()) {
                wrong.add(rule.metadata().id() + " is an event rule that declares " + rule.metadata().verdicts());
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static final Pattern CITED_DECISION = Pattern.compile("docs/verdicts\\.md \\((D\\d)\\)");

    @Test
    void aDescriptionCitesOnlyTheDecisionItImplements() {
        List<String> wrong = new ArrayList<>();
        for (Rule r : Rules.all()) {
            RuleMetadata rule = r.metadata();
            Matcher m = CITED_DECISION.matcher(rule.description());
            while (m.find()) {
                if (!rule.decision().equals(Optional.of(Decision.valueOf(m.group(1))))) {
                    wrong.add(rule.id() + " cites " + m.group(1) + " but implements " + rule.decision());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
