package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UserRightTest {

    @Test
    void tenLogonRightsEachWithItsDenyTwin() {
        assertEquals(10, UserRight.values().length);
        for (UserRight r : UserRight.values()) {
            assertEquals(r, r.twin().twin());
            assertEquals(!r.isDeny(), r.twin().isDeny());
            assertEquals(r.constantName().replace("Deny", ""), r.twin().constantName().replace("Deny", ""));
        }
        assertEquals(UserRight.DENY_BATCH, UserRight.BATCH.twin());
        assertEquals("Log on as a batch job", UserRight.BATCH.displayName());
        assertEquals("Deny log on as a service", UserRight.DENY_SERVICE.displayName());
    }

    @Test
    void constantNamesMatchCaseInsensitively() {
        assertEquals(UserRight.BATCH, UserRight.fromConstantName("sebatchlogonright").orElseThrow());
        assertEquals(UserRight.DENY_SERVICE, UserRight.fromConstantName(" SeDenyServiceLogonRight ").orElseThrow());
        assertTrue(UserRight.fromConstantName("SeTcbPrivilege").isEmpty());
        assertTrue(Privileges.isKnownPrivilege("SeSystemtimePrivilege"));
        assertTrue(Privileges.isKnownPrivilege("SeSystemTimePrivilege"), "gpresult spells it with a capital T");
        assertTrue(Arrays.stream(UserRight.values()).allMatch(r -> r.constantName().startsWith("Se")
                && r.constantName().endsWith("LogonRight")));
    }

    @Test
    void wellKnownNamesResolveQualifiedOrNot() {
        assertEquals(WellKnownSids.ADMINISTRATORS, WellKnownSids.sidOf("Administrators").orElseThrow());
        assertEquals(WellKnownSids.ADMINISTRATORS, WellKnownSids.sidOf("BUILTIN\\administrators").orElseThrow());
        assertEquals(WellKnownSids.NETWORK_SERVICE, WellKnownSids.sidOf("NT AUTHORITY\\NETWORK SERVICE").orElseThrow());
        assertEquals(WellKnownSids.LOCAL_ACCOUNT, WellKnownSids.sidOf("Local account").orElseThrow());
        assertEquals(WellKnownSids.ALL_SERVICES, WellKnownSids.sidOf("NT SERVICE\\ALL SERVICES").orElseThrow());
        assertEquals("BUILTIN\\IIS_IUSRS", WellKnownSids.nameOf(WellKnownSids.IIS_IUSRS).orElseThrow());
        assertTrue(WellKnownSids.sidOf("CONTOSO\\Domain Users").isEmpty());
    }
}
