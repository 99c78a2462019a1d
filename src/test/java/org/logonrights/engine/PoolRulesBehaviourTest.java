package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.logonrights.engine.AuditEngineBehaviourTest.audit;
import static org.logonrights.engine.AuditEngineBehaviourTest.ruleIds;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DEFAULT_BATCH;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_SID;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_USERS;
import static org.logonrights.testing.SnapshotBuilder.LOCKDOWN;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.AuditEngineBehaviourTest.Expectations;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.UserRight;
import org.logonrights.model.ValueOrigin;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * What each pool rule (LR001 to LR014) says, and when: the verdict it forces, its confidence, its
 * message, the fix it proposes (which depends on where the right is defined) and the evidence it
 * points at, on the CONTOSO web server of {@link SnapshotBuilder}.
 */
class PoolRulesBehaviourTest {

    private static final Expectations EXPECTED = Expectations.of(PoolRulesBehaviourTest.class);

    private static final String REPORTS = "CONTOSO\\svc-reports";
    private static final String WEB_BATCH_ACCOUNTS = "CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS;

    /** svc-reports with complete membership: Domain Users plus the given groups. */
    private static SnapshotBuilder reports(LogonType logonType, String... groups) {
        String[] all = new String[groups.length + 1];
        all[0] = "*" + DOMAIN_USERS;
        System.arraycopy(groups, 0, all, 1, groups.length);
        return SnapshotBuilder.server().specificUser("Reports", REPORTS, logonType, false)
                .member(REPORTS, SVC_REPORTS, all);
    }

    /** svc-reports granted the batch right directly, as a member of Domain Users and the given groups. */
    private static SnapshotBuilder grantedBatch(String... groups) {
        return reports(LogonType.LOGON_BATCH, groups).right(UserRight.BATCH, "*" + SVC_REPORTS);
    }

    @Nested
    class LogonRightNotGranted {

        @Test
        void aBatchLogonNamesTheGpoToChangeAndTheFirstTwelveHolders() {
            String[] holders = IntStream.rangeClosed(1, 14).mapToObj(i -> "*" + DOMAIN_SID + "-" + (2000 + i)).toArray(String[]::new);
            EXPECTED.assertFinding("aBatchLogonNamesTheGpoToChangeAndTheFirstTwelveHolders", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, holders)
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, holders), "Reports"), "LR001");
        }

        @Test
        void twelveHoldersAreAllNamed() {
            String[] holders = IntStream.rangeClosed(1, 12).mapToObj(i -> "*" + DOMAIN_SID + "-" + (2000 + i)).toArray(String[]::new);
            EXPECTED.assertFinding("twelveHoldersAreAllNamed", audit(reports(LogonType.LOGON_SERVICE)
                    .right(UserRight.SERVICE, holders).withGroupPolicyData(), "Reports"), "LR001");
        }

        @Test
        void anAccountWithoutAKnownSidIsNamedAloneAndNonGroupHoldersDecideWithoutMembership() {
            // NETWORK SERVICE and a service SID can never be groups of a custom account (D5).
            EXPECTED.assertFinding("anAccountWithoutAKnownSidIsNamedAloneAndNonGroupHoldersDecideWithoutMembership", audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, "*S-1-5-20", "NT SERVICE\\MSSQLSERVER")
                    .specificUser("Jobs", "CONTOSO\\svc-jobs", LogonType.LOGON_BATCH, true), "Jobs"), "LR001");
        }
    }

    @Nested
    class LogonRightDenied {

        @Test
        void aDenyThroughAGroupAsksToLeaveTheGroupAndNamesTheGpoThatOwnsTheDeny() {
            EXPECTED.assertDescribes("aDenyThroughAGroupAsksToLeaveTheGroupAndNamesTheGpoThatOwnsTheDeny", audit(grantedBatch("*S-1-5-32-546")
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "Guests")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*" + SVC_REPORTS), "Reports"));
        }

        @Test
        void aDenyOfTheAccountItselfAsksToRemoveTheEntry() {
            EXPECTED.assertFinding("aDenyOfTheAccountItselfAsksToRemoveTheEntry", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-544", "*" + DOMAIN_USERS)
                    .right(UserRight.DENY_BATCH, "*" + SVC_REPORTS), "Reports"), "LR002");
        }

        @Test
        void aDenyOnEveryoneBlocksAVirtualAccount() {
            EXPECTED.assertFinding("aDenyOnEveryoneBlocksAVirtualAccount", audit(SnapshotBuilder.server()
                    .right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("Api"))
                    .right(UserRight.DENY_SERVICE, "Everyone")
                    .appPoolIdentity("Api"), "Api"), "LR002");
        }
    }

    @Nested
    class DenyThroughUncertainSid {

        @Test
        void everyUncertainSidTheDenyListsIsNamed() {
            EXPECTED.assertFinding("everyUncertainSidTheDenyListsIsNamed", audit(grantedBatch()
                    .right(UserRight.DENY_BATCH, "CONSOLE LOGON", "*S-1-5-3", "*S-1-5-6"), "Reports"), "LR003");
        }
    }

    @Nested
    class GrantOnlyThroughInjectedSid {

        @Test
        void withoutAGpoTheSuggestedGroupIsIisIusrs() {
            EXPECTED.assertFinding("withoutAGpoTheSuggestedGroupIsIisIusrs", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-568"), "Reports"), "LR004");
        }

        @Test
        void aGpoThatListsIisIusrsKeepsIisIusrsAsTheSuggestion() {
            EXPECTED.assertFinding("aGpoThatListsIisIusrsKeepsIisIusrsAsTheSuggestion", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-544", "IIS_IUSRS")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "*S-1-5-32-568"), "Reports"), "LR004");
        }

        @Test
        void aGpoWithoutIisIusrsSuggestsTheFirstGroupItListsThatIsNotWellKnown() {
            PoolResult p = audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-568")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", WEB_BATCH_ACCOUNTS), "Reports");
            assertEquals(List.of("LR004", "LR008"), ruleIds(p));
            EXPECTED.assertFinding("aGpoWithoutIisIusrsSuggestsTheFirstGroupItListsThatIsNotWellKnown", p, "LR004");
        }

        @Test
        void aGpoNameThatNoSidBacksCountsAsAGroupToJoin() {
            EXPECTED.assertFinding("aGpoNameThatNoSidBacksCountsAsAGroupToJoin", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-568")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "Administrators", "Web Batch Users"), "Reports"), "LR004");
        }

        @Test
        void aGpoThatListsOnlyWellKnownGroupsLeavesTheChoiceToTheAdmin() {
            EXPECTED.assertFinding("aGpoThatListsOnlyWellKnownGroupsLeavesTheChoiceToTheAdmin", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-568")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544", "*S-1-5-32-551"), "Reports"), "LR004");
        }
    }

    @Nested
    class MembershipUndecided {

        @Test
        void anUndecidedGrantAndAnUndecidedDenyAreBothNamed() {
            EXPECTED.assertDescribes("anUndecidedGrantAndAnUndecidedDenyAreBothNamed", audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports"));
        }

        @Test
        void withACertainGrantOnlyTheUndecidedDenyIsNamed() {
            // The account holds the right by name; whether it is a member of BATCH_ACCOUNTS no longer matters.
            EXPECTED.assertFinding("withACertainGrantOnlyTheUndecidedDenyIsNamed", audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, REPORTS, "*" + BATCH_ACCOUNTS)
                    .right(UserRight.DENY_BATCH, "*" + DOMAIN_SID + "-3000")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports"), "LR005");
        }
    }

    @Nested
    class MembershipUndecidedEvidence {

        @Test
        void whenOnlyADenyIsUndecidedTheFindingPointsAtTheDeny() {
            EXPECTED.assertFinding("whenOnlyADenyIsUndecidedTheFindingPointsAtTheDeny", audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, REPORTS)
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports"), "LR005");
        }

        @Test
        void aDenyThroughAnUncertainSidIsLeftToLr003() {
            PoolResult p = audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, REPORTS)
                    .right(UserRight.DENY_BATCH, "*S-1-5-3", "*S-1-5-32-546")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports");
            assertEquals(List.of("LR003", "LR005"), ruleIds(p));
            EXPECTED.assertFinding("aDenyThroughAnUncertainSidIsLeftToLr003", p, "LR005");
        }

        @Test
        void anUndecidedIisIusrsDenyIsAtLeastTheRiskOfTheInjectedSid() {
            // Not a member: WAS still injects IIS_IUSRS, so the deny may apply through it (LR003).
            PoolResult p = audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, REPORTS)
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-568")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, false), "Reports");
            assertEquals(List.of("LR003", "LR005"), ruleIds(p));
            assertEquals(Verdict.UNKNOWN, p.verdict());
        }
    }

    @Nested
    class AppPoolSidAddedByIis {

        @Test
        void withoutGroupPolicyDataTheNoteSaysWhatWouldChangeIt() {
            EXPECTED.assertFinding("withoutGroupPolicyDataTheNoteSaysWhatWouldChangeIt",
                    audit(SnapshotBuilder.server().right(UserRight.SERVICE, "*S-1-5-80-0")
                    .appPoolIdentity("Reports"), "Reports"), "LR006");
        }

        @Test
        void withGroupPolicyDataThatDefinesNoServiceRightTheNoteIsPlain() {
            EXPECTED.assertFinding("withGroupPolicyDataThatDefinesNoServiceRightTheNoteIsPlain", audit(SnapshotBuilder.server().withGroupPolicyData()
                    .appPoolIdentity("Reports"), "Reports"), "LR006");
        }

        @Test
        void aGrantThroughAnInjectedSidOnlyDoesNotCountAsThePoolSid() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.SERVICE, "*S-1-5-32-568")
                    .appPoolIdentity("Reports"), "Reports");
            assertEquals(List.of("LR006"), ruleIds(p));
            assertEquals(Verdict.WILL_START, p.verdict());
        }
    }

    @Nested
    class GrantRemovedAtNextRefresh {

        @Test
        void aDirectGrantTheGpoDoesNotListIsLostForCertain() {
            EXPECTED.assertDescribes("aDirectGrantTheGpoDoesNotListIsLostForCertain", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-544", "*" + SVC_REPORTS)
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544"), "Reports"));
        }

        @Test
        void aGrantThroughAGroupNamesTheGroup() {
            EXPECTED.assertFinding("aGrantThroughAGroupNamesTheGroup", audit(reports(LogonType.LOGON_SERVICE, "*" + BATCH_ACCOUNTS)
                    .right(UserRight.SERVICE, "*S-1-5-80-0", WEB_BATCH_ACCOUNTS)
                    .gpo(UserRight.SERVICE, LOCKDOWN, 1, "*S-1-5-80-0"), "Reports"), "LR008");
        }

        @Test
        void aGrantThroughAnInjectedSidIsReachedNotHeld() {
            PoolResult p = audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*S-1-5-32-568")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-544"), "Reports");
            assertEquals(List.of("LR004", "LR008"), ruleIds(p));
            EXPECTED.assertFinding("aGrantThroughAnInjectedSidIsReachedNotHeld", p, "LR008");
        }

        @Test
        void withoutMembershipTheGroupsTheGpoKeepsMayStillCarryTheLogon() {
            EXPECTED.assertFinding("withoutMembershipTheGroupsTheGpoKeepsMayStillCarryTheLogon", audit(SnapshotBuilder.server()
                    .right(UserRight.BATCH, REPORTS)
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*" + BATCH_ACCOUNTS, "Web Batch Users")
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports"), "LR008");
        }

        @Test
        void aGrantTheRefreshLeavesOnlyToAnInjectedSidIsLost() {
            EXPECTED.assertFinding("aGrantTheRefreshLeavesOnlyToAnInjectedSidIsLost", audit(reports(LogonType.LOGON_BATCH)
                    .right(UserRight.BATCH, "*" + SVC_REPORTS, "*S-1-5-32-568")
                    .gpo(UserRight.BATCH, LOCKDOWN, 1, "*S-1-5-32-568"), "Reports"), "LR008");
        }

        @Test
        void aVirtualAccountIsLeftToTheServiceRightRules() {
            // The GPO would strip the pool SID: that is LR007's finding, not a lost grant of LR008.
            PoolResult p = audit(SnapshotBuilder.server()
                    .right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("Api"))
                    .gpo(UserRight.SERVICE, LOCKDOWN, 1, "*S-1-5-80-0")
                    .appPoolIdentity("Api"), "Api");
            assertEquals(List.of("LR007"), ruleIds(p));
        }
    }

    @Nested
    class DenyAddedAtNextRefresh {

        @Test
        void aDenyTheGpoAddsThroughAGroupOfTheAccount() {
            EXPECTED.assertDescribes("aDenyTheGpoAddsThroughAGroupOfTheAccount", audit(grantedBatch()
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "*S-1-5-32-546", "CONTOSO\\Domain Users=*" + DOMAIN_USERS), "Reports"));
        }

        @Test
        void aDenyAlreadyInEffectIsNotAnnouncedAgain() {
            PoolResult p = audit(grantedBatch("*S-1-5-32-546")
                    .right(UserRight.DENY_BATCH, "*S-1-5-32-546")
                    .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "*S-1-5-32-546"), "Reports");
            assertEquals(List.of("LR002"), ruleIds(p));
        }

        @Test
        void anUncertainDenyTheGpoAddsIsAnnouncedToo() {
            EXPECTED.assertFinding("anUncertainDenyTheGpoAddsIsAnnouncedToo", audit(grantedBatch()
                    .gpo(UserRight.DENY_BATCH, LOCKDOWN, 1, "*S-1-5-3"), "Reports"), "LR009");
        }
    }

    @Nested
    class IdentityRules {

        @Test
        void localSystemStartsWithAWarning() {
            EXPECTED.assertDescribes("localSystemStartsWithAWarning",
                    audit(SnapshotBuilder.server().builtIn("Intranet", IdentityType.LOCAL_SYSTEM), "Intranet"));
        }

        @Test
        void aSpecificUserInheritedWithoutAUserNameSaysWhereTheTypeCameFrom() {
            EXPECTED.assertFinding("aSpecificUserInheritedWithoutAUserNameSaysWhereTheTypeCameFrom", audit(SnapshotBuilder.server()
                    .pool("Broken", IdentityType.SPECIFIC_USER, null, LogonType.LOGON_BATCH, false,
                            Map.of("identityType", ValueOrigin.POOL_DEFAULTS)), "Broken"), "LR012");
        }

        @Test
        void aNonAsciiPoolNameGivesTheCommandThatChecksItsSid() {
            EXPECTED.assertDescribes("aNonAsciiPoolNameGivesTheCommandThatChecksItsSid", audit(SnapshotBuilder.server()
                    .right(UserRight.SERVICE, "*" + VirtualAccounts.appPoolSid("Bestellungen-Zürich"))
                    .appPoolIdentity("Bestellungen-Zürich"), "Bestellungen-Zürich"));
        }

        @Test
        void aNonAsciiNameOfACustomAccountPoolNeedsNoSidCheck() {
            PoolResult p = audit(SnapshotBuilder.server().right(UserRight.BATCH, "*" + SVC_REPORTS)
                    .specificUser("Bestellungen-Zürich", REPORTS, LogonType.LOGON_BATCH, true)
                    .member(REPORTS, SVC_REPORTS), "Bestellungen-Zürich");
            assertEquals(List.of(), ruleIds(p));
        }

        @Test
        void underIisExpressNoIdentityRuleFires() {
            SnapshotBuilder express = SnapshotBuilder.server().iisExpress()
                    .builtIn("System", IdentityType.LOCAL_SYSTEM)
                    .specificUser("Nameless", null, LogonType.LOGON_BATCH, false)
                    .appPoolIdentity("Zürich");
            for (String pool : List.of("System", "Nameless", "Zürich")) {
                assertEquals(List.of("LR013"), ruleIds(audit(express, pool)), pool);
            }
        }
    }

    @Test
    void aDefaultServerStartsACustomAccountThatIsARealMemberOfIisIusrs() {
        PoolResult p = audit(reports(LogonType.LOGON_BATCH, "BUILTIN\\IIS_IUSRS=*S-1-5-32-568").right(UserRight.BATCH, DEFAULT_BATCH),
                "Reports");
        assertEquals(List.of(Verdict.WILL_START, Confidence.DOCUMENTED), List.of(p.verdict(), p.confidence()));
        assertEquals(List.of(), ruleIds(p));
    }
}
