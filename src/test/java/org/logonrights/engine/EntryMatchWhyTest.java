package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

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
import org.logonrights.testing.SnapshotBuilder;

/**
 * A right entry's classification carries why as a type, and {@link Wording} alone puts it into
 * words; the D5 predicate that sets group-like entries aside is one.
 */
class EntryMatchWhyTest {

    private static final String ACCOUNT = "CONTOSO\\svc-reports";

    /** The one entry of {@code right} that concerns pool "Reports", classified as the engine classifies it. */
    private record Classified(PoolContext context, EntryMatch match) {

        static Classified of(SnapshotBuilder server, UserRight right) {
            Snapshot snapshot = server.build();
            PrincipalDirectory directory = PrincipalDirectory.of(snapshot);
            RightsIndex index = new RightsIndex(snapshot, directory);
            PoolContext c = AuditEngine.context(snapshot, snapshot.iis().pools().get(0), directory, index,
                    new Wording(index, directory), snapshot.memberships().index());
            List<EntryMatch> matches = c.matches(right, When.TODAY);
            assertEquals(1, matches.size(), matches.toString());
            return new Classified(c, matches.get(0));
        }

        /** Asserts the match, its why, and the words {@link Wording} gives it. */
        Classified is(Match level, Why why, String words) {
            assertEquals(level, match.match());
            assertEquals(why, match.why());
            assertEquals(words, Wording.why(context, match));
            return this;
        }
    }

    private static SnapshotBuilder reports(UserRight right, String entry, boolean manualGroupMembership) {
        return SnapshotBuilder.server().right(right, entry)
                .specificUser("Reports", ACCOUNT, LogonType.LOGON_BATCH, manualGroupMembership);
    }

    @Test
    void aGroupFromTheMembershipFileIsCertain() {
        Classified c = Classified.of(reports(UserRight.BATCH, "*" + BATCH_ACCOUNTS, true)
                .member(ACCOUNT, SVC_REPORTS, "*" + BATCH_ACCOUNTS), UserRight.BATCH)
                .is(Match.CERTAIN, Why.GROUP, "a group the account belongs to (membership file)");
        assertFalse(c.match().matchedByName());
    }

    @Test
    void anUndecidedAliasSaysWhatItIsOtherwise() {
        Classified c = Classified.of(reports(UserRight.BATCH, "*S-1-5-32-568", false), UserRight.BATCH)
                .is(Match.UNDECIDED, Why.COULD_BE_GROUP, "could be a group the account belongs to; no membership data "
                        + "decides it; otherwise only IIS_IUSRS, which WAS injects (manualGroupMembership=false) without real membership");
        assertEquals(Match.UNCERTAIN, c.match().fallback());
        assertEquals(Why.INJECTED_IIS_IUSRS_WITHOUT_MEMBERSHIP, c.match().otherwise());
    }

    @Test
    void anUndecidedDomainGroupHasNoOtherwise() {
        Classified c = Classified.of(reports(UserRight.BATCH, "*" + BATCH_ACCOUNTS, true), UserRight.BATCH)
                .is(Match.UNDECIDED, Why.COULD_BE_GROUP, "could be a group the account belongs to; no membership data decides it");
        assertNull(c.match().otherwise());
        assertEquals(Match.NONE, c.match().fallback());
    }

    @Test
    void theAccountNamedWithoutASidIsMatchedByName() {
        Classified c = Classified.of(reports(UserRight.BATCH, ACCOUNT, true), UserRight.BATCH)
                .is(Match.CERTAIN, Why.ACCOUNT, "the account itself (matched by name)");
        assertTrue(c.match().matchedByName());
    }

    @Test
    void theLogonTypeSidIsNamedAfterTheEntry() {
        Classified.of(reports(UserRight.DENY_BATCH, "*S-1-5-3", true), UserRight.DENY_BATCH)
                .is(Match.UNCERTAIN, Why.LOGON_TYPE, "the NT AUTHORITY\\BATCH logon-type SID");
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
