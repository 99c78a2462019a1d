package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputException;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;

class MembershipFileParserTest {

    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";

    private static Path fixture(String name) {
        try {
            return Path.of(MembershipFileParserTest.class.getResource("/fixtures/memberships/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    private static InputException failure(String fixtureName) {
        return assertThrows(InputException.class, () -> MembershipFileParser.parse(fixture(fixtureName), InputFiles.DEFAULT));
    }

    private static InputException failureOf(String json) {
        return assertThrows(InputException.class, () -> MembershipFileParser.parse(json, "m.json"));
    }

    @Test
    void poolAccountsWithTransitiveGroups() throws Exception {
        Path file = fixture("pool-accounts-contoso.json");
        Parsed<Memberships> parsed = MembershipFileParser.parse(file, InputFiles.DEFAULT);
        List<AccountMembership> accounts = parsed.value().accounts();

        assertEquals(List.of(), parsed.notes());
        assertEquals(2, accounts.size());
        AccountMembership reports = accounts.get(0);
        assertEquals("CONTOSO\\svc-reports", reports.account());
        assertEquals(Sid.parse(DOMAIN + "-1127"), reports.sid());
        assertEquals(List.of(
                new Principal(Sid.parse(DOMAIN + "-513"), "CONTOSO\\Domain Users"),
                new Principal(Sid.parse(DOMAIN + "-1108"), "CONTOSO\\IIS-BatchAccounts"),
                new Principal(Sid.parse("S-1-5-32-545"), "BUILTIN\\Users")), reports.groups());
        assertEquals(MembershipSource.FILE, reports.source());
        assertTrue(reports.complete());
        assertEquals(Provenance.at(SourceKind.MEMBERSHIPS, file.toString(), 6), reports.provenance());
        assertEquals(16, accounts.get(1).provenance().line());
        assertEquals(Sid.parse(DOMAIN + "-1128"),
                parsed.value().find("contoso\\SVC-JOBS", null).orElseThrow().sid());
    }

    @Test
    void optionalSidsAndNamesMayBeAbsentOrNull() throws Exception {
        List<AccountMembership> accounts = MembershipFileParser.parse(fixture("missing-optional-fields.json"), InputFiles.DEFAULT)
                .value().accounts();

        assertEquals(3, accounts.size());
        assertEquals("SRV-WEB01\\batchuser", accounts.get(0).account());
        assertNull(accounts.get(0).sid());
        assertEquals(List.of(Principal.ofName("SRV-WEB01\\Batch Operators"), Principal.ofSid(Sid.parse("S-1-5-32-545"))),
                accounts.get(0).groups());
        assertNull(accounts.get(1).account());
        assertEquals(Sid.parse(DOMAIN + "-1131"), accounts.get(1).sid());
        assertEquals(List.of(), accounts.get(1).groups());
        assertNull(accounts.get(2).sid());
        assertEquals(List.of(Principal.ofSid(Sid.parse(DOMAIN + "-513"))), accounts.get(2).groups());
        assertEquals(List.of(2, 4, 5), accounts.stream().map(a -> a.provenance().line()).toList());
    }

    @Test
    void badGroupSidNamesItsPath() {
        InputException e = failure("bad-group-sid.json");
        assertEquals("malformed SID 'S-1-5-21-1004336348-1177238915-682003330-51x'", e.getMessage());
        assertTrue(e.position().startsWith("accounts[1].groups[0].sid (line 4, column "), e.position());
        assertTrue(e.file().endsWith("bad-group-sid.json"), e.file());
    }

    @Test
    void groupsThatAreNotAnArrayAreRejected() {
        InputException e = failure("groups-not-an-array.json");
        assertEquals("expected an array, found an object", e.getMessage());
        assertTrue(e.position().startsWith("accounts[0].groups (line 3, column "), e.position());
    }

    @Test
    void duplicateAccountNamesDifferingInCaseAreRejected() {
        InputException e = failure("duplicate-account-different-case.json");
        assertEquals("duplicate account 'contoso\\SVC-REPORTS' (already listed as accounts[0])", e.getMessage());
        assertTrue(e.position().startsWith("accounts[1] (line 3, column "), e.position());
    }

    @Test
    void duplicateAccountSidsAreRejected() {
        InputException e = failure("duplicate-account-same-sid.json");
        assertEquals("duplicate account 'svc-reports@contoso.com' (already listed as accounts[0])", e.getMessage());
    }

    @Test
    void utf16WithBomFromWindowsPowerShell() throws Exception {
        List<AccountMembership> accounts = MembershipFileParser.parse(fixture("windows-powershell-utf16le-bom.json"),
                InputFiles.DEFAULT).value().accounts();

        assertEquals(1, accounts.size());
        assertEquals(Sid.parse(DOMAIN + "-1127"), accounts.get(0).sid());
        assertEquals(List.of(Sid.parse(DOMAIN + "-513"), Sid.parse("S-1-5-32-545")),
                accounts.get(0).groups().stream().map(Principal::sid).toList());
        assertEquals(3, accounts.get(0).provenance().line());
    }

    @Test
    void emptyAccountListIsValidButNoted() throws Exception {
        Parsed<Memberships> parsed = MembershipFileParser.parse("\uFEFF{\"accounts\": []}", "m.json");
        assertEquals(List.of(), parsed.value().accounts());
        assertEquals("no-accounts", parsed.notes().get(0).code());
    }

    @Test
    void shapeErrorsNameTheirPath() {
        assertEquals("empty file", failureOf(" \r\n").getMessage());
        assertEquals("expected a JSON object with an \"accounts\" array, found an array", failureOf("[]").getMessage());
        assertEquals("missing \"accounts\" array", failureOf("{\"principals\": []}").getMessage());

        InputException noId = failureOf("{\"accounts\": [{\"groups\": []}]}");
        assertEquals("an account needs \"account\" or \"sid\"", noId.getMessage());
        assertTrue(noId.position().startsWith("accounts[0] (line 1, column "), noId.position());

        InputException noGroups = failureOf("{\"accounts\": [{\"account\": \"WEB01\\\\svc\"}]}");
        assertTrue(noGroups.getMessage().startsWith("missing \"groups\" array"), noGroups.getMessage());

        InputException emptyGroup = failureOf("{\"accounts\": [{\"account\": \"a\", \"groups\": [{}, {\"name\": \"\"}]}]}");
        assertEquals("a group needs \"sid\" or \"name\"", emptyGroup.getMessage());
        assertTrue(emptyGroup.position().startsWith("accounts[0].groups[0] "), emptyGroup.position());

        InputException numberSid = failureOf("{\"accounts\": [\n{\"account\": \"a\", \"sid\": 544, \"groups\": []}]}");
        assertEquals("expected a SID string, found a number", numberSid.getMessage());
        assertTrue(numberSid.position().startsWith("accounts[0].sid (line 2, column "), numberSid.position());

        InputException notObject = failureOf("{\"accounts\": [{\"account\": \"a\", \"groups\": []}, \"b\"]}");
        assertEquals("expected an object, found a string", notObject.getMessage());
        assertTrue(notObject.position().startsWith("accounts[1] "), notObject.position());
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkipped() throws Exception {
        Memberships m = MembershipFileParser.parse("{\"v\": 2, \"accounts\": [{\"account\": \"a\", \"extra\": {\"x\": [1, {}]},"
                + " \"groups\": [{\"sid\": \"S-1-5-32-545\", \"attributes\": [\"Mandatory\"]}]}], \"more\": null}", "m.json").value();
        assertEquals(List.of(Principal.ofSid(Sid.parse("S-1-5-32-545"))), m.accounts().get(0).groups());
    }

    @Test
    void malformedJsonGivesJacksonsLineAndColumn() {
        InputException e = failureOf("{\"accounts\": [\n  {\"account\": \"a\", \"groups\": [],}\n]}");
        assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
        assertTrue(e.position().contains("(line 2, column "), e.position());

        InputException duplicateField = failureOf("{\"accounts\": [{\"sid\": \"S-1-5-20\", \"sid\": \"S-1-5-19\", \"groups\": []}]}");
        assertTrue(duplicateField.getMessage().contains("Duplicate field 'sid'"), duplicateField.getMessage());

        InputException truncated = failureOf("{\"accounts\": [\n  {\"account\": \"a\", \"groups\": [");
        assertTrue(truncated.getMessage().startsWith("malformed JSON: "), truncated.getMessage());
        assertTrue(truncated.position().startsWith("accounts[0].groups"), truncated.position());

        InputException trailing = failureOf("{\"accounts\": []} {\"accounts\": []}");
        assertEquals("unexpected content after the top-level object", trailing.getMessage());
    }

    @Test
    void nestingAndStringLengthAreBounded() {
        String deep = "{\"accounts\": [], \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";
        InputException tooDeep = failureOf(deep);
        assertTrue(tooDeep.getMessage().startsWith("malformed JSON: "), tooDeep.getMessage());
        assertTrue(tooDeep.getMessage().contains("64"), tooDeep.getMessage());

        String longName = "{\"accounts\": [{\"account\": \"" + "a".repeat(MembershipFileParser.MAX_STRING_LENGTH + 1)
                + "\", \"groups\": []}]}";
        InputException tooLong = failureOf(longName);
        assertTrue(tooLong.getMessage().contains("String value length"), tooLong.getMessage());
        assertTrue(tooLong.position().startsWith("accounts[0].account"), tooLong.position());
    }
}
