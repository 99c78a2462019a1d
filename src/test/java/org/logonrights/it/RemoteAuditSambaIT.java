package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.app.AuditService;
import org.logonrights.app.RemoteSnapshotReader;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.InputNote;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.platform.remote.RemoteAccount;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteNoSuchPrivilegeException;
import org.logonrights.platform.remote.RemoteTarget;
import org.logonrights.sources.InputFiles;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.GithubCodeScanning;
import org.logonrights.testing.JarRunner;

/**
 * The remote audit against a real Samba AD DC on 127.0.0.1 (see {@link SambaDc}): the snapshot,
 * an independent client's view of the same calls (python3-impacket), the built jar against an
 * offline audit of equivalent files, and each error path Samba can produce. The command-line runs
 * use the jar as a user runs it: a password comes from an environment variable, which only a new
 * process can be given, and "no console to prompt on" is the verdict of that process's own stdin.
 */
class RemoteAuditSambaIT {

    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SambaDc dc;
    private static Sid batch;
    private static Sid web;

    @BeforeAll
    static void startSamba() throws Exception {
        SambaDc.assumeAvailable();
        long start = System.nanoTime();
        dc = SambaDc.start();
        System.out.printf("Samba AD DC provisioned, started and seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        batch = dc.sids.get("svc_batch");
        web = dc.sids.get("svc_web");
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (dc != null) {
            dc.close();
        }
    }

    private static Snapshot snapshot() throws Exception {
        return RemoteSnapshotReader.read(HOST, SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD.toCharArray(), null,
                InputFiles.DEFAULT_MAX_BYTES);
    }

    private static List<Sid> holders(Snapshot s, UserRight right) {
        return s.rights().holders(right).stream().map(e -> e.principal().sid()).toList();
    }

    private static List<String> names(Snapshot s, UserRight right) {
        return s.rights().holders(right).stream().map(RightEntry::principal).map(p -> p.name()).toList();
    }

    @Test
    void snapshotHoldsTheSeededRightsWithNamesAndVerdicts() throws Exception {
        Snapshot s = snapshot();
        assertEquals(SourceKind.LSA, s.rights().source().kind());
        assertEquals("\\\\127.0.0.1", s.rights().source().file());
        assertEquals("\\\\127.0.0.1\\C$\\" + SambaDc.CONFIG_PATH, s.iis().source().file());
        assertEquals("PROBE", s.machine().domain());

        // svc_batch directly, and the group-membership world's grants (RemoteGroupsSambaIT).
        assertEquals(List.of("PROBE\\svc_batch", "PROBE\\g_batch", "PROBE\\g_prim", "BUILTIN\\Backup Operators"),
                names(s, UserRight.BATCH));
        assertEquals(batch, holders(s, UserRight.BATCH).get(0));
        assertEquals(List.of(web, dc.sids.get("dl_nobatch")), holders(s, UserRight.DENY_BATCH));
        assertEquals(List.of("NT AUTHORITY\\SERVICE", "PROBE\\svc_web"), names(s, UserRight.SERVICE));
        assertEquals(List.of("BUILTIN\\Guests"), names(s, UserRight.DENY_SERVICE));
        assertEquals(List.of("BUILTIN\\Guests"), names(s, UserRight.DENY_INTERACTIVE));
        assertEquals(List.of(batch, Sid.parse("S-1-5-32-544")), holders(s, UserRight.NETWORK), "opnum 35 answers this one");
        assertEquals(List.of("PROBE\\svc_batch", "BUILTIN\\Administrators"), names(s, UserRight.NETWORK));
        assertTrue(s.rights().assignment(UserRight.REMOTE_INTERACTIVE).isEmpty(), "revoked: STATUS_NO_MORE_ENTRIES");

        InputNote note = s.notes().stream().filter(n -> n.code().equals("remote-right-unknown-to-server")).findFirst().orElseThrow();
        assertTrue(note.message().contains("SeBatchLogonRight") && note.message().contains("0xC0000060"), note.message());
        assertFalse(note.message().contains("SeNetworkLogonRight"), "Samba knows the network right: " + note.message());

        Map<String, Verdict> verdicts = new TreeMap<>();
        for (PoolResult p : AuditService.audit(s, List.of()).result().pools()) {
            verdicts.put(p.name(), p.verdict());
        }
        Map<String, Verdict> expected = new TreeMap<>(Map.of(
                "BatchPool", Verdict.WILL_START,        // the direct grant
                "DefaultAppPool", Verdict.WILL_START,
                "Intranet", Verdict.WILL_START,
                "ServicePool", Verdict.WILL_FAIL,       // the deny through BUILTIN\\Guests, which svc_web is in
                "WebPool", Verdict.WILL_FAIL));         // denied the batch right directly, and no grant
        assertEquals(expected, verdicts);
    }

    @Test
    void impacketSeesWhatWeSee() throws Exception {
        Assumptions.assumeTrue(SambaDc.impacketAvailable() || System.getenv("CI") != null,
                "python3-impacket is not installed (apt-get install python3-impacket)");
        JsonNode theirs = impacket();
        try (RemoteLsa lsa = RemoteLsa.open(RemoteTarget.parse(HOST), RemoteAccount.parse(SambaDc.ADMIN),
                SambaDc.ADMIN_PASSWORD.toCharArray())) {
            // opnum 11: the same accounts
            List<Sid> accounts = lsa.enumerateAccounts();
            assertEquals(new TreeSet<>(sids(theirs.get("accounts"))), new TreeSet<>(accounts));
            assertEquals(13, accounts.size(), accounts.toString());
            // opnum 36: the same rights, in the same order, per account
            for (Sid sid : accounts) {
                assertEquals(strings(theirs.get("accountRights").get(sid.toString())), lsa.accountRights(sid), sid.toString());
            }
            // opnum 35: the same holders, or the same refusal
            for (UserRight right : UserRight.values()) {
                JsonNode r = theirs.get("withRight").get(right.constantName());
                long status = r.get("status").asLong();
                try {
                    List<Sid> ours = lsa.accountsWithRight(right);
                    assertTrue(status == 0 || status == 0x8000001AL, right + " status " + Long.toHexString(status));
                    assertEquals(sids(r.get("sids")), ours, right.toString());
                } catch (RemoteNoSuchPrivilegeException e) {
                    assertEquals(0xC0000060L, status, right.toString());
                }
            }
            // LookupSids: the same domain, name and SID_NAME_USE
            Map<Sid, ResolvedName> ours = lsa.lookupSids(accounts);
            theirs.get("names").fields().forEachRemaining(e -> {
                ResolvedName n = ours.get(Sid.parse(e.getKey()));
                assertEquals(e.getValue().get("domain").asText(), n.domain(), e.getKey());
                assertEquals(e.getValue().get("name").asText(), n.name(), e.getKey());
                assertEquals(e.getValue().get("use").asInt(), n.use().code(), e.getKey());
            });
            // The C$ read: the same bytes
            byte[] config = lsa.readFile("C$", SambaDc.CONFIG_PATH, 1 << 20);
            assertEquals(theirs.get("config").get("size").asInt(), config.length);
            assertEquals(theirs.get("config").get("sha256").asText(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config)));
        }
    }

    @Test
    void jarPrintsTheVerdictsOfAnOfflineAuditOfEquivalentFiles() throws Exception {
        CliResult remote = JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), "audit", "--remote", HOST,
                "--user", SambaDc.ADMIN, "--password-env", "PW", "--format", "json");
        assertEquals(1, remote.exitCode(), "WebPool will fail: " + remote.stderr());
        assertEquals("", remote.stderr());

        // The equivalent offline artifacts: a secedit export written from the independent client's
        // view (impacket, opnums 11 + 36) and the same applicationHost.config.
        Path offline = Files.createDirectories(dc.dir.resolve("offline"));
        Path secedit = offline.resolve("secedit.inf");
        Files.write(secedit, seceditExport(SambaDc.impacketAvailable() ? impacketRights() : null));
        Path config = dc.scripts.resolve("applicationHost.config");
        // The groups of the two custom accounts as the independent clients read them (RemoteGroupsSambaIT
        // checks that ours are equal), written as a --memberships file.
        Path memberships = offline.resolve("memberships.json");
        Files.writeString(memberships, membershipFile(), StandardCharsets.UTF_8);
        CliResult local = JarRunner.run("audit", "--secedit", secedit.toString(), "--applicationhost", config.toString(),
                "--memberships", memberships.toString(), "--format", "json");
        assertEquals(remote.exitCode(), local.exitCode(), local.stderr());

        Map<String, List<String>> remoteVerdicts = verdicts(remote.stdout());
        assertEquals(verdicts(local.stdout()), remoteVerdicts);
        assertEquals(List.of("WILL_FAIL", "DOCUMENTED", "SeBatchLogonRight"), remoteVerdicts.get("WebPool"));
        assertTrue(JSON.readTree(remote.stdout()).toString().contains("remote-right-unknown-to-server"));
    }

    /** GitHub code scanning refuses a whole upload when one result lacks an artifact location. */
    @Test
    void sarifOfTheRemoteAuditMeetsGithubsRequirementsWithStableFingerprints() throws Exception {
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CliResult r = JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), "audit", "--remote", HOST,
                    "--user", SambaDc.ADMIN, "--password-env", "PW", "--format", "sarif");
            assertEquals(1, r.exitCode(), "WebPool will fail: " + r.stderr());
            runs.add(JSON.readTree(r.stdout()));
        }
        assertEquals(List.of(), GithubCodeScanning.violations(runs.get(0)));
        List<String> uris = new ArrayList<>();
        runs.get(0).at("/runs/0/results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.stream().anyMatch(u -> u.startsWith("lsa://127.0.0.1/Se")), "LSA evidence names host and right: " + uris);
        assertEquals(runs.get(0).at("/runs/0/results").findValues("partialFingerprints"),
                runs.get(1).at("/runs/0/results").findValues("partialFingerprints"));
    }

    @Test
    void badPasswordIsOneLineExitThreeAndNeverPrinted() throws Exception {
        String wrong = "Wrong#Secret77";
        for (String[] prefix : new String[][] {{}, {"--debug"}}) {
            List<String> args = new ArrayList<>(List.of(prefix));
            args.addAll(List.of("audit", "--remote", HOST, "--user", SambaDc.ADMIN, "--password-env", "PW"));
            CliResult r = JarRunner.runWithEnv(Map.of("PW", wrong), args.toArray(String[]::new));
            assertEquals(3, r.exitCode(), r.stderr());
            assertFalse(r.stdout().contains(wrong) || r.stderr().contains(wrong), "the password was printed");
            assertTrue(r.stderrLines().get(0).contains("STATUS_LOGON_FAILURE"), r.stderr());
            if (prefix.length == 0) {
                assertEquals(List.of("logonrights: logon to 127.0.0.1 as PROBE\\Administrator failed: "
                        + "0xC000006D STATUS_LOGON_FAILURE (wrong user name or password)"), r.stderrLines());
            }
        }
    }

    @Test
    void shareAccessDeniedForANonAdministrator() throws Exception {
        Path pw = dc.dir.resolve("reader.pw");
        Files.writeString(pw, SambaDc.USER_PASSWORD + "\n", StandardCharsets.UTF_8);
        CliResult r = JarRunner.run("audit", "--remote", HOST, "--user", "PROBE\\probe_reader", "--password-file", pw.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of("logonrights: access denied while connecting to share \\\\127.0.0.1\\C$ as PROBE\\probe_reader "
                + "(0xC0000022 STATUS_ACCESS_DENIED): the account must be an administrator of 127.0.0.1"), r.stderrLines());
        assertEquals("", r.stdout());
    }

    @Test
    void missingConfigurationAndClosedPortAreEnvironmentErrors() throws Exception {
        CliResult missing = JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), "explain", "WebPool",
                "--remote", HOST, "--user", SambaDc.ADMIN, "--password-env", "PW", "--config-path", "C$\\no\\applicationHost.config");
        assertEquals(3, missing.exitCode(), missing.stderr());
        assertEquals(1, missing.stderrLines().size(), missing.stderr());
        assertTrue(missing.stderr().contains("no such file"), missing.stderr());

        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliResult refused = JarRunner.runWithEnv(Map.of("PW", "x"), "audit", "--remote", HOST + ":" + closed,
                "--user", SambaDc.ADMIN, "--password-env", "PW");
        assertEquals(3, refused.exitCode(), refused.stderr());
        assertEquals(List.of("logonrights: cannot connect to 127.0.0.1 port " + closed + ": connection refused (is the host up, "
                + "SMB running and TCP " + closed + " open in its firewall?)"), refused.stderrLines());
    }

    @Test
    void noPasswordSourceAndNoConsoleIsExitTwo() throws Exception {
        CliResult r = JarRunner.run("audit", "--remote", HOST, "--user", SambaDc.ADMIN);
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(List.of("logonrights: no password: there is no console to prompt on; use --password-env VAR or "
                + "--password-file FILE"), r.stderrLines());
    }

    // --- helpers --------------------------------------------------------------------------------

    private static JsonNode impacket() throws Exception {
        String out = SambaDc.runWithEnv(dc.dir.resolve("impacket.out"), 60, Map.of("LR_PASSWORD", SambaDc.ADMIN_PASSWORD),
                "/usr/bin/python3", dc.scripts.resolve("impacket_lsa.py").toString(), HOST, "PROBE", "Administrator", "C$",
                SambaDc.CONFIG_PATH);
        return JSON.readTree(out.substring(out.indexOf('{')));
    }

    /**
     * Logon right -> holders as a security template writes them, from impacket's opnum 11 + 36 and
     * LookupSids answers. A user account is written by name: offline, only a name (or --memberships)
     * links a custom pool identity to its SID, as LookupSids does for the remote reader. Groups,
     * aliases and well-known SIDs are written as *SID, as secedit does.
     */
    private static Map<UserRight, List<String>> impacketRights() throws Exception {
        JsonNode theirs = impacket();
        Map<UserRight, List<String>> rights = new EnumMap<>(UserRight.class);
        theirs.get("accountRights").fields().forEachRemaining(e -> e.getValue().forEach(name ->
                UserRight.fromConstantName(name.asText()).ifPresent(r -> rights.computeIfAbsent(r, k -> new ArrayList<>())
                        .add(templateEntry(e.getKey(), theirs.get("names").get(e.getKey()))))));
        return rights;
    }

    private static String templateEntry(String sid, JsonNode name) {
        boolean user = name != null && name.get("use").asInt() == 1;
        return user ? name.get("domain").asText() + "\\" + name.get("name").asText() : "*" + sid;
    }

    /** A secedit export (UTF-16LE with BOM, as secedit writes it) of the rights; the seeded table when impacket is absent. */
    private static byte[] seceditExport(Map<UserRight, List<String>> rights) {
        if (rights == null) {
            rights = new EnumMap<>(UserRight.class);
            rights.put(UserRight.BATCH, List.of("PROBE\\svc_batch"));
            rights.put(UserRight.DENY_BATCH, List.of("PROBE\\svc_web"));
            rights.put(UserRight.SERVICE, List.of("*S-1-5-6", "PROBE\\svc_web"));
            rights.put(UserRight.DENY_SERVICE, List.of("*S-1-5-32-546"));
            rights.put(UserRight.DENY_INTERACTIVE, List.of("*S-1-5-32-546"));
            rights.put(UserRight.NETWORK, List.of("PROBE\\svc_batch", "*S-1-5-32-544"));
            rights.put(UserRight.INTERACTIVE, List.of("*S-1-5-32-544", "*S-1-5-32-548", "*S-1-5-32-549", "*S-1-5-32-550",
                    "*S-1-5-32-551"));
        }
        StringBuilder b = new StringBuilder("[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n"
                + "[Privilege Rights]\r\n");
        rights.forEach((right, entries) -> b.append(right.constantName()).append(" = ").append(String.join(",", entries))
                .append("\r\n"));
        byte[] text = b.toString().getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[text.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(text, 0, out, 2, text.length);
        return out;
    }

    /** {@code {"accounts": [...]}} for svc_batch and svc_web from Samba's own tokenGroups and impacket's SAMR. */
    private static String membershipFile() throws Exception {
        String out = SambaDc.runWithEnv(dc.dir.resolve("independent.out"), 60, Map.of("LR_PASSWORD", SambaDc.ADMIN_PASSWORD),
                "/usr/bin/python3", dc.scripts.resolve("independent_groups.py").toString(),
                dc.dcDir().resolve("private/sam.ldb").toString(), HOST, "PROBE", "Administrator", "svc_batch", "svc_web");
        JsonNode theirs = JSON.readTree(out.substring(out.indexOf('{')));
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (String user : List.of("svc_batch", "svc_web")) {
            List<Map<String, String>> groups = new ArrayList<>();
            theirs.get(user).get("token").forEach(g -> groups.add(Map.of("sid", g.asText())));
            accounts.add(Map.of("account", "PROBE\\" + user, "sid", theirs.get(user).get("sid").asText(), "groups", groups));
        }
        return JSON.writeValueAsString(Map.of("accounts", accounts));
    }

    /** Pool name -> [verdict, confidence, required right] from a JSON report. */
    private static Map<String, List<String>> verdicts(String json) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode pool : JSON.readTree(json).get("pools")) {
            out.put(pool.get("name").asText(), List.of(pool.get("verdict").asText(), pool.get("confidence").asText(),
                    pool.get("requiredRight").asText()));
        }
        return out;
    }

    private static List<Sid> sids(JsonNode array) {
        List<Sid> out = new ArrayList<>();
        array.forEach(n -> out.add(Sid.parse(n.asText())));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
