package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.SearchResult;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Sid;

/** The parts of the LDAP + Kerberos reader that need no DC, and its failures against loopback sockets. */
class LdapDirectoryTest {

    private static final String D = "S-1-5-21-7-8-9";

    @Test
    void binarySidsAsLdapCarriesThem() {
        // S-1-5-32-544 as AD returns it in objectSid / tokenGroups (MS-DTYP 2.4.2.2).
        byte[] wire = HexFormat.of().parseHex("01020000000000052000000020020000");
        assertEquals(Sid.parse("S-1-5-32-544"), LdapDirectory.Sids.decode(wire));
        assertArrayEquals(wire, LdapDirectory.Sids.encode(Sid.parse("S-1-5-32-544")));
        Sid big = Sid.parse("S-1-5-21-4294967295-1-2-513");
        assertEquals(big, LdapDirectory.Sids.decode(LdapDirectory.Sids.encode(big)));
        assertThrows(IllegalArgumentException.class, () -> LdapDirectory.Sids.decode(new byte[] {1, 2, 0, 0, 0, 0, 0, 5}));
    }

    @Test
    void realmAndPrincipalFromTheNamingContextAndTheUser() {
        assertEquals("probe.test", LdapDirectory.dnsDomain("DC=probe,DC=test"));
        assertEquals("corp.contoso.com", LdapDirectory.dnsDomain("dc=corp, DC=contoso,DC=com"));
        assertEquals("Administrator@PROBE.TEST", LdapDirectory.principal(RemoteAccount.parse("PROBE\\Administrator"), "PROBE.TEST"));
        assertEquals("auditor@CONTOSO.COM", LdapDirectory.principal(RemoteAccount.parse("auditor@contoso.com"), "PROBE.TEST"));
        assertEquals("svc@PROBE.TEST", LdapDirectory.principal(RemoteAccount.parse("svc"), "PROBE.TEST"));
    }

    @Test
    void krb5ConfNamesOnlyThisDcOverTcpWithBoundedWaits() {
        String conf = LdapDirectory.krb5Conf("PROBE.TEST", "10.0.0.5", 7000);
        assertTrue(conf.contains(" default_realm = PROBE.TEST\n"), conf);
        assertTrue(conf.contains("  kdc = 10.0.0.5:88\n"), conf);
        assertTrue(conf.contains(" udp_preference_limit = 1\n") && conf.contains(" kdc_timeout = 7000\n")
                && conf.contains(" max_retries = 1\n") && conf.contains(" dns_lookup_kdc = false\n"), conf);
        assertTrue(conf.contains(" .probe.test = PROBE.TEST\n"), conf);
        assertTrue(LdapDirectory.krb5Conf("PROBE.TEST", "::1", 1000).contains("  kdc = [::1]:88\n"));
    }

    private static SearchResult entry(String dn, Sid sid, String... memberOf) {
        BasicAttributes a = new BasicAttributes(true);
        a.put("sAMAccountName", dn.substring(3, dn.indexOf(',')));
        a.put("objectSid", LdapDirectory.Sids.encode(sid));
        if (memberOf.length > 0) {
            BasicAttribute m = new BasicAttribute("memberOf");
            for (String g : memberOf) {
                m.add(g);
            }
            a.put(m);
        }
        SearchResult r = new SearchResult(dn, null, a);
        r.setNameInNamespace(dn);
        return r;
    }

    @Test
    void routesFollowTheNearestLinkAndThePrimaryGroup() throws NamingException {
        Sid user = Sid.parse(D + "-1105");
        Sid web = Sid.parse(D + "-1111");
        Sid batch = Sid.parse(D + "-1110");
        Sid users = Sid.parse(D + "-513");
        Sid builtinUsers = Sid.parse("S-1-5-32-545");
        Sid foreign = Sid.parse("S-1-5-21-1-1-1-1000");
        String webDn = "CN=g_web,CN=Users,DC=c,DC=d";
        String batchDn = "CN=g_batch,CN=Users,DC=c,DC=d";
        String usersDn = "CN=Domain Users,CN=Users,DC=c,DC=d";
        Map<Sid, SearchResult> entries = Map.of(
                web, entry(webDn, web, batchDn),
                batch, entry(batchDn, batch),
                users, entry(usersDn, users, "CN=Users,CN=Builtin,DC=c,DC=d"),
                builtinUsers, entry("CN=Users,CN=Builtin,DC=c,DC=d", builtinUsers));
        // The user is directly in g_web and (by a second path) in g_batch: the direct link wins.
        List<DirectoryGroups.Group> groups = LdapDirectory.routes(user, "CN=u,CN=Users,DC=c,DC=d",
                List.of(webDn.toLowerCase(), batchDn), users, List.of(web, batch, users, builtinUsers, foreign), entries);
        assertEquals(new DirectoryGroups.Group(web, "g_web", user, DirectoryGroups.Link.MEMBER_OF), groups.get(0),
                "DNs compare case-insensitively");
        assertEquals(new DirectoryGroups.Group(batch, "g_batch", user, DirectoryGroups.Link.MEMBER_OF), groups.get(1));
        assertEquals(new DirectoryGroups.Group(users, "Domain Users", user, DirectoryGroups.Link.PRIMARY_GROUP), groups.get(2));
        assertEquals(new DirectoryGroups.Group(builtinUsers, "Users", users, DirectoryGroups.Link.MEMBER_OF), groups.get(3));
        assertEquals(new DirectoryGroups.Group(foreign, null, null, null), groups.get(4), "no entry, no link: kept, unrouted");
    }

    @Test
    void ldapFailuresAreClassifiedWithTheFix() {
        CommunicationException refused = new CommunicationException("127.0.0.9:389");
        refused.setRootCause(new ConnectException("Connection refused"));
        DirectoryException u = LdapDirectory.ldapFailure(refused, "127.0.0.9", 389, "reading the rootDSE", 5000);
        assertEquals(DirectoryException.Reason.UNREACHABLE, u.reason());
        assertEquals("cannot connect to 127.0.0.9 port 389 while reading the rootDSE (is it a domain controller, and "
                + "TCP 389 open?)", u.getMessage());

        CommunicationException tls = new CommunicationException("simple bind failed: dc01:636");
        tls.setRootCause(new SSLHandshakeException("PKIX path building failed"));
        DirectoryException t = LdapDirectory.ldapFailure(tls, "dc01", 636, "binding", 5000);
        assertEquals(DirectoryException.Reason.TLS_UNTRUSTED, t.reason());
        assertTrue(t.getMessage().contains("is not trusted") && t.getMessage().contains("--dc-ca FILE"), t.getMessage());

        DirectoryException a = LdapDirectory.ldapFailure(new AuthenticationException("[LDAP: error code 49]"), "dc01", 389,
                "binding", 5000);
        assertEquals(DirectoryException.Reason.AUTHENTICATION_REFUSED, a.reason());
    }

    @Test
    void aClosedPortIsUnreachableAndNothingIsLeftBehind() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String before = System.getProperty("java.security.krb5.conf");
        int port = closed;
        DirectoryException e = assertThrows(DirectoryException.class, () -> LdapDirectory.open("127.0.0.1", port,
                RemoteAccount.parse("PROBE\\a"), "secret".toCharArray(), Duration.ofSeconds(5)));
        assertEquals(DirectoryException.Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1 port " + port + " while reading the rootDSE"),
                e.getMessage());
        assertEquals(before, System.getProperty("java.security.krb5.conf"));
    }

    @Test
    void aSilentServerIsATimeoutWithinTheBound() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(10_000); // accepts, then never answers
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            long start = System.nanoTime();
            DirectoryException e = assertThrows(DirectoryException.class, () -> LdapDirectory.open("127.0.0.1",
                    silent.getLocalPort(), RemoteAccount.parse("PROBE\\a"), "secret".toCharArray(), Duration.ofMillis(800)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(DirectoryException.Reason.TIMEOUT, e.reason(), e.getMessage());
            assertTrue(millis < 5_000, "bounded: " + millis + " ms");
            assertFalse(e.getMessage().contains("secret"));
            accept.interrupt();
        }
    }
}
