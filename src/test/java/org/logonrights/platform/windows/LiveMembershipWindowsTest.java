package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import com.sun.jna.Native;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Sid;

/**
 * The real Authz and NetAPI calls for the account running the tests (on the GitHub windows runner:
 * an elevated local administrator). Skipped, as expected, off Windows.
 */
@EnabledOnOs(OS.WINDOWS)
class LiveMembershipWindowsTest {

    private static String computer() {
        return MachineFacts.local().computerName();
    }

    private static String currentUser() {
        return System.getenv("USERDOMAIN") + "\\" + System.getenv("USERNAME");
    }

    private static void assertOnlyRealGroups(AccountMembership m) {
        List<Sid> sids = m.groups().stream().filter(Principal::hasSid).map(Principal::sid).toList();
        assertFalse(sids.isEmpty(), "every account belongs to some group: " + m);
        for (Sid s : sids) {
            assertTrue(LogonGroupFilter.isRealGroup(s, 0), "well-known or logon SID left in: " + s);
        }
        assertFalse(sids.contains(m.sid()), "the account is not its own group");
    }

    @Test
    void authzReadsTheCurrentUsersGroups() throws LsaException {
        try (LocalSecurityPolicy policy = LocalSecurityPolicy.open(null);
             GroupMembershipReader reader = GroupMembershipReader.openLocal(policy, computer())) {
            MembershipResult r = reader.read(currentUser());
            AccountMembership m = r.membership();
            assertNotNull(m, "notes: " + r.notes());
            assertEquals(MembershipSource.AUTHZ_S4U, m.source(), "Authz should work for the current user; notes: " + r.notes());
            assertTrue(m.complete());
            assertOnlyRealGroups(m);
            assertTrue(m.groups().stream().anyMatch(p -> p.name() != null), "LSA names the groups: " + m.groups());
        }
    }

    @Test
    void theNetApiFallbackReadsTheCurrentUsersGroupsWhenAuthzFails() throws LsaException {
        AuthzApi failingAuthz = mock(AuthzApi.class); // every call returns FALSE
        try (LocalSecurityPolicy policy = LocalSecurityPolicy.open(null);
             JnaGroupMembershipReader reader = new JnaGroupMembershipReader(failingAuthz, NetApi.Holder.NETAPI32,
                     new Advapi32AccountResolver(), policy, Native::getLastError, computer())) {
            MembershipResult r = reader.read(currentUser());
            AccountMembership m = r.membership();
            assertNotNull(m, "notes: " + r.notes());
            assertEquals(MembershipSource.NETAPI_FALLBACK, m.source());
            assertFalse(m.complete());
            assertEquals("membership-incomplete", r.notes().get(r.notes().size() - 1).code());
            assertOnlyRealGroups(m);
        }
    }

    @Test
    void anAccountThatDoesNotExistIsANoteNotAnError() throws LsaException {
        try (LocalSecurityPolicy policy = LocalSecurityPolicy.open(null);
             GroupMembershipReader reader = GroupMembershipReader.openLocal(policy, computer())) {
            MembershipResult r = reader.read(".\\logonrights-no-such-user-4711");
            assertNull(r.membership());
            assertEquals("account-unresolved", r.notes().get(0).code());
        }
    }
}
