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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.app.RemoteRequest;
import org.logonrights.app.RemoteSnapshotReader;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.platform.remote.RemoteAccount;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteTarget;
import org.logonrights.sources.InputFiles;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;

/**
 * GPO ownership of a remote audit against a real Samba AD DC (see {@link SambaDc}): the DC's own
 * registry holds a Group Policy history (written with {@code net registry} into the registry Samba's
 * winreg serves) and its real SYSVOL share two GPOs of our own with {@code [Privilege Rights]}: 'PROBE
 * Web Batch Lockdown', applied last, defines the batch right without the pool account svc_batch,
 * and 'PROBE Baseline', which loses on precedence, would keep it. Checked through the jar: GPO names,
 * GUIDs, precedence, drift, D4, WILL_FAIL, an offline audit of the same data as {@code --secedit} +
 * {@code --gpo-template}, collect then audit, the degradations Samba can produce, and impacket's view
 * of the same registry key and files.
 */
class RemoteGpoSambaIT {

    private static final String HOST = "127.0.0.1";
    private static final String CONFIG = "C$\\gpo\\applicationHost.config";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LOCKDOWN = "{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}";
    static final String BASELINE = "{8C2F41D7-5E93-4B0A-9D16-7A4E2C0B93F1}";
    private static final String BROKEN = "{2B1C9E77-4D3A-4F0B-8E5D-6A7C8B9D0E1F}";
    private static final String DELETED = "{0D3A51F4-7C2B-4E8E-9A61-5B7C3D2E1F00}";
    private static final String TEMPLATE = "Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf";
    private static final String[] WORLD = {
        "0|Default Domain Policy|{31B2F340-016D-11D2-945F-00C04FB984F9}|\\\\probe.test\\sysvol\\probe.test\\Policies\\"
                + "{31B2F340-016D-11D2-945F-00C04FB984F9}",
        "1|Default Domain Controllers Policy|{6AC1786C-016F-11D2-945F-00C04fB984F9}|\\\\probe.test\\sysvol\\probe.test\\"
                + "Policies\\{6AC1786C-016F-11D2-945F-00C04fB984F9}",
        "2|PROBE Baseline|" + BASELINE + "|\\\\probe.test\\sysvol\\probe.test\\Policies\\" + BASELINE,
        "3|PROBE Web Batch Lockdown|" + LOCKDOWN + "|\\\\PROBE.TEST\\SysVol\\probe.test\\Policies\\" + LOCKDOWN + "\\Machine"};
    private static SambaDc dc;

    @BeforeAll
    static void startSamba() throws Exception {
        SambaDc.assumeAvailable();
        dc = SambaDc.start();
        Map<String, String> sid = new LinkedHashMap<>();
        dc.sids.forEach((k, v) -> sid.put(k, v.toString()));
        // Samba writes MACHINE, the Group Policy editor Machine: the lockdown GPO uses Samba's case.
        gpo(LOCKDOWN, "MACHINE", "PROBE Web Batch Lockdown", "SeBatchLogonRight = *S-1-5-32-544,*" + sid.get("g_batch") + "\r\n"
                + "SeServiceLogonRight = *S-1-5-6\r\n"
                + "SeDenyBatchLogonRight = *" + sid.get("svc_web") + ",*" + sid.get("dl_nobatch") + "\r\n");
        gpo(BASELINE, "Machine", "PROBE Baseline", "SeBatchLogonRight = *S-1-5-32-544,*" + sid.get("svc_batch") + "\r\n");
        dc.history(WORLD);
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (dc != null) {
            dc.close();
        }
    }

    /** A GPO folder in the DC's SYSVOL: gpt.ini with its display name, and a UTF-16LE GptTmpl.inf with BOM. */
    private static Path gpo(String guid, String machine, String name, String privilegeRights) throws Exception {
        Path folder = dc.policies().resolve(guid);
        Path secedit = Files.createDirectories(folder.resolve(machine).resolve("Microsoft/Windows NT/SecEdit"));
        Files.writeString(folder.resolve("GPT.INI"), "[General]\r\nVersion=65537\r\ndisplayName=" + name + "\r\n",
                StandardCharsets.US_ASCII);
        Files.write(secedit.resolve("GptTmpl.inf"), utf16(
                "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\n"
                        + privilegeRights + "[Registry Values]\r\n"));
        return secedit.resolve("GptTmpl.inf");
    }

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static Snapshot snapshot() throws Exception {
        return RemoteSnapshotReader.read(HOST, SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD.toCharArray(), CONFIG,
                InputFiles.DEFAULT_MAX_BYTES, RemoteRequest.Directory.DEFAULT);
    }

    private static CliResult jar(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--remote", HOST, "--user", SambaDc.ADMIN, "--password-env", "PW", "--config-path", CONFIG));
        return JarRunner.runWithEnv(Map.of("PW", SambaDc.ADMIN_PASSWORD), all.toArray(String[]::new));
    }

    @Test
    void theGposOfTheRegistryHistoryAndSysvolOwnTheRightsInPrecedenceOrder() throws Exception {
        GroupPolicy gp = snapshot().groupPolicy();
        assertEquals(List.of(), gp.gaps());
        assertEquals(List.of(LOCKDOWN, BASELINE, "{6AC1786C-016F-11D2-945F-00C04fB984F9}", "{31B2F340-016D-11D2-945F-00C04FB984F9}"),
                gp.gpos().stream().map(g -> g.id()).toList(), "the last applied first");
        GpoRightSetting batch = gp.winning(UserRight.BATCH).orElseThrow();
        assertEquals(LOCKDOWN, batch.gpo().id());
        assertEquals("PROBE Web Batch Lockdown", batch.gpo().displayName());
        assertEquals(1, batch.precedence());
        assertEquals(List.of("S-1-5-32-544", dc.sids.get("g_batch").toString()),
                batch.members().stream().map(m -> m.principal().sid().toString()).toList());
        assertEquals(SourceKind.GPO_TEMPLATE, batch.provenance().kind());
        assertEquals("\\\\PROBE.TEST\\SysVol\\probe.test\\Policies\\" + LOCKDOWN + "\\Machine\\" + TEMPLATE, batch.provenance().file());
        List<GpoRightSetting> losers = gp.losing(UserRight.BATCH);
        assertEquals(List.of(BASELINE), losers.stream().map(l -> l.gpo().id()).toList());
        assertEquals("PROBE Baseline", losers.get(0).gpo().displayName());
        assertEquals(2, losers.get(0).precedence());
        assertEquals(SourceKind.REGISTRY, gp.sources().get(0).kind());
    }

    @Test
    void jarNamesTheGpoInTheChainAndFixAndMatchesAnOfflineAuditOfTheSameData() throws Exception {
        CliResult remote = jar("audit", "--format", "json");
        assertEquals(1, remote.exitCode(), remote.stderr());
        assertEquals("", remote.stderr());
        Map<String, List<String>> verdicts = verdicts(remote.stdout());
        assertEquals(List.of("AT_RISK", "DOCUMENTED", "LR008"), verdicts.get("LocalGrantPool"), "drift: a local-only grant");
        assertEquals(List.of("WILL_START", "DOCUMENTED", ""), verdicts.get("NestedPool"), "g_batch is in the GPO's list");
        assertEquals(List.of("WILL_FAIL", "DOCUMENTED", "LR001"), verdicts.get("NothingPool"));
        assertEquals(List.of("AT_RISK", "UNCERTAIN", "LR007"), verdicts.get("VirtualPool"), "D4: the GPO strips the pool SID");

        JsonNode local = pool(remote.stdout(), "LocalGrantPool");
        JsonNode lr008 = finding(local, "LR008");
        assertTrue(lr008.get("message").asText().contains("GPO 'PROBE Web Batch Lockdown' " + LOCKDOWN), lr008.toString());
        assertTrue(lr008.get("remediation").asText().contains("in GPO 'PROBE Web Batch Lockdown' " + LOCKDOWN), lr008.toString());

        CliResult explain = jar("explain", "LocalGrantPool");
        assertEquals(1, explain.exitCode(), explain.stderr());
        String chain = explain.stdout().replaceAll("\\s+", " "); // the text renderer wraps lines
        assertTrue(chain.contains("SeBatchLogonRight is defined by GPO 'PROBE Web Batch Lockdown' " + LOCKDOWN), chain);
        assertTrue(chain.contains("wins over 'PROBE Baseline' " + BASELINE + " at precedence 2"), chain);

        // The same data offline: the rights and groups the remote audit read, the two templates from disk.
        Snapshot s = snapshot();
        Path offline = Files.createDirectories(dc.dir.resolve("offline-gpo"));
        Path secedit = offline.resolve("secedit.inf");
        Files.write(secedit, seceditExport(s));
        Path memberships = offline.resolve("memberships.json");
        Files.writeString(memberships, membershipFile(s), StandardCharsets.UTF_8);
        CliResult files = JarRunner.run("audit", "--secedit", secedit.toString(), "--applicationhost",
                dc.scripts.resolve("gpo-applicationHost.config").toString(), "--memberships", memberships.toString(),
                "--gpo-template", dc.policies().resolve(LOCKDOWN).resolve("MACHINE/" + TEMPLATE.replace('\\', '/')).toString(),
                "--gpo-template", dc.policies().resolve(BASELINE).resolve("Machine/" + TEMPLATE.replace('\\', '/')).toString(),
                "--format", "json");
        assertEquals(remote.exitCode(), files.exitCode(), files.stderr());
        assertEquals(verdicts(files.stdout()), verdicts);
        assertEquals(finding(pool(files.stdout(), "LocalGrantPool"), "LR008").get("message").asText(), lr008.get("message").asText());
    }

    @Test
    void collectThenAuditIsIdenticalAndThePasswordIsInNoOutput() throws Exception {
        Path snapshot = dc.dir.resolve("gpo-snapshot.json");
        CliResult collect = jar("--debug", "collect", "--output", snapshot.toString());
        assertEquals(0, collect.exitCode(), collect.stderr());
        String document = Files.readString(snapshot, StandardCharsets.UTF_8);
        assertTrue(document.contains("\"kind\" : \"REGISTRY\"") && document.contains(LOCKDOWN), document);
        CliResult remote = jar("--debug", "audit", "--format", "json");
        CliResult again = JarRunner.run("audit", "--snapshot", snapshot.toString(), "--format", "json");
        assertEquals(remote.exitCode(), again.exitCode(), again.stderr());
        assertEquals(JSON.readTree(remote.stdout()).get("pools"), JSON.readTree(again.stdout()).get("pools"));
        assertEquals(JSON.readTree(remote.stdout()).get("notes"), JSON.readTree(again.stdout()).get("notes"));
        for (String out : List.of(collect.stdout(), collect.stderr(), document, remote.stdout(), remote.stderr(), again.stdout())) {
            assertFalse(out.contains(SambaDc.ADMIN_PASSWORD), "the password was printed");
        }
    }

    @Test
    void degradationsAreNotesNamingTheGpoAndHonestVerdicts() throws Exception {
        gpo(BROKEN, "Machine", "PROBE Broken", "SeBatchLogonRight = *S-1-5-32-544\r\n");
        Path cut = dc.policies().resolve(BROKEN).resolve("Machine/" + TEMPLATE.replace('\\', '/'));
        Files.write(cut, utf16("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-5"));
        Map<String, GpoGap.Reason> cases = new LinkedHashMap<>();
        cases.put("4|PROBE Gone|" + DELETED + "|\\\\probe.test\\sysvol\\probe.test\\Policies\\" + DELETED, GpoGap.Reason.GPO_DELETED);
        cases.put("4|PROBE Elsewhere|" + DELETED + "|\\\\fileserver.probe.test\\sysvol\\probe.test\\Policies\\" + DELETED,
                GpoGap.Reason.PATH_NOT_FOLLOWED);
        cases.put("4|PROBE Broken|" + BROKEN + "|\\\\probe.test\\sysvol\\probe.test\\Policies\\" + BROKEN,
                GpoGap.Reason.TEMPLATE_INVALID);
        try {
            for (Map.Entry<String, GpoGap.Reason> c : cases.entrySet()) {
                List<String> entries = new ArrayList<>(List.of(WORLD));
                entries.add(c.getKey());
                dc.history(entries.toArray(String[]::new));
                CliResult r = jar("audit", "--format", "json");
                assertEquals(1, r.exitCode(), r.stderr());
                JsonNode report = JSON.readTree(r.stdout());
                String name = c.getKey().split("\\|")[1];
                String guid = c.getKey().split("\\|")[2];
                List<String> notes = new ArrayList<>();
                report.get("notes").forEach(n -> notes.add(n.get("code").asText() + ": " + n.get("message").asText()));
                assertTrue(notes.stream().anyMatch(n -> n.contains("GPO '" + name + "' " + guid)), c.getValue() + " " + notes);
                Map<String, List<String>> verdicts = verdicts(r.stdout());
                assertEquals(List.of("AT_RISK", "UNCERTAIN", "LR021"), verdicts.get("NestedPool"),
                        c.getValue() + ": starts today, but the unread GPO ranks above the lockdown");
                assertEquals("WILL_FAIL", verdicts.get("NothingPool").get(0), c.getValue().toString());
                Snapshot s = snapshot();
                assertEquals(List.of(c.getValue()), s.groupPolicy().gaps().stream().map(GpoGap::reason).toList());
                assertEquals(1, s.groupPolicy().gaps().get(0).precedence());
            }
        } finally {
            dc.history(WORLD);
        }
    }

    @Test
    void withoutAnyHistoryOnADomainControllerOwnershipIsUnknown() throws Exception {
        try {
            dc.history();
            CliResult r = jar("audit", "--format", "json");
            assertEquals(1, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("gpo-history-missing"), r.stdout());
            assertEquals(List.of("AT_RISK", "UNCERTAIN", "LR021"), verdicts(r.stdout()).get("NestedPool"));
        } finally {
            dc.history(WORLD);
        }
    }

    @Test
    void impacketReadsTheSameHistoryAndTemplates() throws Exception {
        Assumptions.assumeTrue(SambaDc.impacketAvailable() || System.getenv("CI") != null,
                "python3-impacket is not installed (apt-get install python3-impacket)");
        String out = SambaDc.runWithEnv(dc.dir.resolve("impacket-gpo.out"), 60, Map.of("LR_PASSWORD", SambaDc.ADMIN_PASSWORD),
                "/usr/bin/python3", dc.scripts.resolve("impacket_gpo.py").toString(), HOST, "PROBE", "Administrator");
        JsonNode theirs = JSON.readTree(out.substring(out.indexOf('{')));
        List<String> theirGpos = new ArrayList<>();
        theirs.get("history").forEach(e -> theirGpos.add(e.get("index").asInt() + "|" + e.get("DisplayName").asText() + "|"
                + e.get("GPOName").asText() + "|" + e.get("FileSysPath").asText()));
        assertEquals(List.of(WORLD), theirGpos);
        try (RemoteLsa lsa = RemoteLsa.open(RemoteTarget.parse(HOST), RemoteAccount.parse(SambaDc.ADMIN),
                SambaDc.ADMIN_PASSWORD.toCharArray())) {
            assertEquals(4, lsa.groupPolicyHistory().entries().size());
            for (String guid : List.of(LOCKDOWN, BASELINE)) {
                byte[] ours = lsa.readFile("sysvol", "probe.test\\Policies\\" + guid + "\\Machine\\" + TEMPLATE, 1 << 20);
                JsonNode t = theirs.get("templates").get(guid);
                assertEquals(t.get("size").asInt(), ours.length, guid);
                assertEquals(t.get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ours)));
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The rights the remote audit read, as a UTF-16LE secedit export of *SIDs. */
    private static byte[] seceditExport(Snapshot s) {
        StringBuilder b = new StringBuilder("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\n");
        for (UserRight right : UserRight.values()) {
            s.rights().assignment(right).map(RightAssignment::entries).filter(e -> !e.isEmpty()).ifPresent(entries ->
                    b.append(right.constantName()).append(" = ").append(String.join(",", entries.stream()
                            .map(RightEntry::principal).map(p -> "*" + p.sid()).toList())).append("\r\n"));
        }
        return utf16(b.append("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n").toString());
    }

    /** The groups the remote audit read, as a --memberships file. */
    private static String membershipFile(Snapshot s) throws Exception {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (AccountMembership m : s.memberships().accounts()) {
            List<Map<String, String>> groups = new ArrayList<>();
            m.groups().forEach(g -> groups.add(Map.of("sid", g.sid().toString())));
            accounts.add(Map.of("account", m.account(), "sid", m.sid().toString(), "groups", groups));
        }
        return JSON.writeValueAsString(Map.of("accounts", accounts));
    }

    /** Pool name -> [verdict, confidence, decided by] from a JSON report. */
    private static Map<String, List<String>> verdicts(String json) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode pool : JSON.readTree(json).get("pools")) {
            JsonNode by = pool.get("decidedBy");
            out.put(pool.get("name").asText(), List.of(pool.get("verdict").asText(), pool.get("confidence").asText(),
                    by == null || by.isNull() ? "" : by.asText()));
        }
        return out;
    }

    private static JsonNode pool(String json, String name) throws Exception {
        for (JsonNode pool : JSON.readTree(json).get("pools")) {
            if (pool.get("name").asText().equals(name)) {
                return pool;
            }
        }
        throw new AssertionError("no pool " + name + " in " + json);
    }

    private static JsonNode finding(JsonNode pool, String rule) {
        for (JsonNode f : pool.get("findings")) {
            if (f.get("ruleId").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding in " + pool);
    }
}
