package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.logonrights.app.Pseudonyms.Kind;
import org.logonrights.model.Sid;
import org.logonrights.model.VirtualAccounts;

/** The pseudonym table and its free-text matcher. */
class PseudonymsTest {

    private final Pseudonyms names = new Pseudonyms();

    @Test
    void oneValueHasOnePseudonymWhateverItIsSeenAsAndHoweverItIsCased() {
        assertEquals("pool-1", names.pool("Payroll"));
        assertEquals("pool-1", names.of("PAYROLL ", Kind.SITE));
        assertEquals("site-1", names.of("Intranet", Kind.SITE));
        assertEquals("account-1", names.of("svc-web", Kind.ACCOUNT));
    }

    @Test
    void machinesAndDomainsAreNumberedInOneSeries() {
        assertEquals("HOST-1", names.of("WEB01", Kind.HOST));
        assertEquals("DOMAIN-2", names.of("CONTOSO", Kind.DOMAIN));
        assertEquals("HOST-3", names.of("fileserver", Kind.HOST));
    }

    @Test
    void aNonAsciiValueGetsANonAsciiPseudonym() {
        assertEquals("pool-1" + Pseudonyms.NON_ASCII_MARK, names.pool("Bücher"));
        assertEquals("pool-2", names.pool("Books"));
    }

    @Test
    void freeTextReplacesWholeWordsOnly() {
        names.pool("Shop");
        names.complete();
        assertEquals("pool-1 and Shopping, pool-1. Webshop (pool-1)", names.text("Shop and Shopping, shop. Webshop (SHOP)"));
    }

    @Test
    void theLongestLearnedValueWins() {
        names.of("Default", Kind.SITE);
        names.of("Default Web Site", Kind.SITE);
        names.complete();
        assertEquals("site-2/app and site-1", names.text("Default Web Site/app and Default"));
    }

    /** "ab" as a word is too likely to be an ordinary one; after a separator it is a name. */
    @Test
    void aShortValueIsReplacedOnlyAfterASeparator() {
        names.of("ab", Kind.ACCOUNT);
        names.complete();
        assertEquals("CORP\\account-1 has ab in /account-1", names.text("CORP\\ab has ab in /ab"));
    }

    @Test
    void poolAndDomainSidsInTextMatchThePseudonyms() {
        names.pool("Shop");
        names.complete();
        String text = names.text("SIDs " + VirtualAccounts.appPoolSid("Shop") + " and S-1-5-21-11-22-33-1105, S-1-5-32-544");
        assertEquals("SIDs " + VirtualAccounts.appPoolSid("pool-1") + " and S-1-5-21-1000000001-2000000001-3000000001-1105, "
                + "S-1-5-32-544", text);
        assertEquals(Sid.parse("S-1-5-21-1000000001-2000000001-3000000001-500"), names.sid(Sid.parse("S-1-5-21-11-22-33-500")));
    }

    /** Values the parsers quote inside XML paths are learned from them, even when no field holds them. */
    @Test
    void xmlPathValuesAreLearnedBeforeAndReplacedAfterCompletion() {
        String element = "sites/site[@name='Intranet']/application[@path='/hr']/virtualDirectory[@path='/v1']";
        names.text(element);
        assertEquals("site-1", names.of("Intranet", Kind.SITE));
        assertEquals("dir-2", names.of("v1", Kind.DIR));
        names.complete();
        assertEquals("sites/site[@name='site-1']/application[@path='/dir-1']/virtualDirectory[@path='/dir-2']",
                names.text(element));
        assertEquals("virtual directory site-1/dir-1/dir-2", names.text("virtual directory Intranet/hr/v1"));
    }

    @Test
    void filePathsKeepStandardFoldersAndReplaceTheRest() {
        names.of("WEB01", Kind.HOST);
        names.fix("\\\\WEB01", "\\\\HOST");
        names.complete();
        assertEquals("\\\\HOST-1\\C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config.",
                names.text("\\\\web01\\C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config."));
        assertEquals("read from D:\\dir-1\\dir-2\\redirection.config: ok",
                names.text("read from D:\\IISConfig\\Contoso\\redirection.config: ok"));
        assertEquals("\\\\HOST does not know SeDenyServiceLogonRight", names.text("\\\\WEB01 does not know SeDenyServiceLogonRight"));
        assertEquals("C:\\Windows\\System32\\inetsrv\\config", names.text("C:\\Windows\\System32\\inetsrv\\config"));
    }
}
