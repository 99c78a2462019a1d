package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-audit indexes agree with the single look-ups they replace. */
class IisConfigurationIndexTest {

    private static final Provenance CONFIG = Provenance.of(SourceKind.APPLICATION_HOST, "applicationHost.config");

    private static AppPool pool(String name) {
        ProcessModel pm = new ProcessModel(IdentityType.APPLICATION_POOL_IDENTITY, null, LogonType.LOGON_BATCH, false, true,
                false, PasswordState.NONE, Map.of());
        return new AppPool(name, pm, "OnDemand", true, "v4.0", CONFIG);
    }

    private static Application app(String path, String pool) {
        return new Application("Default Web Site", path, pool, pool == null ? PoolSource.NONE : PoolSource.EXPLICIT, CONFIG);
    }

    @Test
    void applicationsByPoolMatchesApplicationsOf() {
        IisConfiguration iis = new IisConfiguration(ConfigKind.SERVER, List.of(pool("Reports"), pool("Straße")),
                List.of(app("/", "reports"), app("/a", "REPORTS"), app("/b", "STRASSE"), app("/c", null), app("/d", "Gone")),
                List.of(), CONFIG);
        Map<String, List<Application>> byPool = iis.applicationsByPool();
        for (String name : List.of("Reports", "Straße", "strasse", "Gone", "none")) {
            assertEquals(iis.applicationsOf(name), byPool.getOrDefault(IgnoreCase.key(name), List.of()), name);
            assertEquals(iis.pool(name).isPresent(), iis.poolKeys().contains(IgnoreCase.key(name)), name);
        }
    }
}
