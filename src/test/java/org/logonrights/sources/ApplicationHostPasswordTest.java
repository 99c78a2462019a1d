package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.PasswordState;
import org.logonrights.model.ProcessModel;

/** A password value, clear or encrypted, never reaches the model, a note or an error message. */
class ApplicationHostPasswordTest {

    private static final Pattern PASSWORD = Pattern.compile("password=\"([^\"]+)\"");

    /** Every non-empty password value written in the fixture, plus the payload of each encrypted one. */
    static List<String> secretsIn(String text) {
        List<String> secrets = new ArrayList<>();
        Matcher m = PASSWORD.matcher(text);
        while (m.find()) {
            String value = m.group(1);
            secrets.add(value);
            if (value.startsWith("[enc:") && value.endsWith(":enc]")) {
                String body = value.substring(5, value.length() - 5);
                String payload = body.substring(body.indexOf(':') + 1);
                if (!payload.isEmpty()) {
                    secrets.add(payload);
                }
            }
        }
        return secrets;
    }

    private static void assertNoSecret(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), where + " leaks a password value: " + text);
        }
    }

    static void assertNoSecret(Parsed<IisConfiguration> parsed, List<String> secrets) {
        assertNoSecret("the parsed configuration", parsed.value().toString(), secrets);
        parsed.notes().forEach(n -> assertNoSecret("note " + n.code(), n.toString(), secrets));
    }

    static void assertNoSecret(InputException e, List<String> secrets) {
        assertNoSecret("the error", e.oneLine(), secrets);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoSecret("a cause", String.valueOf(t.getMessage()), secrets);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear-text-password-pool.config", "server-fault-domain-user-pool.config",
            "virtual-directory-and-anonymous-credentials.config", "redirection-shared-configuration.config",
            "invalid-identity-type.config"})
    void noPasswordValueInAnyResultOrError(String fixture) throws Exception {
        List<String> secrets = secretsIn(Files.readString(ApplicationHostFixtures.path(fixture)));
        assertFalse(secrets.isEmpty(), "the fixture must carry passwords");
        try {
            assertNoSecret(ApplicationHostFixtures.parse(fixture), secrets);
        } catch (InputException e) {
            assertNoSecret(e, secrets);
        }
    }

    @Test
    void clearTextAndEncryptedPasswordsAreOnlyClassified() throws Exception {
        IisConfiguration c = ApplicationHostFixtures.parse("clear-text-password-pool.config").value();

        ProcessModel legacy = c.pool("Legacy").orElseThrow().processModel();
        assertEquals(new PasswordState(PasswordState.Kind.CLEAR_TEXT, null), legacy.password());
        ProcessModel vendor = c.pool("Vendor").orElseThrow().processModel();
        assertEquals(new PasswordState(PasswordState.Kind.ENCRYPTED, "IISWASOnlyCngProvider"), vendor.password());
        ProcessModel gmsa = c.pool("EmptyEnc").orElseThrow().processModel();
        assertEquals(PasswordState.NONE, gmsa.password(), "[enc:Provider::enc] has no payload: empty, as for a gMSA");
        assertEquals("FABRIKAM\\gmsa-web$", gmsa.userName());
    }

    /** Found by reading the code behind the fuzz target: the markers overlap and substring(5, 4) threw. */
    @ParameterizedTest
    @ValueSource(strings = {"[enc:enc]", "[enc::enc]x", "[enc:", ":enc]", "[enc::enc]"})
    void overlappingOrPartialEncryptionMarkersAreClassifiedNotThrown(String value) throws Exception {
        String config = "<configuration><system.applicationHost><applicationPools><add name=\"p\">"
                + "<processModel identityType=\"SpecificUser\" userName=\"FABRIKAM\\svc\" password=\"" + value + "\" />"
                + "</add></applicationPools></system.applicationHost></configuration>";

        PasswordState state = ApplicationHostParser.parse(config, "markers.config").value().pool("p").orElseThrow()
                .processModel().password();

        assertEquals(value.equals("[enc::enc]") ? PasswordState.NONE : new PasswordState(PasswordState.Kind.CLEAR_TEXT, null),
                state, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear-text-password-invalid-logon-type.config", "clear-text-password-malformed-xml.config",
            "duplicate-pool-names.config", "invalid-identity-type.config"})
    void errorsAboutAPoolWithAPasswordDoNotQuoteIt(String fixture) throws Exception {
        List<String> secrets = secretsIn(Files.readString(ApplicationHostFixtures.path(fixture)));
        // The malformed fixture's password is split by the '<' it contains: check both halves too.
        secrets.addAll(List.of("Winter", "2023!Legacy"));

        InputException e = assertThrows(InputException.class, () -> ApplicationHostFixtures.parse(fixture));

        assertNoSecret(e, secrets);
    }

    @Test
    void secretsAreFoundInTheFixtures() throws Exception {
        String text = Files.readString(ApplicationHostFixtures.path("clear-text-password-pool.config"));

        assertEquals(List.of("Winter2023!Legacy",
                "[enc:IISWASOnlyCngProvider:dmVuZG9yLXBvb2wtZW5jcnlwdGVkLXBhc3N3b3JkLWJsb2I=:enc]",
                "dmVuZG9yLXBvb2wtZW5jcnlwdGVkLXBhc3N3b3JkLWJsb2I=",
                "[enc:IISWASOnlyCngProvider::enc]"), secretsIn(text));
    }
}
