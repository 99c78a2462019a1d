package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.report.AuditReport;
import org.logonrights.sources.InputFiles;

/**
 * The machine .github/workflows/windows.yml builds, replayed through the live reader and the engine
 * on any OS: the verdicts asserted here are exactly the ones the workflow asserts on windows-2022
 * (lr-denied WILL_FAIL through a certain deny on the account itself; the others WILL_START: the
 * virtual account by D4, NetworkService by D3, lr-ok through a real group that holds the right).
 */
class WindowsWorkflowScenarioTest {

    private static Map<String, Verdict> verdicts(Path config, GroupPolicyResult gp) throws Exception {
        FakeLiveSources machine = WindowsCiMachine.in(config);
        machine.groupPolicy = gp;
        AuditReport report = AuditService.audit(new LiveSnapshotReader(machine, InputFiles.DEFAULT).read(), List.of());
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (PoolResult p : report.result().pools()) {
            out.put(p.name(), p.verdict());
        }
        return out;
    }

    private static void assertWorkflowVerdicts(Map<String, Verdict> v) {
        assertEquals(Verdict.WILL_START, v.get("lr-apppool"), v.toString());
        assertEquals(Verdict.WILL_START, v.get("lr-netsvc"), v.toString());
        assertEquals(Verdict.WILL_FAIL, v.get("lr-denied"), v.toString());
        assertEquals(Verdict.WILL_START, v.get("lr-granted"), v.toString());
        assertEquals(Verdict.WILL_START, v.get("lr-granted-again"), v.toString());
    }

    @Test
    void withGpoOwnershipUnknown(@TempDir Path config) throws Exception {
        assertWorkflowVerdicts(verdicts(config, new GroupPolicyResult(null, List.of())));
    }

    @Test
    void withAnRsopThatListsOnlyTheLocalGpo(@TempDir Path config) throws Exception {
        GroupPolicy localOnly = new GroupPolicy(List.of(new GpoInfo("LocalGPO", "Local Group Policy", null)), List.of(),
                List.of(Provenance.of(SourceKind.RSOP, "root\\rsop\\computer")));
        Map<String, Verdict> v = verdicts(config, new GroupPolicyResult(localOnly, List.of()));
        assertWorkflowVerdicts(v);
        assertTrue(v.containsKey("DefaultAppPool"));
    }
}
