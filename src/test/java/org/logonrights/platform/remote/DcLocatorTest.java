package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import org.junit.jupiter.api.Test;

/** DC discovery from SRV records, with the DNS answers given. */
class DcLocatorTest {

    @Test
    void lowestPriorityFirstThenHeaviestWeightAndTheRecordNameIsTheLocators() throws Exception {
        List<String> asked = new ArrayList<>();
        List<String> hosts = DcLocator.locate("contoso.com", name -> {
            asked.add(name);
            return List.of("10 100 389 dc3.contoso.com.", "0 50 389 DC2.contoso.com.", "0 100 389 dc1.contoso.com.",
                    "bogus", "0 0 389 .");
        });
        assertEquals(List.of("_ldap._tcp.dc._msdcs.contoso.com"), asked);
        assertEquals(List.of("dc1.contoso.com", "dc2.contoso.com", "dc3.contoso.com"), hosts);
    }

    @Test
    void noRecordOrAFailedLookupSaysToGiveTheDc() {
        DirectoryException none = assertThrows(DirectoryException.class,
                () -> DcLocator.locate("contoso.com", name -> {
                    throw new NameNotFoundException(name);
                }));
        assertEquals(DirectoryException.Reason.UNREACHABLE, none.reason());
        assertEquals("no domain controller found: DNS has no _ldap._tcp.dc._msdcs.contoso.com SRV record; give --dc HOST",
                none.getMessage());
        DirectoryException empty = assertThrows(DirectoryException.class, () -> DcLocator.locate("contoso.com", name -> List.of()));
        assertEquals(none.getMessage(), empty.getMessage());
        DirectoryException failed = assertThrows(DirectoryException.class, () -> DcLocator.locate("contoso.com", name -> {
            throw new NamingException("DNS error");
        }));
        assertTrue(failed.getMessage().contains("the SRV lookup of _ldap._tcp.dc._msdcs.contoso.com failed (DNS error)"),
                failed.getMessage());
    }
}
