package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.model.CredentialUse;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.PasswordState;
import org.logonrights.model.UserRight;

/** Accounts other than pool identities: UNC virtual directories and anonymous-authentication users. */
class ApplicationHostCredentialsTest {

    private static List<CredentialUse> uses;

    @BeforeAll
    static void parse() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("virtual-directory-and-anonymous-credentials.config").value();
        uses = c.credentials();
    }

    private static CredentialUse use(String context) {
        return uses.stream().filter(u -> u.context().equals(context)).findFirst()
                .orElseThrow(() -> new AssertionError("no use '" + context + "' in " + uses.stream().map(CredentialUse::context).toList()));
    }

    @Test
    void everyNamedAccountIsListedInDocumentOrder() {
        assertEquals(List.of(
                "virtual directory Reports/archive",
                "virtual directory Reports/scans",
                "virtual directory Reports/console",
                "virtual directory Reports/batch",
                "virtual directory Reports/media",
                "anonymous user of Intranet",
                "anonymous user of Intranet/hr",
                "anonymous user of Reports/archive (anonymous authentication disabled)"),
                uses.stream().map(CredentialUse::context).toList());
    }

    @Test
    void virtualDirectoryLogonMethodDecidesTheRight() {
        CredentialUse archive = use("virtual directory Reports/archive");
        assertEquals("FABRIKAM\\svc-content", archive.userName());
        assertEquals(UserRight.NETWORK, archive.requiredRight(), "logonMethod=Network");
        assertEquals(new PasswordState(PasswordState.Kind.ENCRYPTED, "IISCngProvider"), archive.password());
        assertEquals("sites/site[@name='Reports']/application[@path='/']/virtualDirectory[@path='/archive']",
                archive.provenance().element());
        assertEquals(56, archive.provenance().line());

        CredentialUse scans = use("virtual directory Reports/scans");
        assertEquals(UserRight.NETWORK, scans.requiredRight(), "no logonMethod: schema default ClearText is a network logon");
        assertEquals(PasswordState.Kind.CLEAR_TEXT, scans.password().kind());

        assertEquals(UserRight.INTERACTIVE, use("virtual directory Reports/console").requiredRight());
        assertEquals(UserRight.BATCH, use("virtual directory Reports/batch").requiredRight(), "logonMethod=\"1\" is Batch");
    }

    @Test
    void virtualDirectoryInheritsTheApplicationsVirtualDirectoryDefaults() {
        CredentialUse media = use("virtual directory Reports/media");
        assertEquals("FABRIKAM\\svc-media", media.userName());
        assertEquals(UserRight.BATCH, media.requiredRight());
        assertEquals(PasswordState.NONE, media.password());
    }

    @Test
    void namedAnonymousUserNeedsNetworkLogonByDefault() {
        CredentialUse anon = use("anonymous user of Intranet");
        assertEquals("FABRIKAM\\svc-anon", anon.userName());
        assertEquals(UserRight.NETWORK, anon.requiredRight());
        assertEquals(new PasswordState(PasswordState.Kind.ENCRYPTED, "IISCngProvider"), anon.password());
        assertEquals("location[@path='Intranet']/" + AnonymousUsersReader.SECTION, anon.provenance().element());
    }

    @Test
    void childLocationInheritsTheUserAndChangesTheLogonMethod() {
        CredentialUse hr = use("anonymous user of Intranet/hr");
        assertEquals("FABRIKAM\\svc-anon", hr.userName());
        assertEquals(UserRight.INTERACTIVE, hr.requiredRight());
        assertEquals(PasswordState.Kind.ENCRYPTED, hr.password().kind());
    }

    @Test
    void disabledAnonymousUserIsKeptButSaysSo() {
        CredentialUse legacy = use("anonymous user of Reports/archive (anonymous authentication disabled)");
        assertEquals("FABRIKAM\\svc-legacy-anon", legacy.userName());
        assertEquals(UserRight.BATCH, legacy.requiredRight());
    }

    @Test
    void iusrAndPoolIdentityAreNotCredentialUses() {
        assertTrue(uses.stream().noneMatch(u -> u.userName().equalsIgnoreCase("IUSR")));
        assertTrue(uses.stream().noneMatch(u -> u.context().equals("anonymous user of Reports")),
                "userName=\"\" means the pool identity");
        assertTrue(uses.stream().noneMatch(u -> u.context().contains("Reports/local")));
    }

    @Test
    void globalNamedAnonymousUserIsServerWide() throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("iis10-default-install.config"))
                .replace("userName=\"IUSR\"", "userName=\"FABRIKAM\\svc-web\" logonMethod=\"Batch\"");

        List<CredentialUse> global = ApplicationHostParser.parse(text, "global.config").value().credentials();

        assertEquals(1, global.size());
        assertEquals("anonymous user (server-wide)", global.get(0).context());
        assertEquals(UserRight.BATCH, global.get(0).requiredRight());
        assertEquals(AnonymousUsersReader.SECTION, global.get(0).provenance().element());
    }

    @Test
    void invalidLogonMethodNamesLineAndPlace() throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("virtual-directory-and-anonymous-credentials.config"))
                .replace("logonMethod=\"Interactive\" />\n                </authentication>", "logonMethod=\"Kerberos\" />\n                </authentication>");

        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(text, "bad.config"));

        assertTrue(e.getMessage().contains("anonymous user of Intranet/hr"), e.getMessage());
        assertTrue(e.getMessage().contains("'Kerberos'"), e.getMessage());
        assertTrue(e.position().startsWith("line "), e.position());
    }
}
