package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.logonrights.engine.AuditEngineBehaviourTest.audit;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_SID;
import static org.logonrights.testing.SnapshotBuilder.LOCKDOWN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.AuditEngineBehaviourTest.Expectations;
import org.logonrights.model.PoolSource;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * What the machine rules (LR015 to LR019) report about a whole server: leftover pool SIDs, names no
 * SID backs, unknown right names, applications without a pool, and rights whose GPO will change them.
 */
class MachineRulesBehaviourTest {

    private static final Expectations EXPECTED = Expectations.of(MachineRulesBehaviourTest.class);

    /** The audit of a server with the given rights and its DefaultAppPool. */
    private static AuditResult onServer(SnapshotBuilder server) {
        return audit(server.appPoolIdentity("DefaultAppPool").build());
    }

    @Test
    void aLeftoverPoolSidIsReportedOnceWhateverTheRightsThatListIt() {
        String oldPortal = "*" + VirtualAccounts.appPoolSid("OldPortal");
        EXPECTED.assertMachineFindings("aLeftoverPoolSidIsReportedOnceWhateverTheRightsThatListIt", onServer(SnapshotBuilder.server()
                .right(UserRight.SERVICE, "*S-1-5-80-0", oldPortal, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"),
                        "IIS APPPOOL\\Archive", "*S-1-5-82-0", "*" + VirtualAccounts.serviceSid("MSSQLSERVER"))
                .right(UserRight.BATCH, oldPortal)));
    }

    @Test
    void namesWithoutASidAreReportedOncePerPoolRightIncludingThoseOfGpos() {
        EXPECTED.assertMachineFindings("namesWithoutASidAreReportedOncePerPoolRightIncludingThoseOfGpos", onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "Web Batch Users", "WEB BATCH USERS", "Administrators", "IIS APPPOOL\\")
                .right(UserRight.DENY_SERVICE, "Web Batch Users", "NT SERVICE\\ ")
                .right(UserRight.INTERACTIVE, "Kiosk Operators")
                .right(UserRight.DENY_INTERACTIVE, "Guest")
                .gpo(UserRight.SERVICE, LOCKDOWN, 1, "ADD YOUR DOMAIN ADMINS", "*S-1-5-20")
                .gpo(UserRight.NETWORK, LOCKDOWN, 1, "Remote Operators")));
    }

    @Test
    void eachUnknownRightNameIsReported() {
        EXPECTED.assertMachineFindings("eachUnknownRightNameIsReported", onServer(SnapshotBuilder.server().unknownRight("SeBatchLogonRigth")));
    }

    @Test
    void anApplicationWithNoPoolOrAPoolThatDoesNotExistIsReported() {
        EXPECTED.assertMachineFindings("anApplicationWithNoPoolOrAPoolThatDoesNotExistIsReported", onServer(SnapshotBuilder.server()
                .application("Default Web Site", "/", "defaultapppool", PoolSource.SERVER_DEFAULT)
                .application("Default Web Site", "/legacy", "Legacy", PoolSource.EXPLICIT)
                .application("Intranet", "/", null, PoolSource.NONE)
                .application("Intranet", "/hr", null, PoolSource.SITE_DEFAULT)
                .application("Intranet", "/wiki", "Wiki", PoolSource.NONE)));
    }

    @Test
    void withoutGroupPolicyDataNothingCanDrift() {
        assertEquals(List.of(), onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544")).machineFindings());
    }

    @Test
    void aGpoThatListsWhatIsInEffectByNameOrSidDoesNotDrift() {
        AuditResult r = onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "Web Batch Users")
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "BUILTIN\\Administrators", "web batch users"));
        // Only the name without a SID is worth a note (LR016, once for both lists): nothing drifts.
        assertEquals(List.of("LR016"), r.machineFindings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void theNextRefreshRemovesAndAddsEntries() {
        EXPECTED.assertMachineFindings("theNextRefreshRemovesAndAddsEntries", onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-551", "CONTOSO\\svc-old")
                .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS,
                        "S-1-5-21-1004336348-1177238915-682003330-3000=*" + DOMAIN_SID + "-3000")
                .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "*S-1-5-32-546")));
    }

    @Test
    void aRemovalMayBeNoneWhenTheGpoNamesAPrincipalWithoutASid() {
        EXPECTED.assertMachineFindings("aRemovalMayBeNoneWhenTheGpoNamesAPrincipalWithoutASid", onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "Web Batch Accounts")));
    }

    @Test
    void twoNamesWithoutASidAreTwoPrincipals() {
        AuditResult r = onServer(SnapshotBuilder.server()
                .right(UserRight.SERVICE, "Web Service Users")
                .gpo(UserRight.SERVICE, LOCKDOWN, 1, "Web Farm Services"));
        assertEquals(List.of("SeServiceLogonRight in effect differs from GPO " + LOCKDOWN.label() + ", which defines it: "
                        + "the next refresh removes Web Service Users; it adds Web Farm Services. The GPO names "
                        + "'Web Farm Services' without a SID the inputs can tie it to, so it may be the same principal "
                        + "as an entry the refresh seems to remove; supply --memberships naming it with its SID to "
                        + "compare exactly."),
                r.machineFindings().stream().filter(f -> f.ruleId().equals("LR019")).map(Finding::message).toList());
    }

    @Test
    void anUnresolvedAdditionAloneNeedsNoCaveat() {
        EXPECTED.assertMachineFindings("anUnresolvedAdditionAloneNeedsNoCaveat", onServer(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544")
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "Web Batch Accounts")));
    }
}
