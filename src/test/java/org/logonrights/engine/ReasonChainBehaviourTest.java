package org.logonrights.engine;

import static org.logonrights.engine.AuditEngineBehaviourTest.audit;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DEFAULT_BATCH;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_SID;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_USERS;
import static org.logonrights.testing.SnapshotBuilder.LOCKDOWN;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.AuditEngineBehaviourTest.Expectations;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;
import org.logonrights.model.ValueOrigin;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The reason chain of each kind of pool, whole: identity and where its type was set, the logon WAS
 * performs, the right LSA checks, membership, every grant and deny entry that concerns the logon
 * (or the holders when none does), the Group Policy that owns each right, and the verdict with the
 * rule that decided it. Each step cites its evidence (file and line) where there is one.
 */
class ReasonChainBehaviourTest {

    private static final Expectations EXPECTED = Expectations.of(ReasonChainBehaviourTest.class);

    private static final String STOREFRONT_SID = "*" + VirtualAccounts.appPoolSid("Storefront");
    private static final GpoInfo DEFAULT_DOMAIN_POLICY = new GpoInfo("{31B2F340-016D-11D2-945F-00C04FB984F9}",
            "Default Domain Policy", "contoso.com");

    @Test
    void aVirtualAccountGrantedTheServiceRightByIisStarts() {
        EXPECTED.assertDescribes("aVirtualAccountGrantedTheServiceRightByIisStarts", audit(SnapshotBuilder.server()
                .right(UserRight.SERVICE, "*S-1-5-80-0", STOREFRONT_SID)
                .appPoolIdentity("Storefront"), "Storefront"));
    }

    @Test
    void aCustomAccountGrantedThroughAGroupNamesTheWinningAndTheLosingGpo() {
        EXPECTED.assertDescribes("aCustomAccountGrantedThroughAGroupNamesTheWinningAndTheLosingGpo", audit(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS)
                .gpo(UserRight.BATCH, DEFAULT_DOMAIN_POLICY, 2, "*S-1-5-32-544")
                .pool("Reports", IdentityType.SPECIFIC_USER, "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false,
                        Map.of("identityType", ValueOrigin.POOL_DEFAULTS, "logonType", ValueOrigin.POOL))
                .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS, "*" + BATCH_ACCOUNTS), "Reports"));
    }

    @Test
    void aBuiltInAccountThatADenyNamesIsAtRisk() {
        EXPECTED.assertDescribes("aBuiltInAccountThatADenyNamesIsAtRisk", audit(SnapshotBuilder.server().withGroupPolicyData()
                .right(UserRight.DENY_SERVICE, "*S-1-5-32-546", "*S-1-5-20")
                .builtIn("Legacy", IdentityType.NETWORK_SERVICE), "Legacy"));
    }

    @Test
    void aBuiltInAccountThatTheGpoWillDenyIsAtRiskFromTheNextRefresh() {
        EXPECTED.assertDescribes("aBuiltInAccountThatTheGpoWillDenyIsAtRiskFromTheNextRefresh", audit(SnapshotBuilder.server()
                .right(UserRight.DENY_SERVICE, "*S-1-5-32-546")
                .gpo(UserRight.DENY_SERVICE, LOCKDOWN, 1, "*S-1-5-32-546", "NT AUTHORITY\\NETWORK SERVICE")
                .builtIn("Legacy", IdentityType.NETWORK_SERVICE), "Legacy"));
    }

    @Test
    void aBuiltInAccountWithNoDenyRightAtAllStarts() {
        EXPECTED.assertDescribes("aBuiltInAccountWithNoDenyRightAtAllStarts", audit(SnapshotBuilder.server()
                .builtIn("Kiosk", IdentityType.LOCAL_SERVICE), "Kiosk"));
    }

    @Test
    void withoutMembershipEveryGroupEntryIsUndecided() {
        EXPECTED.assertDescribes("withoutMembershipEveryGroupEntryIsUndecided", audit(SnapshotBuilder.server().right(UserRight.BATCH, DEFAULT_BATCH)
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false), "Reports"));
    }

    @Test
    void aSpecificUserWithoutAUserNameHasNoLogonToEvaluate() {
        EXPECTED.assertDescribes("aSpecificUserWithoutAUserNameHasNoLogonToEvaluate",
                audit(SnapshotBuilder.server().right(UserRight.BATCH, DEFAULT_BATCH)
                .specificUser("Broken", null, LogonType.LOGON_BATCH, false), "Broken"));
    }

    @Test
    void anIisExpressPoolHasNoPoolLogon() {
        EXPECTED.assertDescribes("anIisExpressPoolHasNoPoolLogon", audit(SnapshotBuilder.server().iisExpress()
                .right(UserRight.SERVICE, "*S-1-5-80-0")
                .appPoolIdentity("Clr4IntegratedAppPool"), "Clr4IntegratedAppPool"));
    }

    @Test
    void aServiceLogonThatNobodyHoldsTheRightForFails() {
        EXPECTED.assertDescribes("aServiceLogonThatNobodyHoldsTheRightForFails", audit(SnapshotBuilder.server()
                .specificUser("Jobs", "CONTOSO\\svc-jobs", LogonType.LOGON_SERVICE, true)
                .member("CONTOSO\\svc-jobs", SVC_REPORTS), "Jobs"));
    }

    @Test
    void holdersThatDoNotConcernTheLogonAreNamedInsteadOfGrants() {
        EXPECTED.assertDescribes("holdersThatDoNotConcernTheLogonAreNamedInsteadOfGrants", audit(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-551", "*" + DOMAIN_SID + "-1200")
                .right(UserRight.DENY_BATCH, "*S-1-5-32-546", "Guest")
                .withGroupPolicyData()
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .member("CONTOSO\\svc-reports", SVC_REPORTS, MembershipSource.AUTHZ_S4U, true, "*" + DOMAIN_USERS), "Reports"));
    }

    @Test
    void theNetApiFallbackDecidesLocalAliasesButNotDomainGroups() {
        EXPECTED.assertDescribes("theNetApiFallbackDecidesLocalAliasesButNotDomainGroups", audit(SnapshotBuilder.server()
                .right(UserRight.BATCH, "*S-1-5-32-551", "*" + BATCH_ACCOUNTS)
                .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                .member("CONTOSO\\svc-reports", SVC_REPORTS, MembershipSource.NETAPI_FALLBACK, false, "*" + DOMAIN_USERS),
                "Reports"));
    }

    @Test
    void aGpoThatDefinesTheServiceRightAsEmptyStripsThePoolSid() {
        EXPECTED.assertDescribes("aGpoThatDefinesTheServiceRightAsEmptyStripsThePoolSid", audit(SnapshotBuilder.server()
                .right(UserRight.SERVICE, STOREFRONT_SID)
                .gpo(UserRight.SERVICE, LOCKDOWN, 1)
                .appPoolIdentity("Storefront"), "Storefront"));
    }

    @Test
    void aLocalAccountIsMatchedByItsBareNameAndThroughAdministrators() {
        EXPECTED.assertDescribes("aLocalAccountIsMatchedByItsBareNameAndThroughAdministrators",
                audit(SnapshotBuilder.server().right(UserRight.BATCH, "svc-local", "*S-1-5-32-544")
                .specificUser("Local", "SRV-WEB01\\svc-local", LogonType.LOGON_BATCH, true)
                .member("SRV-WEB01\\svc-local", Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1001"),
                        "*S-1-5-32-544"), "Local"));
    }

    @Test
    void aVirtualAccountCarriesTheSidsWasInjectsOnlyAsUncertain() {
        // IIS_IUSRS is injected because manualGroupMembership is false; LOCAL is in every worker token.
        EXPECTED.assertDescribes("aVirtualAccountCarriesTheSidsWasInjectsOnlyAsUncertain", audit(SnapshotBuilder.server()
                .right(UserRight.SERVICE, STOREFRONT_SID)
                .right(UserRight.DENY_SERVICE, "*S-1-5-32-568", "*S-1-2-0", "*" + DOMAIN_SID + "-3000")
                .appPoolIdentity("Storefront"), "Storefront"));
    }

    @Test
    void withManualGroupMembershipNoIisIusrsIsInjected() {
        EXPECTED.assertDescribes("withManualGroupMembershipNoIisIusrsIsInjected", audit(SnapshotBuilder.server()
                .right(UserRight.SERVICE, STOREFRONT_SID)
                .right(UserRight.DENY_SERVICE, "*S-1-5-32-568")
                .pool("Storefront", IdentityType.APPLICATION_POOL_IDENTITY, null, LogonType.LOGON_BATCH, true,
                        Map.of("identityType", ValueOrigin.SCHEMA_DEFAULT)), "Storefront"));
    }
}
