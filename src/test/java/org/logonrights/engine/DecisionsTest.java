package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.logonrights.engine.AuditEngineBehaviourTest.audit;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DEFAULT_BATCH;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_USERS;
import static org.logonrights.testing.SnapshotBuilder.LOCKDOWN;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/** Every decision of docs/verdicts.md (D1 to D7), one nested class per decision. */
class DecisionsTest {

    private static final String REPORTS_SID = "*" + SVC_REPORTS;
    private static final String SERVICE_DEFAULT = "*S-1-5-80-0";

    private static List<String> ruleIds(PoolResult p) {
        return p.findings().stream().map(Finding::ruleId).toList();
    }

    @Nested
    class RequiredRightPerIdentity {

        @Test
        void appPoolIdentityNeedsTheServiceRightNotBatch() {
            String poolSid = "*" + VirtualAccounts.appPoolSid("DefaultAppPool");
            PoolResult p = audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, "*S-1-5-32-544")
                    .right(UserRight.SERVICE, SERVICE_DEFAULT, poolSid)
                    .appPoolIdentity("DefaultAppPool"), "DefaultAppPool");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(Confidence.OBSERVED, p.confidence());
            assertEquals(UserRight.SERVICE, p.requiredRight());
            assertEquals(WorkerLogon.SERVICE, p.logon());
            assertTrue(p.findings().isEmpty(), p.findings().toString());
        }

        @Test
        void builtInAccountsNeedNoRight() {
            SnapshotBuilder s = SnapshotBuilder.server().right(UserRight.SERVICE, SERVICE_DEFAULT)
                    .builtIn("Legacy", IdentityType.NETWORK_SERVICE).builtIn("Kiosk", IdentityType.LOCAL_SERVICE);
            for (String pool : List.of("Legacy", "Kiosk")) {
                PoolResult p = audit(s, pool);
                assertEquals(Verdict.WILL_START, p.verdict());
                assertEquals(Confidence.OBSERVED, p.confidence());
                assertNull(p.requiredRight());
                assertEquals(WorkerLogon.BUILT_IN_SESSION, p.logon());
            }
        }

        @Test
        void localSystemStartsWithAHighPrivilegeWarning() {
            PoolResult p = audit(SnapshotBuilder.server().builtIn("Intranet", IdentityType.LOCAL_SYSTEM), "Intranet");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(List.of("LR011"), ruleIds(p));
            assertEquals(Severity.WARNING, p.findings().get(0).severity());
        }

        @Test
        void specificUserBatchGrantedDirectlyStarts() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", REPORTS_SID)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(Confidence.DOCUMENTED, p.confidence());
            assertEquals(UserRight.BATCH, p.requiredRight());
        }

        @Test
        void serverFaultLockdownFailsTheDomainAccountPoolOnly() {
            SnapshotBuilder s = SnapshotBuilder.server()
                    .right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                    .right(UserRight.SERVICE, SERVICE_DEFAULT, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"))
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS)
                    .appPoolIdentity("DefaultAppPool")
                    .builtIn("Legacy", IdentityType.NETWORK_SERVICE);
            PoolResult reports = audit(s, "Reports");
            assertEquals(Verdict.WILL_FAIL, reports.verdict());
            assertEquals(Confidence.DOCUMENTED, reports.confidence());
            assertEquals(List.of("LR001"), ruleIds(reports));
            assertTrue(reports.findings().get(0).remediation().contains("*" + SVC_REPORTS), reports.findings().get(0).remediation());
            assertEquals(Verdict.WILL_START, audit(s, "DefaultAppPool").verdict());
            assertEquals(Verdict.WILL_START, audit(s, "Legacy").verdict());
        }

        @Test
        void logonServiceNeedsTheServiceRightWhichIisDoesNotGrantCustomAccounts() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, DEFAULT_BATCH)
                    .right(UserRight.SERVICE, SERVICE_DEFAULT, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"))
                    .specificUser("Batch2", "CONTOSO\\svc-jobs", LogonType.LOGON_SERVICE, true), "Batch2");
            assertEquals(Verdict.WILL_FAIL, p.verdict());
            assertEquals(UserRight.SERVICE, p.requiredRight());
            assertEquals(List.of("LR001"), ruleIds(p));
        }

        @Test
        void membershipThroughAGroupGrantsTheRight() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS, "*" + BATCH_ACCOUNTS), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertTrue(p.reasons().stream().anyMatch(r -> r.step() == ReasonStep.Step.GRANT
                    && r.message().contains(BATCH_ACCOUNTS.toString()) && r.source() != null && r.source().line() > 0));
        }
    }

    @Nested
    class D1InjectedIisIusrs {

        @Test
        void grantOnlyThroughInjectedIisIusrsIsAtRiskUncertain() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-568")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(Confidence.UNCERTAIN, p.confidence());
            assertEquals(List.of("LR004"), ruleIds(p));
        }

        @Test
        void withManualGroupMembershipNothingIsInjectedSoItFails() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-568")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.WILL_FAIL, p.verdict());
        }

        @Test
        void realMembershipOfIisIusrsIsCertain() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", "*S-1-5-32-568")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS, "*S-1-5-32-568"), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(Confidence.DOCUMENTED, p.confidence());
        }
    }

    @Nested
    class D2Denies {

        @Test
        void denyThroughACertainGroupFailsEvenWithADirectGrant() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, REPORTS_SID)
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS, "*S-1-5-32-546"), "Reports");
            assertEquals(Verdict.WILL_FAIL, p.verdict());
            assertEquals(List.of("LR002"), ruleIds(p));
        }

        @Test
        void denyOnEveryoneHitsAVirtualAccountToo() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("Api"))
                    .right(UserRight.DENY_SERVICE, "*S-1-1-0")
                    .appPoolIdentity("Api"), "Api");
            assertEquals(Verdict.WILL_FAIL, p.verdict());
        }

        @Test
        void denyThroughTheLogonTypeSidIsAtRiskUncertain() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, REPORTS_SID)
                    .right(UserRight.DENY_BATCH, "*S-1-5-3")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(Confidence.UNCERTAIN, p.confidence());
            assertEquals(List.of("LR003"), ruleIds(p));
        }

        @Test
        void denyOnServiceSidDoesNotConcernABatchLogon() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, REPORTS_SID)
                    .right(UserRight.DENY_BATCH, "*S-1-5-6")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
        }
    }

    @Nested
    class D3BuiltInAccounts {

        @Test
        void denyNamingTheBuiltInAccountItselfIsAtRisk() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.DENY_SERVICE, "*S-1-5-20")
                    .builtIn("Legacy", IdentityType.NETWORK_SERVICE), "Legacy");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(Confidence.UNCERTAIN, p.confidence());
            assertEquals(List.of("LR010"), ruleIds(p));
        }

        @Test
        void denyOnAnotherBuiltInAccountDoesNotMatter() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.DENY_SERVICE, "*S-1-5-19", "*S-1-5-32-546")
                    .builtIn("Legacy", IdentityType.NETWORK_SERVICE), "Legacy");
            assertEquals(Verdict.WILL_START, p.verdict());
        }
    }

    @Nested
    class D4AppPoolSid {

        @Test
        void missingPoolSidWithoutGpoStartsWithAnInformationalFinding() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, SERVICE_DEFAULT)
                    .appPoolIdentity("Reports"), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(List.of("LR006"), ruleIds(p));
            assertEquals(Severity.NOTE, p.findings().get(0).severity());
        }

        @Test
        void gpoDefiningTheServiceRightWithoutThePoolSidIsAtRiskAndNamesTheGpo() {
            String poolSid = "*" + VirtualAccounts.appPoolSid("Reports");
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, SERVICE_DEFAULT, poolSid)
                    .gpo(UserRight.SERVICE, LOCKDOWN, 1, "NT SERVICE\\ALL SERVICES")
                    .appPoolIdentity("Reports"), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(List.of("LR007"), ruleIds(p));
            Finding f = p.findings().get(0);
            assertTrue(f.message().contains(LOCKDOWN.displayName()) && f.message().contains(LOCKDOWN.id()), f.message());
            assertTrue(f.remediation().contains(poolSid), f.remediation());
        }

        @Test
        void gpoListingThePoolByNameIsEnough() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, SERVICE_DEFAULT)
                    .gpo(UserRight.SERVICE, LOCKDOWN, 1, "NT SERVICE\\ALL SERVICES", "IIS APPPOOL\\Reports")
                    .appPoolIdentity("Reports"), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertTrue(p.reasons().stream().anyMatch(r -> r.step() == ReasonStep.Step.GROUP_POLICY
                    && r.message().contains(LOCKDOWN.displayName())));
        }
    }

    @Nested
    class D5MissingMembership {

        @Test
        void lockdownWithoutMembershipIsUnknownAndNamesTheGroup() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", "*" + BATCH_ACCOUNTS)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false), "Reports");
            assertEquals(Verdict.UNKNOWN, p.verdict());
            assertEquals(List.of("LR005"), ruleIds(p));
            String m = p.findings().get(0).message();
            assertTrue(m.contains("CONTOSO\\svc-reports") && m.contains(BATCH_ACCOUNTS.toString()), m);
        }

        @Test
        void defaultServerWithoutMembershipIsAtRiskThroughInjectedIisIusrs() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, DEFAULT_BATCH)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(Confidence.UNCERTAIN, p.confidence());
            assertEquals(List.of("LR004"), ruleIds(p));
            assertTrue(p.findings().get(0).message().contains("supply --memberships"), p.findings().get(0).message());
        }

        @Test
        void undecidedDenyWithACertainGrantIsUnknown() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, REPORTS_SID)
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false), "Reports");
            assertEquals(Verdict.UNKNOWN, p.verdict());
        }

        @Test
        void serviceAndPoolSidsAreNeverUndecided() {
            PoolResult p = audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, "*" + VirtualAccounts.serviceSid("MSSQLSERVER"), "*S-1-5-20")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true), "Reports");
            assertEquals(Verdict.WILL_FAIL, p.verdict());
        }

        @Test
        void unresolvedNamesAreUndecidedWithoutMembership() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "Web Batch Users")
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, true), "Reports");
            assertEquals(Verdict.UNKNOWN, p.verdict());
        }

        @Test
        void localAccountGrantedByBareNameStarts() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "svc-local")
                    .specificUser("Local", ".\\svc-local", LogonType.LOGON_BATCH, true), "Local");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertEquals(PoolIdentity.Scope.LOCAL, p.identity().scope());
        }
    }

    @Nested
    class D6Drift {

        @Test
        void grantTheGpoWillRemoveIsAtRiskAndNamesTheGpo() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", REPORTS_SID)
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "Administrators", "*" + BATCH_ACCOUNTS)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(Confidence.DOCUMENTED, p.confidence());
            assertEquals(List.of("LR008"), ruleIds(p));
            assertTrue(p.findings().get(0).message().contains(LOCKDOWN.displayName()));
            assertTrue(p.reasons().stream().anyMatch(r -> r.message().contains("SeBatchLogonRight is defined by GPO")));
        }

        @Test
        void sameInputsWithoutGpoDataStartWithNoGpoClaims() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*S-1-5-32-544", REPORTS_SID)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.WILL_START, p.verdict());
            assertTrue(p.reasons().stream().noneMatch(r -> r.message().contains("is defined by GPO")));
        }

        @Test
        void aDenyTheGpoWillAddIsAtRisk() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, REPORTS_SID)
                    .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "Domain Batch Blocked", "*" + DOMAIN_USERS)
                    .specificUser("Reports", "CONTOSO\\svc-reports", LogonType.LOGON_BATCH, false)
                    .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS), "Reports");
            assertEquals(Verdict.AT_RISK, p.verdict());
            assertEquals(List.of("LR009"), ruleIds(p));
        }
    }

    @Nested
    class D7Orphans {

        @Test
        void orphanPoolSidIsAnInformationalMachineFinding() {
            var result = Rules.standardEngine().audit(SnapshotBuilder.server()
                    .right(UserRight.SERVICE, SERVICE_DEFAULT, "*" + VirtualAccounts.appPoolSid("OldPortal"),
                            "*" + VirtualAccounts.appPoolSid("DefaultAppPool"))
                    .appPoolIdentity("DefaultAppPool").build());
            List<Finding> orphans = result.machineFindings().stream().filter(f -> f.ruleId().equals("LR015")).toList();
            assertEquals(1, orphans.size());
            assertEquals(Severity.NOTE, orphans.get(0).severity());
            assertTrue(orphans.get(0).message().contains(VirtualAccounts.appPoolSid("OldPortal").toString()));
            assertEquals(Verdict.WILL_START, result.worstVerdict());
        }
    }

    @Test
    void iisExpressPoolsAreUnknown() {
        PoolResult p = audit(SnapshotBuilder.server().iisExpress().appPoolIdentity("Clr4IntegratedAppPool"), "Clr4IntegratedAppPool");
        assertEquals(Verdict.UNKNOWN, p.verdict());
        assertEquals(List.of("LR013"), ruleIds(p));
    }

    /**
     * Found by the audit fuzz target: a built-in identity in an IIS Express config has no token, and
     * the reason chain still looked for the deny entries that cover it (NullPointerException, exit 70).
     */
    @Test
    void iisExpressPoolsWithBuiltInIdentitiesAreUnknownEvenWhenDenyRightsAreSet() {
        for (IdentityType type : List.of(IdentityType.LOCAL_SERVICE, IdentityType.NETWORK_SERVICE, IdentityType.LOCAL_SYSTEM)) {
            PoolResult p = audit(SnapshotBuilder.server().iisExpress()
                    .right(UserRight.DENY_SERVICE, "*S-1-5-19", "*S-1-5-20", "*S-1-5-32-546")
                    .builtIn("Batch", type), "Batch");
            assertEquals(Verdict.UNKNOWN, p.verdict(), type.toString());
            assertEquals(List.of("LR013"), ruleIds(p), type.toString());
            assertTrue(p.reasons().stream().noneMatch(r -> r.message().contains("null")), p.reasons().toString());
        }
    }

    @Test
    void specificUserWithoutUserNameIsUnknown() {
        PoolResult p = audit(SnapshotBuilder.server().specificUser("Broken", null, LogonType.LOGON_BATCH, false), "Broken");
        assertEquals(Verdict.UNKNOWN, p.verdict());
        assertNull(p.requiredRight());
        assertEquals(List.of("LR012"), ruleIds(p));
    }

    @Test
    void sameSnapshotGivesEqualResults() {
        SnapshotBuilder s = SnapshotBuilder.server().right(UserRight.BATCH, DEFAULT_BATCH)
                .specificUser("B", "CONTOSO\\b", LogonType.LOGON_BATCH, false).appPoolIdentity("A");
        assertEquals(Rules.standardEngine().audit(s.build()), Rules.standardEngine().audit(s.build()));
        assertEquals(List.of("A", "B"), Rules.standardEngine().audit(s.build()).pools().stream().map(PoolResult::name).toList());
    }
}
