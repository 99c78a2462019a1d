package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.logonrights.model.AppPool;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.LogonType;
import org.logonrights.model.PasswordState;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.ValueOrigin;

/**
 * Runs the parser over the real applicationHost.config files in {@code shared/realworld/applicationhost}
 * (see its MANIFEST.md). The files stay outside the project because their licences vary; the corpus
 * is found beside the worktree or through {@code -Dlogonrights.realworld=<realworld folder>}.
 */
class RealWorldApplicationHostCorpusTest {

    private static final String SHUBHAM = "shubham23nov__Web-Service-Health-Check__applicationHost.config";
    private static final String NCIOCPL = "NCIOCPL__pubslocator__applicationHost.config";
    private static final String HTML_PAGE = "PrestaShopCorp__skrill__applicationhost.config";
    private static final String BARE_SITE = "gustavoesteves__docs-in-general__applicationHost.config";

    /** The kind each file of the manifest must parse to; the three others (a fragment among them) must be rejected. */
    private static final Map<String, ConfigKind> EXPECTED_KIND = Map.ofEntries(
            Map.entry("0GiS0__webappwithazuread__.vs__config__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("111Online__nhs111-logging-api__.vs__config__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("adriano-costa__php-7-2-14_dev__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("apachecoz__pruebamonitoreo__applicationHost.config", ConfigKind.SERVER),
            Map.entry("bjorn-ali-goransson__PowerScriptFileToInstallAndRunWordpressOnIISExpressAndMariaDB__applicationHost.config",
                    ConfigKind.IIS_EXPRESS),
            Map.entry("c1982__IIS-SharedGitConfig__applicationHost.config", ConfigKind.SERVER),
            Map.entry("coso-configuration__supernova__applicationHost.config", ConfigKind.SERVER),
            Map.entry("dorik84__Web-Server-IIS__applicationHost.config", ConfigKind.SERVER),
            Map.entry("JohYis__Web_CRUD_Demo__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("MarkKharitonov__wcf-to-corewcf__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("mattgillard__iis-reverse-proxy__applicationHost.config", ConfigKind.SERVER),
            Map.entry("MiniverCheevy__spa-starter-kit__applicationhost.config", ConfigKind.IIS_EXPRESS),
            Map.entry("mlbakerak__WinIRISBuild__applicationHost.config", ConfigKind.SERVER),
            Map.entry(NCIOCPL, ConfigKind.SERVER),
            Map.entry("RedHatSE__windowcontainertest__config__applicationHost.config", ConfigKind.SERVER),
            Map.entry("shirhatti__HwcConsole__applicationHost.config", ConfigKind.SERVER),
            Map.entry(SHUBHAM, ConfigKind.SERVER),
            Map.entry("v-junish__etc__applicationHost.config", ConfigKind.SERVER),
            Map.entry("Waldovdb__WFS-Banktech-API-Latest__applicationhost.config", ConfigKind.IIS_EXPRESS));

    private static Path corpus() {
        String property = System.getProperty("logonrights.realworld");
        Path dir = property != null && !property.isBlank()
                ? Path.of(property).resolve("applicationhost")
                : Path.of("").toAbsolutePath().getParent().resolve("shared/realworld/applicationhost");
        if (!Files.isDirectory(dir)) {
            Assumptions.abort("real-world corpus not found at " + dir);
        }
        return dir;
    }

    private static Parsed<IisConfiguration> parse(String name) throws InputException {
        return ApplicationHostParser.parse(corpus().resolve(name), InputFiles.DEFAULT);
    }

    @TestFactory
    Stream<DynamicTest> everyFileParsesOrFailsWithAMessage() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus())) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> check(file)));
    }

    /** The file as text for the secret scan, even when the parser would refuse its encoding. */
    private static String rawText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return TextDecoder.decode(bytes, file.toString()).text();
        } catch (InputException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> secrets = ApplicationHostPasswordTest.secretsIn(rawText(file));
        Parsed<IisConfiguration> parsed;
        try {
            parsed = ApplicationHostParser.parse(file, InputFiles.DEFAULT);
        } catch (InputException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            ApplicationHostPasswordTest.assertNoSecret(e, secrets);
            assertFalse(EXPECTED_KIND.containsKey(name), name + " should parse but failed: " + e.oneLine());
            return;
        }
        ApplicationHostPasswordTest.assertNoSecret(parsed, secrets);
        ConfigKind expected = EXPECTED_KIND.get(name);
        if (expected != null) {
            assertEquals(expected, parsed.value().kind(), name);
        }
        if (parsed.value().kind() == ConfigKind.IIS_EXPRESS) {
            assertTrue(parsed.notes().stream().anyMatch(n -> n.code().equals("iis-express")), name);
        }
    }

    @Test
    void largeDevServerHasSixtySpecificUserPoolsAndLeaksNoPassword() throws Exception {
        Parsed<IisConfiguration> parsed = parse(SHUBHAM);
        IisConfiguration c = parsed.value();

        assertEquals(65, c.pools().size());
        List<AppPool> specific = c.pools().stream()
                .filter(p -> p.processModel().identityType() == IdentityType.SPECIFIC_USER).toList();
        assertEquals(60, specific.size());
        for (AppPool p : specific) {
            ProcessModel pm = p.processModel();
            assertTrue(pm.userName().startsWith("NBS-DEVWKS79\\"), p.name() + ": " + pm.userName());
            assertEquals(new PasswordState(PasswordState.Kind.ENCRYPTED, "IISWASOnlyAesProvider"), pm.password(), p.name());
            assertEquals(LogonType.LOGON_BATCH, pm.logonType(), "never written: the Server Fault batch case");
            assertEquals(ValueOrigin.SCHEMA_DEFAULT, pm.originOf("logonType"));
        }
        String everything = c + " " + parsed.notes();
        assertFalse(everything.contains("[enc:"), "no encrypted value may reach the result");
        ApplicationHostPasswordTest.assertNoSecret(parsed,
                ApplicationHostPasswordTest.secretsIn(rawText(corpus().resolve(SHUBHAM))));
        assertEquals(66, c.applications().size());
    }

    @Test
    void serverWithBlankedCredentialsInheritsSpecificUser() throws Exception {
        IisConfiguration c = parse(NCIOCPL).value();

        assertEquals(8, c.pools().size());
        assertTrue(c.pools().stream().allMatch(p -> p.processModel().identityType() == IdentityType.SPECIFIC_USER),
                "applicationPoolDefaults sets SpecificUser for every pool");
        ProcessModel inherited = c.pool("ncidc-guam.lmbps.com").orElseThrow().processModel();
        assertEquals(ValueOrigin.POOL_DEFAULTS, inherited.originOf("identityType"));
        assertEquals(ValueOrigin.POOL, inherited.originOf("userName"));
        assertNull(inherited.userName());
        assertEquals(PasswordState.NONE, inherited.password());
        assertEquals(ValueOrigin.POOL_DEFAULTS, c.pool("ASP.NET 1.1").orElseThrow().processModel().originOf("identityType"));
        assertFalse(c.pool("ASP.NET 1.1").orElseThrow().autoStart());
    }

    @Test
    void hostableWebCoreConfigFallsBackToSchemaDefaults() throws Exception {
        IisConfiguration c = parse("shirhatti__HwcConsole__applicationHost.config").value();

        assertEquals(1, c.pools().size());
        ProcessModel pm = c.pools().get(0).processModel();
        assertEquals(IdentityType.APPLICATION_POOL_IDENTITY, pm.identityType());
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, pm.originOf("identityType"));
        assertFalse(pm.loadUserProfile(), "IIS 7.5-10 schema default");
    }

    @Test
    void stockContainerImageInheritsApplicationPoolIdentity() throws Exception {
        IisConfiguration c = parse("RedHatSE__windowcontainertest__config__applicationHost.config").value();

        assertEquals(List.of("DefaultAppPool", "Classic .NET AppPool", ".NET v2.0 Classic", ".NET v2.0",
                ".NET v4.5 Classic", ".NET v4.5"), c.pools().stream().map(AppPool::name).toList());
        assertTrue(c.pools().stream().allMatch(p -> p.processModel().originOf("identityType") == ValueOrigin.POOL_DEFAULTS));
        assertEquals("v4.0", c.pool("DefaultAppPool").orElseThrow().managedRuntimeVersion());
        assertEquals("v2.0", c.pool(".NET v2.0").orElseThrow().managedRuntimeVersion());
    }

    @Test
    void fragmentIsNotAnApplicationHostConfig() {
        Path file = corpus().resolve("amundead__lab__applicationHost.config"); // skips visibly without the corpus
        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(file, InputFiles.DEFAULT));
        assertEquals("not an applicationHost.config (no applicationPools section)", e.getMessage());
    }

    @Test
    void misnamedHtmlPageIsRejected() {
        Path file = corpus().resolve(HTML_PAGE);

        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(file, InputFiles.DEFAULT));

        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
    }

    @Test
    void bareSiteElementIsRejectedByItsRoot() {
        Path file = corpus().resolve(BARE_SITE);

        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(file, InputFiles.DEFAULT));

        assertEquals("not an applicationHost.config: root element is <site>, expected <configuration>", e.getMessage());
    }
}
