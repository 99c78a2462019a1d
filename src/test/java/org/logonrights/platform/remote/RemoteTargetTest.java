package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RemoteTargetTest {

    @Test
    void hostsWithAndWithoutPort() {
        assertEquals(new RemoteTarget("web01", 445, RemoteTarget.DEFAULT_TIMEOUT), RemoteTarget.parse("web01"));
        assertEquals(new RemoteTarget("web01", 445, RemoteTarget.DEFAULT_TIMEOUT), RemoteTarget.parse("\\\\web01"));
        assertEquals(new RemoteTarget("127.0.0.1", 1445, RemoteTarget.DEFAULT_TIMEOUT), RemoteTarget.parse("127.0.0.1:1445"));
        assertEquals(new RemoteTarget("::1", 445, RemoteTarget.DEFAULT_TIMEOUT), RemoteTarget.parse("::1"));
        assertEquals(new RemoteTarget("::1", 1445, RemoteTarget.DEFAULT_TIMEOUT), RemoteTarget.parse("[::1]:1445"));
        assertEquals("\\\\web01", RemoteTarget.parse("web01").unc());
        assertEquals("web01 port 1445", RemoteTarget.parse("web01:1445").describe());
        for (String bad : new String[] {"", "web 01", "web01:x", "web01:70000", "[::1", "\\\\web01\\C$"}) {
            assertThrows(IllegalArgumentException.class, () -> RemoteTarget.parse(bad), bad);
        }
    }

    @Test
    void accounts() {
        assertEquals(new RemoteAccount("CONTOSO", "admin"), RemoteAccount.parse("CONTOSO\\admin"));
        assertEquals(new RemoteAccount("", "admin@contoso.com"), RemoteAccount.parse("admin@contoso.com"));
        assertEquals(new RemoteAccount("", "Administrator"), RemoteAccount.parse("Administrator"));
        assertEquals("CONTOSO\\admin", RemoteAccount.parse("CONTOSO\\admin").display());
        for (String bad : new String[] {"", "\\admin", "CONTOSO\\", "A\\B\\C"}) {
            assertThrows(IllegalArgumentException.class, () -> RemoteAccount.parse(bad), bad);
        }
    }
}
