package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.model.Sid;

/** The engine adds well-known and logon SIDs itself; only real memberships pass. */
class LogonGroupFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"S-1-1-0", "S-1-2-0", "S-1-2-1", "S-1-5-2", "S-1-5-3", "S-1-5-4", "S-1-5-6", "S-1-5-11",
            "S-1-5-14", "S-1-5-15", "S-1-5-113", "S-1-5-114", "S-1-5-1000", "S-1-5-5-0-123456", "S-1-5-64-10",
            "S-1-5-64-21", "S-1-5-65-1", "S-1-16-8192", "S-1-16-12288", "S-1-18-1", "S-1-18-2"})
    void wellKnownAndLogonSidsAreDropped(String sid) {
        assertFalse(LogonGroupFilter.isRealGroup(Sid.parse(sid), 0x7), sid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"S-1-5-32-544", "S-1-5-32-545", "S-1-5-32-568", "S-1-5-32-546",
            "S-1-5-21-1004336348-1177238915-682003330-513", "S-1-5-21-1004336348-1177238915-682003330-1108"})
    void realGroupsAreKept(String sid) {
        assertTrue(LogonGroupFilter.isRealGroup(Sid.parse(sid), 0x7), sid);
    }

    @Test
    void attributesAloneMarkLogonSessionsAndLabels() {
        Sid odd = Sid.parse("S-1-5-21-1-2-3-4000");
        assertFalse(LogonGroupFilter.isRealGroup(odd, 0xC000_0007));
        assertFalse(LogonGroupFilter.isRealGroup(odd, 0x20));
        assertTrue(LogonGroupFilter.isRealGroup(odd, 0x10), "deny-only is still a membership");
    }
}
