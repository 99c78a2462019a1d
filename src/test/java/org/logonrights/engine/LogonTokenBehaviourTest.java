package org.logonrights.engine;

import static org.logonrights.engine.AuditEngineBehaviourTest.audit;
import static org.logonrights.engine.TestSnapshots.BATCH_ACCOUNTS;
import static org.logonrights.engine.TestSnapshots.DOMAIN_SID;
import static org.logonrights.engine.TestSnapshots.DOMAIN_USERS;
import static org.logonrights.engine.TestSnapshots.SVC_REPORTS;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.AuditEngineBehaviourTest.Expectations;
import org.logonrights.model.LogonType;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/**
 * Which SIDs a worker logon carries, certainly or possibly, and how each grant or deny entry is
 * tied to it (docs/verdicts.md, "Which SIDs count", and D5): seen through the verdict and the grant
 * and deny steps of the reason chain, which name every entry that concerns the logon and why.
 */
class LogonTokenBehaviourTest {

    private static final Expectations EXPECTED = Expectations.of(LogonTokenBehaviourTest.class);

    private static final String REPORTS = "CONTOSO\\svc-reports";
    private static final String LOCAL = "SRV-WEB01\\svc-local";
    private static final Sid LOCAL_SID = Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1001");

    /** The verdict and the grant and deny steps of a pool: what the token made of each entry. */
    private static String entries(PoolResult p) {
        return p.verdict() + " " + p.confidence() + "\n" + p.reasons().stream()
                .filter(r -> r.step() == ReasonStep.Step.GRANT || r.step() == ReasonStep.Step.DENY)
                .map(r -> r.step() + ": " + r.message() + "\n").collect(Collectors.joining());
    }

    private static void assertEntries(String key, PoolResult p) {
        EXPECTED.check(key, entries(p));
    }

    private static TestSnapshots reports(String... groups) {
        return TestSnapshots.server().specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true)
                .member(REPORTS, SVC_REPORTS, groups);
    }

    private static TestSnapshots local(String... groups) {
        return TestSnapshots.server().specificUser("Local", LOCAL, LogonType.LOGON_BATCH, true)
                .member(LOCAL, LOCAL_SID, groups);
    }

    @Test
    void everyTokenCarriesEveryoneAuthenticatedUsersAndThisOrganization() {
        assertEntries("everyTokenCarriesEveryoneAuthenticatedUsersAndThisOrganization", audit(reports("*" + DOMAIN_USERS)
                .right(UserRight.BATCH, "*S-1-1-0", "*S-1-5-11", "*S-1-5-15"), "Reports"));
    }

    @Test
    void aDomainAccountCarriesBuiltinUsersALocalAccountOnlyAsAMember() {
        assertEntries("aDomainAccountCarriesBuiltinUsersALocalAccountOnlyAsAMember: domain",
                audit(reports("*" + DOMAIN_USERS).right(UserRight.BATCH, "*S-1-5-32-545"), "Reports"));
        assertEntries("aDomainAccountCarriesBuiltinUsersALocalAccountOnlyAsAMember: local",
                audit(local().right(UserRight.BATCH, "*S-1-5-32-545"), "Local"));
        assertEntries("aDomainAccountCarriesBuiltinUsersALocalAccountOnlyAsAMember: local member",
                audit(local("*S-1-5-32-545").right(UserRight.BATCH, "*S-1-5-32-545"), "Local"));
    }

    @Test
    void onlyALocalAccountCarriesLocalAccount() {
        assertEntries("onlyALocalAccountCarriesLocalAccount: local", audit(local().right(UserRight.BATCH, "*S-1-5-113"), "Local"));
        assertEntries("onlyALocalAccountCarriesLocalAccount: domain", audit(reports().right(UserRight.BATCH, "*S-1-5-113"), "Reports"));
    }

    @Test
    void onlyALocalAdministratorCarriesLocalAccountAndMemberOfAdministrators() {
        assertEntries("onlyALocalAdministratorCarriesLocalAccountAndMemberOfAdministrators: admin",
                audit(local("*S-1-5-32-544").right(UserRight.BATCH, "*S-1-5-32-544")
                .right(UserRight.DENY_BATCH, "*S-1-5-114"), "Local"));
        assertEntries("onlyALocalAdministratorCarriesLocalAccountAndMemberOfAdministrators: user",
                audit(local("*S-1-5-32-545").right(UserRight.BATCH, "*S-1-5-113")
                .right(UserRight.DENY_BATCH, "*S-1-5-114"), "Local"));
    }

    @Test
    void withoutMembershipLocalAccountAndAdministratorsMayBeALocalAccountsGroup() {
        TestSnapshots s = TestSnapshots.server().right(UserRight.BATCH, "*S-1-5-114")
                .specificUser("Local", LOCAL, LogonType.LOGON_BATCH, true)
                .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true);
        assertEntries("withoutMembershipLocalAccountAndAdministratorsMayBeALocalAccountsGroup: local", audit(s, "Local"));
        assertEntries("withoutMembershipLocalAccountAndAdministratorsMayBeALocalAccountsGroup: domain", audit(s, "Reports"));
    }

    @Test
    void aGroupKnownOnlyByNameIsMatchedByName() {
        assertEntries("aGroupKnownOnlyByNameIsMatchedByName", audit(reports("CONTOSO\\Web Batch Users")
                .right(UserRight.BATCH, "contoso\\web batch users "), "Reports"));
    }

    @Test
    void aGroupOfTheMembershipDataLendsItsNameToEntriesThatGiveOnlyTheSid() {
        assertEntries("aGroupOfTheMembershipDataLendsItsNameToEntriesThatGiveOnlyTheSid",
                audit(reports("CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS)
                .right(UserRight.BATCH, "*" + BATCH_ACCOUNTS), "Reports"));
    }

    @Test
    void anEntryOfAnotherRightLendsItsNameToo() {
        assertEntries("anEntryOfAnotherRightLendsItsNameToo", audit(reports("*" + BATCH_ACCOUNTS)
                .right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                .right(UserRight.INTERACTIVE, "CONTOSO\\Web Batch Accounts=*" + BATCH_ACCOUNTS), "Reports"));
    }

    @Test
    void aDomainAccountIsMatchedByItsQualifiedNameOnly() {
        // Without membership data the bare name could be anybody's: it stays undecided.
        assertEntries("aDomainAccountIsMatchedByItsQualifiedNameOnly", audit(TestSnapshots.server()
                .right(UserRight.BATCH, "contoso\\SVC-REPORTS", "svc-reports")
                .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true), "Reports"));
    }

    @Test
    void aLocalAccountIsMatchedByEveryFormOfItsName() {
        TestSnapshots s = TestSnapshots.server().specificUser("Local", LOCAL, LogonType.LOGON_BATCH, true)
                .member(LOCAL, null);
        assertEntries("aLocalAccountIsMatchedByEveryFormOfItsName: bare name", audit(s.right(UserRight.BATCH, "svc-local"), "Local"));
        TestSnapshots dot = TestSnapshots.server().specificUser("Local", LOCAL, LogonType.LOGON_BATCH, true)
                .member(LOCAL, null).right(UserRight.BATCH, ".\\svc-local");
        assertEntries("aLocalAccountIsMatchedByEveryFormOfItsName: .\\name", audit(dot, "Local"));
    }

    @Test
    void withCompleteMembershipAnUnresolvedNameIsNotTheAccount() {
        assertEntries("withCompleteMembershipAnUnresolvedNameIsNotTheAccount", audit(reports("*" + DOMAIN_USERS)
                .right(UserRight.BATCH, "Web Batch Users"), "Reports"));
    }

    @Test
    void withIncompleteMembershipAnUnresolvedNameMayStillBeAGroup() {
        assertEntries("withIncompleteMembershipAnUnresolvedNameMayStillBeAGroup", audit(TestSnapshots.server()
                .right(UserRight.BATCH, "Web Batch Users")
                .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true)
                .member(REPORTS, SVC_REPORTS, MembershipSource.NETAPI_FALLBACK, false, "*" + DOMAIN_USERS), "Reports"));
    }

    @Test
    void theNetApiFallbackStillDecidesAUsersMembershipOfLocalAliases() {
        // Complete by its own account of it, but NetAPI misses nested domain groups: only those stay open.
        assertEntries("theNetApiFallbackStillDecidesAUsersMembershipOfLocalAliases", audit(TestSnapshots.server()
                .right(UserRight.BATCH, "*S-1-5-32-551")
                .right(UserRight.DENY_BATCH, "*" + DOMAIN_SID + "-3000")
                .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true)
                .member(REPORTS, SVC_REPORTS, MembershipSource.NETAPI_FALLBACK, true, "*" + DOMAIN_USERS), "Reports"));
    }

    @Test
    void groupsThatAnAuthzOrNetApiReadListedAreCertainAndNameTheirSource() {
        for (MembershipSource source : List.of(MembershipSource.AUTHZ_S4U, MembershipSource.NETAPI_FALLBACK)) {
            assertEntries("groupsThatAnAuthzOrNetApiReadListed " + source, audit(TestSnapshots.server()
                    .right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                    .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, true)
                    .member(REPORTS, SVC_REPORTS, source, source == MembershipSource.AUTHZ_S4U, "*" + BATCH_ACCOUNTS), "Reports"));
        }
    }

    @Test
    void theOwnPoolSidInACustomAccountsTokenIsUncertain() {
        assertEntries("theOwnPoolSidInACustomAccountsTokenIsUncertain", audit(reports("*" + DOMAIN_USERS)
                .right(UserRight.BATCH, "IIS APPPOOL\\Reports", "IIS APPPOOL\\Other"), "Reports"));
    }

    @Test
    void aRealMemberOfIisIusrsHoldsItForCertain() {
        assertEntries("aRealMemberOfIisIusrsHoldsItForCertain", audit(TestSnapshots.server()
                .right(UserRight.BATCH, "*S-1-5-32-568")
                .specificUser("Reports", REPORTS, LogonType.LOGON_BATCH, false)
                .member(REPORTS, SVC_REPORTS, "*S-1-5-32-568"), "Reports"));
    }

    @Test
    void theLogonTypeSidIsTheServiceSidForAServiceLogon() {
        assertEntries("theLogonTypeSidIsTheServiceSidForAServiceLogon", audit(TestSnapshots.server()
                .right(UserRight.SERVICE, "*" + SVC_REPORTS)
                .right(UserRight.DENY_SERVICE, "*S-1-5-6", "*S-1-5-3")
                .specificUser("Reports", REPORTS, LogonType.LOGON_SERVICE, true)
                .member(REPORTS, SVC_REPORTS), "Reports"));
    }

    @Test
    void aVirtualAccountIsNeverAskedAboutGroups() {
        // A domain group or an unresolved name can never contain IIS APPPOOL\Api: no entry is undecided.
        assertEntries("aVirtualAccountIsNeverAskedAboutGroups", audit(TestSnapshots.server()
                .right(UserRight.SERVICE, "IIS APPPOOL\\Api", "*" + BATCH_ACCOUNTS, "Web Service Users")
                .right(UserRight.DENY_SERVICE, "*" + DOMAIN_SID + "-3000", "Blocked Services", "*S-1-5-82-0", "CONSOLE LOGON")
                .appPoolIdentity("Api"), "Api"));
    }

    @Test
    void aBuiltInAccountIsMatchedByItsOwnSidAndByItsName() {
        assertEntries("aBuiltInAccountIsMatchedByItsOwnSidAndByItsName", audit(TestSnapshots.server()
                .right(UserRight.DENY_SERVICE, "LocalService", "*S-1-1-0", "Blocked Services")
                .builtIn("Kiosk", org.logonrights.model.IdentityType.LOCAL_SERVICE), "Kiosk"));
    }
}
