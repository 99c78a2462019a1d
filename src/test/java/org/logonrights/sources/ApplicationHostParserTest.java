package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.LogonType;
import org.logonrights.model.PasswordState;
import org.logonrights.model.PoolSource;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.SourceKind;
import org.logonrights.model.ValueOrigin;

class ApplicationHostParserTest {

    private static AppPool pool(IisConfiguration c, String name) {
        return c.pool(name).orElseThrow(() -> new AssertionError("no pool " + name + " in " + c.pools()));
    }

    private static Application app(IisConfiguration c, String site, String path) {
        return c.applications().stream().filter(a -> a.siteName().equals(site) && a.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no application " + site + path));
    }

    private static List<String> codes(Parsed<?> parsed) {
        return parsed.notes().stream().map(InputNote::code).toList();
    }

    @Test
    void defaultInstallInheritsIdentityAndProfileFromPoolDefaults() throws Exception {
        Parsed<IisConfiguration> parsed = ApplicationHostFixtures.parse("iis10-default-install.config");
        IisConfiguration c = parsed.value();

        assertEquals(ConfigKind.SERVER, c.kind());
        assertEquals(List.of(), parsed.notes());
        assertEquals(List.of("DefaultAppPool", ".NET v4.5 Classic", ".NET v4.5"),
                c.pools().stream().map(AppPool::name).toList(), "document order is kept");

        AppPool dflt = pool(c, "DefaultAppPool");
        ProcessModel pm = dflt.processModel();
        assertEquals(IdentityType.APPLICATION_POOL_IDENTITY, pm.identityType());
        assertEquals(LogonType.LOGON_BATCH, pm.logonType());
        assertTrue(pm.loadUserProfile(), "shipped defaults override the schema's false");
        assertFalse(pm.setProfileEnvironment(), "shipped defaults override the schema's true");
        assertFalse(pm.manualGroupMembership());
        assertNull(pm.userName());
        assertEquals(PasswordState.NONE, pm.password());
        assertEquals(Map.of(
                "identityType", ValueOrigin.POOL_DEFAULTS,
                "userName", ValueOrigin.SCHEMA_DEFAULT,
                "logonType", ValueOrigin.SCHEMA_DEFAULT,
                "manualGroupMembership", ValueOrigin.SCHEMA_DEFAULT,
                "loadUserProfile", ValueOrigin.POOL_DEFAULTS,
                "setProfileEnvironment", ValueOrigin.POOL_DEFAULTS,
                "password", ValueOrigin.SCHEMA_DEFAULT), pm.origins());
        assertEquals("v4.0", dflt.managedRuntimeVersion(), "inherited from applicationPoolDefaults");
        assertTrue(dflt.autoStart());
        assertEquals("OnDemand", dflt.startMode());

        assertEquals(SourceKind.APPLICATION_HOST, dflt.provenance().kind());
        assertTrue(dflt.provenance().file().endsWith("iis10-default-install.config"));
        assertEquals(44, dflt.provenance().line());
        assertEquals("applicationPools/add[@name='DefaultAppPool']", dflt.provenance().element());

        Application root = app(c, "Default Web Site", "/");
        assertEquals("DefaultAppPool", root.poolName());
        assertEquals(PoolSource.SERVER_DEFAULT, root.poolSource());
        assertEquals(65, root.provenance().line());
        assertEquals("sites/site[@name='Default Web Site']/application[@path='/']", root.provenance().element());
        assertEquals(List.of(), c.credentials(), "IUSR is the built-in anonymous user, not a credential use");
        assertEquals(SourceKind.APPLICATION_HOST, c.source().kind());
    }

    @Test
    void serverFaultDomainUserPoolNeedsBatchByDefault() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("server-fault-domain-user-pool.config").value();

        AppPool reports = pool(c, "Reports");
        ProcessModel pm = reports.processModel();
        assertEquals(IdentityType.SPECIFIC_USER, pm.identityType());
        assertEquals("FABRIKAM\\svc-reports", pm.userName());
        assertEquals(LogonType.LOGON_BATCH, pm.logonType());
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, pm.originOf("logonType"), "logonType is not written: schema default");
        assertEquals(ValueOrigin.POOL, pm.originOf("identityType"));
        assertEquals(new PasswordState(PasswordState.Kind.ENCRYPTED, "IISWASOnlyCngProvider"), pm.password());
        assertEquals(ValueOrigin.POOL, pm.originOf("password"));
        assertFalse(pm.manualGroupMembership(), "IIS_IUSRS is injected into the token");
        assertTrue(pm.loadUserProfile());
        assertEquals("AlwaysRunning", reports.startMode());

        AppPool jobs = pool(c, "Jobs");
        ProcessModel jpm = jobs.processModel();
        assertEquals(LogonType.LOGON_SERVICE, jpm.logonType());
        assertEquals(ValueOrigin.POOL, jpm.originOf("logonType"));
        assertTrue(jpm.manualGroupMembership());
        assertEquals(ValueOrigin.POOL, jpm.originOf("manualGroupMembership"));
        assertFalse(jpm.loadUserProfile(), "the pool overrides the defaults' true");
        assertEquals(ValueOrigin.POOL, jpm.originOf("loadUserProfile"));
        assertFalse(jpm.setProfileEnvironment());
        assertEquals(ValueOrigin.POOL_DEFAULTS, jpm.originOf("setProfileEnvironment"));
        assertFalse(jobs.autoStart());
        assertEquals("", jobs.managedRuntimeVersion(), "No Managed Code, written on the pool");

        assertEquals(IdentityType.NETWORK_SERVICE, pool(c, "Intranet").processModel().identityType());

        assertEquals(PoolSource.EXPLICIT, app(c, "Reports", "/").poolSource());
        assertEquals("Jobs", app(c, "Reports", "/jobs").poolName());
        Application wiki = app(c, "Intranet", "/wiki");
        assertEquals("Intranet", wiki.poolName());
        assertEquals(PoolSource.SITE_DEFAULT, wiki.poolSource(), "the site's applicationDefaults beat the server's");
        assertEquals(PoolSource.SERVER_DEFAULT, app(c, "Default Web Site", "/").poolSource());
        assertEquals(5, c.applications().size());
        assertEquals(List.of("/"), c.applicationsOf("reports").stream().map(Application::path).toList(),
                "pool names match case-insensitively");
    }

    @Test
    void numericAndMixedCaseEnumsAreAccepted() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("numeric-enum-values.config").value();

        AppPool numeric = pool(c, "Numeric");
        assertEquals(IdentityType.SPECIFIC_USER, numeric.processModel().identityType(), "identityType=\"3\"");
        assertEquals(LogonType.LOGON_SERVICE, numeric.processModel().logonType(), "logonType=\"1\"");
        assertEquals("AlwaysRunning", numeric.startMode(), "startMode=\"1\" is reported by its name");

        AppPool mixed = pool(c, "MixedCase");
        assertEquals(IdentityType.SPECIFIC_USER, mixed.processModel().identityType());
        assertEquals(LogonType.LOGON_SERVICE, mixed.processModel().logonType());
        assertTrue(mixed.processModel().manualGroupMembership());
        assertFalse(mixed.processModel().loadUserProfile());
        assertTrue(mixed.processModel().setProfileEnvironment());
        assertFalse(mixed.autoStart());
        assertEquals("AlwaysRunning", mixed.startMode());

        assertEquals(IdentityType.LOCAL_SYSTEM, pool(c, "BuiltIns0").processModel().identityType());
        AppPool two = pool(c, "BuiltIns2");
        assertEquals(IdentityType.NETWORK_SERVICE, two.processModel().identityType(), "surrounding blanks tolerated");
        assertEquals(LogonType.LOGON_BATCH, two.processModel().logonType());
        assertEquals(ValueOrigin.POOL, two.processModel().originOf("logonType"));
    }

    @Test
    void specificUserInheritedFromDefaultsWithBlankUserName() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("inherited-specificuser-empty-username.config").value();

        ProcessModel classic = pool(c, "Classic .NET AppPool").processModel();
        assertEquals(IdentityType.SPECIFIC_USER, classic.identityType());
        assertEquals(ValueOrigin.POOL_DEFAULTS, classic.originOf("identityType"));
        assertNull(classic.userName(), "userName=\"\" means no account");
        assertEquals(ValueOrigin.POOL_DEFAULTS, classic.originOf("userName"));
        assertEquals(PasswordState.NONE, classic.password());
        assertTrue(classic.manualGroupMembership());
        assertEquals(ValueOrigin.POOL_DEFAULTS, classic.originOf("manualGroupMembership"));
        assertFalse(classic.loadUserProfile(), "no loadUserProfile anywhere: schema default false");
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, classic.originOf("loadUserProfile"));

        ProcessModel centralAdmin = pool(c, "SharePoint Central Administration v4").processModel();
        assertEquals(ValueOrigin.POOL, centralAdmin.originOf("identityType"));
        assertEquals(ValueOrigin.POOL, centralAdmin.originOf("userName"));
        assertNull(centralAdmin.userName());

        ProcessModel sts = pool(c, "SecurityTokenServiceApplicationPool").processModel();
        assertEquals(IdentityType.SPECIFIC_USER, sts.identityType(), "processModel without identityType inherits it");
        assertEquals(ValueOrigin.POOL_DEFAULTS, sts.originOf("identityType"));
        assertEquals(ValueOrigin.POOL, sts.originOf("password"));

        ProcessModel portal = pool(c, "Portal").processModel();
        assertEquals(IdentityType.SPECIFIC_USER, portal.identityType());
        assertEquals("FABRIKAM\\svc-portal", portal.userName());
        assertEquals(LogonType.LOGON_SERVICE, portal.logonType());
        assertEquals(ValueOrigin.POOL_DEFAULTS, portal.originOf("password"));

        AppPool stat = pool(c, "Static");
        assertEquals(IdentityType.APPLICATION_POOL_IDENTITY, stat.processModel().identityType());
        assertEquals(ValueOrigin.POOL, stat.processModel().originOf("identityType"));
        assertEquals("AlwaysRunning", stat.startMode(), "pool attribute inherited from applicationPoolDefaults");
        assertFalse(stat.autoStart());
        assertEquals("", stat.managedRuntimeVersion(), "neither pool nor defaults: schema default \"\"");
        assertEquals("v2.0", pool(c, "SecurityTokenServiceApplicationPool").managedRuntimeVersion());
    }

    @Test
    void siteDefaultsApplyAndMissingServerDefaultLeavesNoPool() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("site-defaults-without-server-default.config").value();

        Application shopRoot = app(c, "Shop", "/");
        assertEquals("Shop", shopRoot.poolName());
        assertEquals(PoolSource.SITE_DEFAULT, shopRoot.poolSource());
        assertEquals(PoolSource.EXPLICIT, app(c, "Shop", "/checkout").poolSource());

        Application ghost = app(c, "Shop", "/ghost");
        assertEquals("OldPortal", ghost.poolName(), "a dangling pool name is kept for the engine to report");
        assertEquals(PoolSource.EXPLICIT, ghost.poolSource());
        assertTrue(c.pool("OldPortal").isEmpty());

        Application orphan = app(c, "Orphan", "/");
        assertNull(orphan.poolName());
        assertEquals(PoolSource.NONE, orphan.poolSource());

        Application blank = app(c, "Orphan", "/blank");
        assertNull(blank.poolName(), "applicationPool=\"\" names no pool");
        assertEquals(PoolSource.NONE, blank.poolSource());
    }

    @Test
    void poolsInGlobalLocationAreRead() throws Exception {
        Parsed<IisConfiguration> parsed = ApplicationHostFixtures.parse("global-location-application-pools.config");
        IisConfiguration c = parsed.value();

        assertEquals(ConfigKind.SERVER, c.kind());
        assertEquals(List.of("DefaultAppPool", "Api", "Batch"), c.pools().stream().map(AppPool::name).toList(),
                "location path=\"\" and path=\".\" are global; a per-site location is not");
        ProcessModel api = pool(c, "Api").processModel();
        assertEquals(IdentityType.SPECIFIC_USER, api.identityType());
        assertEquals(LogonType.LOGON_SERVICE, api.logonType());
        assertTrue(api.loadUserProfile(), "inherits from the defaults in the same section");
        ProcessModel batch = pool(c, "Batch").processModel();
        assertEquals(IdentityType.LOCAL_SERVICE, batch.identityType());
        assertFalse(batch.loadUserProfile(), "this section has no applicationPoolDefaults: schema default");
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, batch.originOf("loadUserProfile"));

        assertEquals("Api", app(c, "Default Web Site", "/api").poolName());
        assertEquals(List.of("apphost-section-in-location", "duplicate-section"), codes(parsed));
        InputNote ignored = parsed.notes().get(0);
        assertEquals(InputNote.Level.WARNING, ignored.level());
        assertTrue(ignored.message().contains("Default Web Site"), ignored.message());
        InputNote duplicate = parsed.notes().get(1);
        assertTrue(duplicate.message().contains("applicationPools"), duplicate.message());
    }

    @Test
    void iisExpressIsRecognisedAndFlagged() throws Exception {
        Parsed<IisConfiguration> parsed = ApplicationHostFixtures.parse("iis-express-visual-studio.config");
        IisConfiguration c = parsed.value();

        assertEquals(ConfigKind.IIS_EXPRESS, c.kind());
        assertEquals(5, c.pools().size());
        ProcessModel pm = pool(c, "Clr4IntegratedAppPool").processModel();
        assertEquals(IdentityType.APPLICATION_POOL_IDENTITY, pm.identityType());
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, pm.originOf("identityType"), "empty <processModel /> in the defaults");
        assertEquals(PoolSource.SERVER_DEFAULT, app(c, "WebSite1", "/").poolSource());
        assertEquals("Clr4IntegratedAppPool", app(c, "WebSite1", "/").poolName());
        assertEquals(List.of(), c.credentials(), "userName=\"\" means the pool identity");

        assertEquals(List.of("iis-express"), codes(parsed));
        InputNote note = parsed.notes().get(0);
        assertEquals(InputNote.Level.WARNING, note.level());
        assertTrue(note.message().contains("interactive user"), note.message());
        assertTrue(note.message().contains("%IIS_USER_HOME%"), note.message());
    }

    @Test
    void iisExpressRecognisedByItsBinClrConfigFileAlone() throws Exception {
        Parsed<IisConfiguration> parsed = ApplicationHostFixtures.parse("iis-express-bin-clrconfig.config");

        assertEquals(ConfigKind.IIS_EXPRESS, parsed.value().kind());
        assertTrue(parsed.notes().get(0).message().contains("Clr4IntegratedAppPool"), parsed.notes().get(0).message());
    }

    @Test
    void serverPoolNamedLikeIisExpressIsStillAServer() throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("iis10-default-install.config"))
                .replace("<add name=\".NET v4.5\" ", "<add name=\"Clr4IntegratedAppPool\" CLRConfigFile=\"D:\\clr\\aspnet.config\" ");

        assertEquals(ConfigKind.SERVER, ApplicationHostParser.parse(text, "renamed.config").value().kind());
    }

    @Test
    void fragmentWithoutApplicationPoolsIsNotAnApplicationHostConfig() {
        // A web.config or a fragment passed to --applicationhost reported "0 application pools" and exit 0.
        InputException e = assertThrows(InputException.class,
                () -> ApplicationHostFixtures.parse("fragment-webserver-handlers-only.config"));
        assertEquals("not an applicationHost.config (no applicationPools section)", e.getMessage());
        assertNull(e.position());
    }

    @Test
    void redirectionConfigPointsAtTheShare() throws Exception {
        Parsed<IisConfiguration> parsed = ApplicationHostFixtures.parse("redirection-shared-configuration.config");

        assertEquals(ConfigKind.NO_POOLS, parsed.value().kind());
        assertEquals(List.of("shared-configuration", "no-application-pools"), codes(parsed));
        InputNote shared = parsed.notes().get(0);
        assertEquals(InputNote.Level.WARNING, shared.level());
        assertTrue(shared.message().contains("\\\\fs01.fabrikam.com\\iis-shared-config$"), shared.message());
        assertEquals(14, shared.provenance().line());
        assertEquals(List.of(), parsed.value().credentials(), "the share's account logs on at the file server");
    }

    @Test
    void disabledRedirectionIsNotAnApplicationHostConfig() throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("redirection-shared-configuration.config"))
                .replace("enabled=\"true\"", "enabled=\"false\"");

        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(text, "redirection.config"));
        assertEquals("redirection.config: not an applicationHost.config (no applicationPools section)", e.oneLine());
    }

    @Test
    void utf16FileWithBomIsDecodedFromItsBytes(@TempDir Path dir) throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("server-fault-domain-user-pool.config"));
        Path file = dir.resolve("applicationHost.config");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Files.write(file, bytes);

        Parsed<IisConfiguration> parsed = ApplicationHostParser.parse(file, InputFiles.DEFAULT);

        assertEquals("FABRIKAM\\svc-reports", pool(parsed.value(), "Reports").processModel().userName());
        assertEquals(file.toString(), parsed.value().source().file());
        assertEquals(List.of(), parsed.notes());
    }

    @Test
    void windows1252FallbackIsNoted(@TempDir Path dir) throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("iis10-default-install.config"))
                .replace("<add name=\".NET v4.5\" ", "<add name=\"Caf\u00e9\" ");
        Path file = dir.resolve("applicationHost.config");
        Files.write(file, text.getBytes("windows-1252"));

        Parsed<IisConfiguration> parsed = ApplicationHostParser.parse(file, InputFiles.DEFAULT);

        assertTrue(parsed.value().pool("Caf\u00e9").isPresent());
        assertEquals(List.of("encoding-fallback"), codes(parsed));
    }

    @Test
    void virtualDirectoryDisplayPathJoinsApplicationAndDirectory() {
        assertEquals("Reports/archive", SitesReader.displayPath("Reports", "/", "/archive"));
        assertEquals("Reports/", SitesReader.displayPath("Reports", "/", "/"));
        assertEquals("Reports/jobs", SitesReader.displayPath("Reports", "/jobs", "/"));
        assertEquals("Reports/jobs/out", SitesReader.displayPath("Reports", "/jobs", "/out"));
    }
}
