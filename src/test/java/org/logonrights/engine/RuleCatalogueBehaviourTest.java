package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.logonrights.engine.AuditEngineBehaviourTest.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.PoolSource;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The catalogue of rules that reports, SARIF and the rule pages are written from: every id once and
 * in order, a page for each, and findings that carry their rule's name and severity.
 */
class RuleCatalogueBehaviourTest {

    @Test
    void theCatalogueListsLr001ToLr021EachWithAPage() {
        List<RuleMetadata> all = Rules.all().stream().map(Rule::metadata).toList();
        assertEquals(IntStream.rangeClosed(1, 21).mapToObj(i -> String.format("LR%03d", i)).toList(),
                all.stream().map(RuleMetadata::id).sorted().toList());
        for (RuleMetadata rule : all) {
            assertEquals("docs/rules/" + rule.id() + ".md", rule.docPath());
            assertTrue(Files.isRegularFile(Path.of(rule.docPath())), rule.docPath());
            assertTrue(rule.name().matches("[a-z0-9]+(-[a-z0-9]+)+"), rule.name());
            assertTrue(Character.isUpperCase(rule.title().charAt(0)) && !rule.title().endsWith("."), rule.title());
            assertTrue(rule.description().length() > rule.title().length() && rule.description().endsWith("."),
                    rule.description());
        }
    }

    @Test
    void aRuleIsFoundByItsIdOnly() {
        assertEquals("membership-undecided", Rules.byId("LR005").map(r -> r.metadata().name()).orElseThrow());
        assertEquals(Optional.empty(), Rules.byId("LR099"));
        assertEquals(Optional.empty(), Rules.byId("lr005"));
    }

    @Test
    void everyFindingCarriesTheNameAndSeverityOfItsRule() {
        AuditResult r = audit(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "Web Batch Users")
                .right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("OldPortal"))
                .right(UserRight.DENY_SERVICE, "*S-1-5-20")
                .unknownRight("SeBatchLogonRigth")
                .application("Intranet", "/", null, PoolSource.NONE)
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .builtIn("Legacy", IdentityType.NETWORK_SERVICE)
                .builtIn("Intranet", IdentityType.LOCAL_SYSTEM)
                .appPoolIdentity("Zürich").build());
        List<Finding> findings = new ArrayList<>(r.machineFindings());
        r.pools().forEach(p -> findings.addAll(p.findings()));
        assertEquals(List.of("LR015", "LR016", "LR017", "LR018", "LR011", "LR010", "LR005", "LR006", "LR014"),
                findings.stream().map(Finding::ruleId).toList());
        for (Finding f : findings) {
            RuleMetadata rule = Rules.byId(f.ruleId()).orElseThrow().metadata();
            assertEquals(List.of(rule.name(), rule.severity()), List.of(f.ruleName(), f.severity()), f.ruleId());
        }
    }
}
