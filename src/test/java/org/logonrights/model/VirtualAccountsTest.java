package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test vectors of docs/windows-facts.md §6.3, most of them observed on real servers. */
class VirtualAccountsTest {

    @ParameterizedTest(name = "IIS APPPOOL\\{0}")
    @CsvSource({
            "DefaultAppPool,     S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415",
            ".NET v4.5,          S-1-5-82-271721585-897601226-2024613209-625570482-296978595",
            ".NET v4.5 Classic,  S-1-5-82-3876422241-1344743610-1729199087-774402673-2621913236",
            ".NET v2.0,          S-1-5-82-3682073875-1643277370-2842298652-3532359455-2406259117",
            ".NET v2.0 Classic,  S-1-5-82-4068219030-1673637257-3279585211-533386110-4122969689",
            "Classic .NET AppPool, S-1-5-82-1036420768-1044797643-1061213386-2937092688-4282445334"})
    void appPoolSids(String pool, String sid) {
        assertEquals(sid, VirtualAccounts.appPoolSid(pool).toString());
        assertEquals(sid, VirtualAccounts.appPoolSid(pool.toUpperCase(java.util.Locale.ROOT)).toString(),
                "pool names are folded to lower case before hashing");
        assertTrue(VirtualAccounts.appPoolSid(pool).isAppPoolSid());
    }

    @ParameterizedTest(name = "NT SERVICE\\{0}")
    @CsvSource({
            "TrustedInstaller, S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",
            "WdiServiceHost,   S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420",
            "MSSQLSERVER,      S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003"})
    void serviceSids(String service, String sid) {
        assertEquals(sid, VirtualAccounts.serviceSid(service).toString());
        assertEquals(sid, VirtualAccounts.serviceSid(service.toLowerCase(java.util.Locale.ROOT)).toString(),
                "service names are folded to upper case before hashing");
        assertTrue(VirtualAccounts.serviceSid(service).isServiceSid());
        assertFalse(VirtualAccounts.serviceSid(service).isAppPoolSid());
    }

    @ParameterizedTest
    @CsvSource({"DefaultAppPool, false", "Kasse-Zürich, true", "Ünïcode, true"})
    void nonAsciiNamesAreFlagged(String name, boolean uncertain) {
        assertEquals(uncertain, VirtualAccounts.hasUncertainFolding(name));
    }
}
