package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;

/** Files that are not a usable applicationHost.config fail with one clear InputException. */
class ApplicationHostRejectionTest {

    private static InputException reject(String fixture) {
        return assertThrows(InputException.class, () -> ApplicationHostFixtures.parse(fixture));
    }

    @Test
    void wrongRootIsNamed() {
        InputException e = reject("wrong-root-bare-site-element.config");

        assertEquals("line 1", e.position());
        assertEquals("not an applicationHost.config: root element is <site>, expected <configuration>", e.getMessage());
        assertTrue(e.file().endsWith("wrong-root-bare-site-element.config"));
    }

    @Test
    void htmlPageIsRecognised() {
        InputException e = reject("html-page-saved-as-config.config");

        assertTrue(e.getMessage().startsWith("not an applicationHost.config"), e.getMessage());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
        assertTrue(e.position().startsWith("line 2"), e.position());
    }

    @Test
    void doctypeWithExternalEntityIsRefused() {
        InputException e = reject("external-entity-doctype.config");

        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(e.position().startsWith("line 2"), e.position());
    }

    @Test
    void poolWithoutNameNamesItsLine() {
        InputException e = reject("pool-without-name.config");

        assertEquals("line 45", e.position());
        assertEquals("application pool <add> without a name", e.getMessage());
    }

    @Test
    void poolWithBlankNameNamesItsLine() {
        InputException e = reject("pool-with-empty-name.config");

        assertEquals("line 45", e.position());
        assertEquals("application pool <add> with an empty name", e.getMessage());
    }

    @Test
    void duplicatePoolNamesDifferingInCaseNameBothLines() {
        InputException e = reject("duplicate-pool-names.config");

        assertEquals("line 48", e.position());
        assertTrue(e.getMessage().contains("line 45"), e.getMessage());
        assertTrue(e.getMessage().contains("line 48"), e.getMessage());
        assertTrue(e.getMessage().contains("'reports'"), e.getMessage());
    }

    @Test
    void invalidIdentityTypeNamesLinePoolAndAttribute() {
        InputException e = reject("invalid-identity-type.config");

        assertEquals("line 46", e.position());
        assertTrue(e.getMessage().contains("'Payroll'"), e.getMessage());
        assertTrue(e.getMessage().contains("identityType"), e.getMessage());
        assertTrue(e.getMessage().contains("'DomainUser'"), e.getMessage());
    }

    @Test
    void invalidValueInDefaultsNamesTheDefaultsLine() {
        InputException e = reject("invalid-logon-type-in-defaults.config");

        assertEquals("line 48", e.position(), "the applicationPoolDefaults/processModel line");
        assertTrue(e.getMessage().contains("'DefaultAppPool'"), e.getMessage());
        assertTrue(e.getMessage().contains("logonType"), e.getMessage());
        assertTrue(e.getMessage().contains("inherited from applicationPoolDefaults"), e.getMessage());
    }

    @Test
    void invalidBooleanIsRejected() {
        InputException e = reject("invalid-boolean-autostart.config");

        assertEquals("line 44", e.position());
        assertTrue(e.getMessage().contains("autoStart"), e.getMessage());
        assertTrue(e.getMessage().contains("'yes'"), e.getMessage());
    }

    @Test
    void emptyInputIsMalformed() {
        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse("", "empty.config"));

        assertEquals("empty.config", e.file());
        assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    }

    @Test
    void hugeInvalidValueIsCutInTheMessage() {
        String text = "<configuration><system.applicationHost><applicationPools><add name=\"A\">"
                + "<processModel identityType=\"" + "X".repeat(5000) + "\" /></add></applicationPools>"
                + "</system.applicationHost></configuration>";

        InputException e = assertThrows(InputException.class, () -> ApplicationHostParser.parse(text, "huge.config"));

        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }
}
