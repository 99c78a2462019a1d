package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.logonrights.engine.TestSnapshots.BATCH_ACCOUNTS;
import static org.logonrights.engine.TestSnapshots.SVC_REPORTS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.EntryMatch.Why;
import org.logonrights.engine.PoolContext.When;
import org.logonrights.model.LogonType;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;

/**
 * A right entry's classification carries why as a type, and {@link Wording} alone puts it into
 * words; the D5 predicate that sets group-like entries aside is one.
 */
class EntryMatchWhyTest {

    private static final String ACCOUNT = "CONTOSO\\svc-reports";

    /** The context of pool "Reports", as the engine builds it for {@code snapshot}. */
    private static PoolContext reports(Snapshot snapshot) {
        PrincipalDirectory directory = PrincipalDirectory.of(snapshot);
        RightsIndex index = new RightsIndex(snapshot, directory);
        return AuditEngine.context(snapshot, snapshot.iis().pools().get(0), directory, index,
                new Wording(index, directory), snapshot.memberships().index());
    }

    private static EntryMatch only(PoolContext c, UserRight right) {
        List<EntryMatch> matches = c.matches(right, When.TODAY);
        assertEquals(1, matches.size(), matches.toString());
        return matches.get(0);
    }

    @Test
    void aGroupFromTheMembershipFileIsCertain() {
        PoolContext c = reports(TestSnapshots.server().right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, true)
                .member(ACCOUNT, SVC_REPORTS, "*" + BATCH_ACCOUNTS).build());
        EntryMatch m = only(c, UserRight.BATCH);
        assertEquals(Match.CERTAIN, m.match());
        assertEquals(Why.GROUP, m.why());
        assertFalse(m.matchedByName());
        assertEquals("a group the account belongs to (membership file)", Wording.why(c, m));
    }

    @Test
    void anUndecidedAliasSaysWhatItIsOtherwise() {
        PoolContext c = reports(TestSnapshots.server().right(UserRight.BATCH, "*S-1-5-32-568")
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, false).build());
        EntryMatch m = only(c, UserRight.BATCH);
        assertEquals(Match.UNDECIDED, m.match());
        assertEquals(Match.UNCERTAIN, m.fallback());
        assertEquals(Why.COULD_BE_GROUP, m.why());
        assertEquals(Why.INJECTED_IIS_IUSRS_WITHOUT_MEMBERSHIP, m.otherwise());
        assertEquals("could be a group the account belongs to; no membership data decides it; otherwise only IIS_IUSRS, "
                + "which WAS injects (manualGroupMembership=false) without real membership", Wording.why(c, m));
    }

    @Test
    void anUndecidedDomainGroupHasNoOtherwise() {
        PoolContext c = reports(TestSnapshots.server().right(UserRight.BATCH, "*" + BATCH_ACCOUNTS)
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, true).build());
        EntryMatch m = only(c, UserRight.BATCH);
        assertEquals(Why.COULD_BE_GROUP, m.why());
        assertNull(m.otherwise());
        assertEquals(Match.NONE, m.fallback());
        assertEquals("could be a group the account belongs to; no membership data decides it", Wording.why(c, m));
    }

    @Test
    void theAccountNamedWithoutASidIsMatchedByName() {
        PoolContext c = reports(TestSnapshots.server().right(UserRight.BATCH, ACCOUNT)
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, true).build());
        EntryMatch m = only(c, UserRight.BATCH);
        assertEquals(Match.CERTAIN, m.match());
        assertEquals(Why.ACCOUNT, m.why());
        assertTrue(m.matchedByName());
        assertEquals("the account itself (matched by name)", Wording.why(c, m));
    }

    @Test
    void theLogonTypeSidIsNamedAfterTheEntry() {
        PoolContext c = reports(TestSnapshots.server().right(UserRight.DENY_BATCH, "*S-1-5-3")
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, true).build());
        EntryMatch m = only(c, UserRight.DENY_BATCH);
        assertEquals(Match.UNCERTAIN, m.match());
        assertEquals(Why.LOGON_TYPE, m.why());
        assertEquals("the NT AUTHORITY\\BATCH logon-type SID", Wording.why(c, m));
    }

    @Test
    void groupLikeIsOnePredicate() {
        assertTrue(TokenModel.isGroupLike(BATCH_ACCOUNTS));
        assertTrue(TokenModel.isGroupLike(WellKnownSids.ADMINISTRATORS));
        assertTrue(TokenModel.isGroupLike(WellKnownSids.LOCAL_ACCOUNT_AND_ADMIN));
        for (Sid never : List.of(WellKnownSids.ALL_SERVICES, WellKnownSids.NETWORK_SERVICE, WellKnownSids.BATCH,
                VirtualAccounts.appPoolSid("Reports"))) {
            assertFalse(TokenModel.isGroupLike(never), never.toString());
        }
    }
}
