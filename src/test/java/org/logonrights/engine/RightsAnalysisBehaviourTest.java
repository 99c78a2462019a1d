package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_SID;
import static org.logonrights.testing.SnapshotBuilder.LOCKDOWN;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.AuditEngineBehaviourTest.Expectations;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.UserRight;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The {@code rights} view: who holds each logon right, whether that holding comes from the GPO that
 * defines the right or from local policy, and what the next Group Policy refresh removes or adds,
 * with a flag where a name without a SID makes the comparison unsure.
 */
class RightsAnalysisBehaviourTest {

    private static final Expectations EXPECTED = Expectations.of(RightsAnalysisBehaviourTest.class);

    private static final GpoInfo BASELINE = new GpoInfo("{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            "CONTOSO Member Server Baseline", "contoso.com");

    /** One line per right (definer, losers) and one per holder: name, SID, origin, drift, certainty, source. */
    private static String describe(List<RightsAnalysis.RightSummary> rights) {
        StringBuilder b = new StringBuilder();
        for (RightsAnalysis.RightSummary r : rights) {
            b.append(r.right()).append(": defined by ").append(r.definedBy() == null ? "-" : r.definedBy().label())
                    .append(", losing ").append(r.losing().stream().map(GpoInfo::label).toList())
                    .append(r.groupPolicyKnown() ? "" : ", no Group Policy data").append('\n');
            for (RightsAnalysis.Holding h : r.holders()) {
                b.append("  ").append(h.name()).append(" | ").append(h.sid()).append(" | ").append(h.origin())
                        .append(" | ").append(h.drift()).append(h.driftCertain() ? "" : " (unsure)")
                        .append(" | ").append(h.source().describe()).append('\n');
            }
        }
        return b.toString();
    }

    private static void assertRights(String key, SnapshotBuilder server, UserRight... rights) {
        EXPECTED.check(key, describe(RightsAnalysis.analyze(server.build(), Arrays.asList(rights))));
    }

    @Test
    void withoutAListEveryLogonRightIsSummarisedInWindowsOrder() {
        assertEquals(Arrays.stream(UserRight.values()).map(UserRight::constantName).collect(Collectors.joining(" ")),
                RightsAnalysis.analyze(SnapshotBuilder.server().build(), List.of()).stream()
                        .map(s -> s.right().constantName()).collect(Collectors.joining(" ")));
    }

    @Test
    void theRightsAskedForComeInWindowsOrderWhateverTheOrderAsked() {
        assertEquals(List.of(UserRight.BATCH, UserRight.SERVICE),
                RightsAnalysis.analyze(SnapshotBuilder.server().build(), List.of(UserRight.SERVICE, UserRight.BATCH))
                        .stream().map(RightsAnalysis.RightSummary::right).toList());
    }

    @Test
    void withoutGroupPolicyDataNoOriginIsKnown() {
        assertRights("withoutGroupPolicyDataNoOriginIsKnown", SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "BUILTIN\\Administrators", "CONTOSO\\svc-reports=*" + SVC_REPORTS, "Web Batch Users")
                .appPoolIdentity("DefaultAppPool"), UserRight.BATCH);
    }

    @Test
    void aRightNoGpoDefinesIsLocal() {
        assertRights("aRightNoGpoDefinesIsLocal", SnapshotBuilder.server().withGroupPolicyData()
                .right(UserRight.SERVICE, "*S-1-5-80-0", "IIS APPPOOL\\DefaultAppPool")
                .appPoolIdentity("DefaultAppPool"), UserRight.SERVICE);
    }

    @Test
    void aGpoDefinedRightShowsWhatTheRefreshRemovesAndAdds() {
        assertRights("aGpoDefinedRightShowsWhatTheRefreshRemovesAndAdds", SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-551", "*" + BATCH_ACCOUNTS)
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "Administrators", "CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS,
                        "*" + DOMAIN_SID + "-3000", "S-1-5-21-1004336348-1177238915-682003330-3001=*" + DOMAIN_SID + "-3001")
                .gpo(UserRight.BATCH, BASELINE, 2, "Administrators")
                .appPoolIdentity("DefaultAppPool"), UserRight.BATCH, UserRight.DENY_BATCH);
    }

    @Test
    void aGpoNameWithoutASidMakesTheRemovalsAndItsOwnAdditionUnsure() {
        assertRights("aGpoNameWithoutASidMakesTheRemovalsAndItsOwnAdditionUnsure", SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "Web Batch Accounts")
                .appPoolIdentity("DefaultAppPool"), UserRight.BATCH);
    }

    @Test
    void anAdditionWithoutASidIsSureWhenNoUnnamedSidInEffectCouldBeIt() {
        assertRights("anAdditionWithoutASidIsSureWhenNoUnnamedSidInEffectCouldBeIt", SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                .right(UserRight.SERVICE, "*S-1-5-80-0", "CONTOSO\\svc-old")
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS, "Web Batch Users")
                .gpo(UserRight.SERVICE, LOCKDOWN, 1, "*S-1-5-80-0", "CONTOSO\\svc-old", "Web Service Users")
                .appPoolIdentity("DefaultAppPool"), UserRight.BATCH, UserRight.SERVICE);
    }
}
