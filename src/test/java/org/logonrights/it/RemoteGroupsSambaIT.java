package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.app.RemoteRequest;
import org.logonrights.app.RemoteSnapshotReader;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.DirectoryGroups;
import org.logonrights.platform.remote.LdapDirectory;
import org.logonrights.platform.remote.RemoteAccount;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteTarget;
import org.logonrights.sources.InputFiles;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;

/**
 * Issue 13 against a real Samba AD DC (see {@link SambaDc}): the token groups of domain pool
 * accounts, read over LDAP with Kerberos and SAMR, decide every pool of the group-membership world
 * (groups\applicationHost.config) and of the five-pool world; the groups equal what independent
 * clients read (Samba's own python bindings on sam.ldb, impacket's SAMR); and every directory
 * fault is a note with an UNKNOWN verdict, never a crash or a hang.
 */
class RemoteGroupsSambaIT {

    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCOUNTS = List.of("u_nested", "u_denied", "u_backup", "u_prim", "u_none", "svc_web",
            "svc_batch");
    private static SambaDc dc;

    @BeforeAll
    static void startSamba() throws Exception {
        SambaDc.assumeAvailable();
        dc = SambaDc.start();
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (dc != null) {
            dc.close();
        }
    }

    private static CliResult jar(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--remote", HOST, "--user", SambaDc.ADMIN, "--password-env", "PW"));
        return JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), all.toArray(String[]::new));
    }

    @Test
    void groupsWorldIsDecidedAsWindowsWould() throws Exception {
        CliResult r = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH);
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("BackupPool", "WILL_START");   // BUILTIN\Backup Operators holds the right
        expected.put("DeniedPool", "WILL_FAIL");    // dl_nobatch (holding g_ops) is denied it
        expected.put("NestedPool", "WILL_START");   // g_web in g_batch, which holds it
        expected.put("NothingPool", "WILL_FAIL");   // no route at all
        expected.put("PrimaryPool", "WILL_START");  // primary group g_prim holds it
        expected.put("VirtualPool", "WILL_START");  // ApplicationPoolIdentity
        assertEquals(expected, verdicts(r.stdout()));
    }

    @Test
    void fivePoolWorldIsDecidedWithNoUnknown() throws Exception {
        CliResult r = jar("audit", "--format", "json");
        assertEquals(1, r.exitCode(), r.stderr());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("BatchPool", "WILL_START");     // direct grant
        expected.put("DefaultAppPool", "WILL_START");
        expected.put("Intranet", "WILL_START");
        expected.put("ServicePool", "WILL_FAIL");    // deny of the service right through BUILTIN\Guests
        expected.put("WebPool", "WILL_FAIL");        // direct deny, and no grant
        assertEquals(expected, verdicts(r.stdout()));
    }

    /** Our groups = tokenGroups (Samba's own, from sam.ldb) without the DC's BUILTIN, plus the target's aliases (impacket SAMR). */
    @Test
    void groupsEqualTokenGroupsPlusAliasMembershipsOfIndependentClients() throws Exception {
        JsonNode theirs = independent();
        Snapshot s = RemoteSnapshotReader.read(HOST, SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD.toCharArray(),
                SambaDc.GROUPS_CONFIG_PATH, InputFiles.DEFAULT_MAX_BYTES, RemoteRequest.Directory.DEFAULT);
        assertEquals(5, s.memberships().accounts().size(), s.memberships().toString());
        for (AccountMembership m : s.memberships().accounts()) {
            String user = m.account().substring(m.account().indexOf('\\') + 1);
            JsonNode t = theirs.get(user);
            assertEquals(Sid.parse(t.get("sid").asText()), m.sid(), user);
            assertEquals(sids(t.get("token")), new TreeSet<>(m.groups().stream().map(Principal::sid).toList()), user);
            assertEquals(MembershipSource.REMOTE_TOKEN_GROUPS, m.source());
            assertTrue(m.complete());
        }
        try (LdapDirectory d = LdapDirectory.open(HOST, RemoteAccount.parse(SambaDc.ADMIN),
                SambaDc.ADMIN_PASSWORD.toCharArray(), Duration.ofSeconds(10))) {
            assertEquals(SambaDc.DC_NAME, d.hostName());
            assertEquals("PROBE.TEST", d.realm());
            for (String account : ACCOUNTS) {
                DirectoryGroups g = d.groupsOf(account);
                assertEquals(sids(theirs.get(account).get("tokenGroups")),
                        new TreeSet<>(g.groups().stream().map(DirectoryGroups.Group::sid).toList()), account);
            }
            // The primary group is reached through primaryGroupID, never through g_prim's member attribute.
            DirectoryGroups prim = d.groupsOf("u_prim");
            DirectoryGroups.Group gPrim = prim.groups().stream().filter(x -> x.sid().equals(dc.sids.get("g_prim")))
                    .findFirst().orElseThrow();
            assertEquals(DirectoryGroups.Link.PRIMARY_GROUP, gPrim.link());
            assertEquals(prim.account(), gPrim.via());
            DirectoryException missing = org.junit.jupiter.api.Assertions.assertThrows(DirectoryException.class,
                    () -> d.groupsOf("no_such_user"));
            assertEquals(DirectoryException.Reason.NOT_FOUND, missing.reason());
        }
    }

    /**
     * The local-account path's SAMR calls against a real server: on a DC the Account domain is the
     * domain, so SamrLookupNamesInDomain and SamrGetGroupsForUser find domain users; for accounts with
     * no nested global group the flat result equals tokenGroups.
     */
    @Test
    void samrLocalAccountCallsAgreeWithTokenGroupsWhereNoGlobalGroupIsNested() throws Exception {
        JsonNode theirs = independent();
        try (RemoteLsa lsa = RemoteLsa.open(RemoteTarget.parse(HOST), RemoteAccount.parse(SambaDc.ADMIN),
                SambaDc.ADMIN_PASSWORD.toCharArray())) {
            assertEquals(null, lsa.localAccount("no_such_user"));
            for (String account : List.of("u_prim", "u_none", "u_backup")) {
                RemoteLsa.LocalAccount local = lsa.localAccount(account);
                assertEquals(Sid.parse(theirs.get(account).get("sid").asText()), local.sid(), account);
                TreeSet<Sid> token = new TreeSet<>(local.groups());
                token.add(local.sid());
                for (int round = 0; round < 3; round++) {
                    token.addAll(lsa.aliasMembership(token).keySet());
                }
                token.remove(local.sid());
                assertEquals(sids(theirs.get(account).get("token")), token, account);
            }
            assertEquals("probe.test", lsa.dnsDomainName());
        }
    }

    @Test
    void explainNamesTheChainOfGroupsAndWhereEachLinkWasRead() throws Exception {
        CliResult r = jar("explain", "NestedPool", "--config-path", SambaDc.GROUPS_CONFIG_PATH);
        assertEquals(0, r.exitCode(), r.stderr());
        String text = r.stdout().replaceAll("\\s+", " ");
        assertTrue(text.contains("Group membership of PROBE\\u_nested: 4 group(s) from remote token groups (tokenGroups on "
                + SambaDc.DC_NAME + " and SamrGetAliasMembership on \\\\127.0.0.1)."), text);
        assertTrue(text.contains("PROBE\\u_nested is a member of PROBE\\g_web (" + dc.sids.get("g_web")
                + ") (memberOf on " + SambaDc.DC_NAME + "), which is a member of PROBE\\g_batch (" + dc.sids.get("g_batch")
                + ") (memberOf on " + SambaDc.DC_NAME + ")"), text);
    }

    @Test
    void collectThenAuditOfTheSnapshotGivesTheSameVerdictsAndNeverThePassword() throws Exception {
        Path snapshot = dc.dir.resolve("groups-snapshot.json");
        Files.deleteIfExists(snapshot);
        CliResult collected = JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), "--debug", "collect",
                "--remote", HOST, "--user", SambaDc.ADMIN, "--password-env", "PW", "--config-path",
                SambaDc.GROUPS_CONFIG_PATH, "--output", snapshot.toString());
        assertEquals(0, collected.exitCode(), collected.stderr());
        CliResult offline = JarRunner.run("audit", "--snapshot", snapshot.toString(), "--format", "json");
        CliResult remote = jar("--debug", "audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH);
        assertEquals(remote.exitCode(), offline.exitCode(), offline.stderr());
        assertEquals(verdicts(remote.stdout()), verdicts(offline.stdout()));
        CliResult explained = JarRunner.run("explain", "NestedPool", "--snapshot", snapshot.toString());
        assertTrue(explained.stdout().replaceAll("\\s+", " ").contains("PROBE\\u_nested is a member of PROBE\\g_web"),
                "the routes travel in the snapshot: " + explained.stdout());
        String document = Files.readString(snapshot);
        assertTrue(document.contains("REMOTE_TOKEN_GROUPS") && document.contains("tokenGroups on " + SambaDc.DC_NAME),
                document);
        for (String output : List.of(collected.stdout(), collected.stderr(), remote.stdout(), remote.stderr(), document)) {
            assertFalse(output.contains(SambaDc.ADMIN_PASSWORD), "the password was printed");
        }
    }

    @Test
    void unreachableDcIsANoteAndUnknownNotAnExitThree() throws Exception {
        long start = System.nanoTime();
        CliResult r = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH, "--dc", "127.0.0.9");
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "bounded in time");
        assertEquals(4, r.exitCode(), r.stderr());
        Map<String, String> v = verdicts(r.stdout());
        assertEquals("UNKNOWN", v.get("NestedPool"), v.toString());
        assertEquals("WILL_START", v.get("VirtualPool"), v.toString());
        List<String> notes = notes(r.stdout(), "remote-groups-unresolved");
        assertEquals(5, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("PROBE\\u_nested") && notes.get(0).contains("cannot connect to 127.0.0.9 port 389"),
                notes.toString());
    }

    @Test
    void aMembershipFileSuppliesWhatTheUnreachableDcCouldNotAndTheReportSaysSo() throws Exception {
        Path file = dc.dir.resolve("nested-memberships.json");
        Files.writeString(file, "{\"accounts\": [{\"account\": \"PROBE\\\\u_nested\", \"groups\": [{\"sid\": \""
                + dc.sids.get("g_batch") + "\"}]}]}");
        CliResult r = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH, "--dc", "127.0.0.9",
                "--memberships", file.toString());
        assertEquals("WILL_START", verdicts(r.stdout()).get("NestedPool"), r.stdout());
        assertEquals("UNKNOWN", verdicts(r.stdout()).get("BackupPool"), r.stdout());
        List<String> fromFile = notes(r.stdout(), "memberships-from-file");
        assertEquals(1, fromFile.size(), r.stdout());
        assertTrue(fromFile.get(0).contains("PROBE\\u_nested") && fromFile.get(0).contains("did not resolve them"),
                fromFile.get(0));
    }

    /** Samba creates its self-signed TLS certificate when its LDAP server first starts; wait for it. */
    private static Path sambaCa() throws Exception {
        Path ca = dc.dcDir().resolve("private/tls/ca.pem");
        for (int i = 0; i < 150 && !Files.exists(ca); i++) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(ca), "Samba wrote no TLS CA certificate at " + ca);
        return ca;
    }

    @Test
    void ldapsWithTheDcsCaReadsTheSameGroupsAndAnUntrustedCertificateIsANoteSayingHowToTrustIt() throws Exception {
        Path ca = sambaCa();
        CliResult trusted = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH,
                "--dc-auth", "ldaps", "--dc-ca", ca.toString());
        assertEquals(1, trusted.exitCode(), trusted.stderr());
        CliResult kerberos = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH);
        assertEquals(verdicts(kerberos.stdout()), verdicts(trusted.stdout()));
        assertEquals(List.of(), notes(trusted.stdout(), "remote-groups-unresolved"));

        CliResult untrusted = jar("audit", "--format", "json", "--config-path", SambaDc.GROUPS_CONFIG_PATH,
                "--dc-auth", "ldaps");
        assertEquals(4, untrusted.exitCode(), untrusted.stderr());
        assertEquals("UNKNOWN", verdicts(untrusted.stdout()).get("NestedPool"));
        List<String> notes = notes(untrusted.stdout(), "remote-groups-unresolved");
        assertEquals(5, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("the TLS certificate of 127.0.0.1 port 636 is not trusted")
                && notes.get(0).contains("--dc-ca FILE"), notes.get(0));
        assertFalse(notes.get(0).contains("sun.security"), "no Java class names in a message: " + notes.get(0));
    }

    @Test
    void refusedKerberosLogonIsADirectoryErrorNamingTheRealmNotThePassword() {
        DirectoryException e = org.junit.jupiter.api.Assertions.assertThrows(DirectoryException.class,
                () -> LdapDirectory.open(HOST, RemoteAccount.parse("PROBE\\Administrator"), "Wrong#Secret77".toCharArray(),
                        Duration.ofSeconds(10)));
        assertEquals(DirectoryException.Reason.AUTHENTICATION_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("realm PROBE.TEST"), e.getMessage());
        assertFalse(e.getMessage().contains("Wrong#Secret77"));
    }

    @Test
    void anAccountNotInTheDirectoryIsANoteAndUnknown() throws Exception {
        Path config = dc.dcDir().resolve("cdrive/groups/missing.config");
        Files.writeString(config, Files.readString(dc.dcDir().resolve("cdrive/groups/applicationHost.config"))
                .replace("PROBE\\u_none", "PROBE\\no_such_user"));
        CliResult r = jar("audit", "--format", "json", "--config-path", "C$\\groups\\missing.config");
        assertEquals("UNKNOWN", verdicts(r.stdout()).get("NothingPool"), r.stdout());
        List<String> notes = notes(r.stdout(), "remote-groups-unresolved");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("no account 'no_such_user' in the directory of PROBE.TEST"), notes.get(0));
        assertEquals(1, r.exitCode(), "DeniedPool still fails: " + r.stderr());
    }

    // --- helpers --------------------------------------------------------------------------------

    private static JsonNode independent() throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", dc.scripts.resolve("independent_groups.py").toString(),
                dc.dcDir().resolve("private/sam.ldb").toString(), HOST, "PROBE", "Administrator"));
        command.addAll(ACCOUNTS);
        String out = SambaDc.runWithEnv(dc.dir.resolve("independent.out"), 60, Map.of("LR_PASSWORD", SambaDc.ADMIN_PASSWORD),
                command.toArray(String[]::new));
        return JSON.readTree(out.substring(out.indexOf('{')));
    }

    private static TreeSet<Sid> sids(JsonNode array) {
        TreeSet<Sid> out = new TreeSet<>();
        array.forEach(n -> out.add(Sid.parse(n.asText())));
        return out;
    }

    private static Map<String, String> verdicts(String json) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode pool : JSON.readTree(json).get("pools")) {
            out.put(pool.get("name").asText(), pool.get("verdict").asText());
        }
        return new java.util.TreeMap<>(out);
    }

    private static List<String> notes(String json, String code) throws Exception {
        List<String> out = new ArrayList<>();
        JsonNode notes = JSON.readTree(json).get("notes");
        if (notes != null) {
            notes.forEach(n -> {
                if (code.equals(n.path("code").asText())) {
                    out.add(n.path("message").asText());
                }
            });
        }
        return out;
    }
}
