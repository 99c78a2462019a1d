package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputNote;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.FakeRemoteLsa;
import org.logonrights.platform.remote.GpoHistory;
import org.logonrights.platform.remote.RemoteLsaException;

/**
 * GPO ownership of a remote audit, with a fake registry and SYSVOL: the order Group Policy applied,
 * the templates' settings, and every way a GPO's settings can be missing, each a typed gap, a note
 * naming the GPO, and an honest verdict.
 */
class RemoteGroupPolicyTest {

    private static final String CONFIG = "Windows\\System32\\inetsrv\\config\\applicationHost.config";
    private static final String LOCKDOWN = "{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}";
    private static final String BASELINE = "{8C2F41D7-5E93-4B0A-9D16-7A4E2C0B93F1}";
    private static final String DELETED = "{0D3A51F4-7C2B-4E8E-9A61-5B7C3D2E1F00}";
    private static final String SVC_BATCH = "S-1-5-21-1-2-3-1102";
    private static final RemoteSnapshotReader.DirectoryChoice NO_DC = (isDc, dnsDomain) -> {
        throw new DirectoryException(DirectoryException.Reason.UNREACHABLE, "no domain controller to ask", null);
    };

    private static byte[] config() throws IOException {
        try (InputStream in = RemoteGroupPolicyTest.class.getResourceAsStream("/remote/applicationHost.config")) {
            return in.readAllBytes();
        }
    }

    /** A UTF-16LE GptTmpl.inf with BOM, as the Group Policy editor writes it. */
    static byte[] template(String privilegeRights) {
        String text = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\n"
                + privilegeRights + "[Registry Values]\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static String folder(String guid) {
        return "probe.test\\Policies\\" + guid;
    }

    private static GpoHistory.Entry entry(int n, String name, String guid, String fileSysPath) {
        return new GpoHistory.Entry(n, name, guid, fileSysPath, "LDAP://CN=" + guid + ",CN=Policies,CN=System,DC=probe,DC=test",
                "LDAP://DC=probe,DC=test", 3, 0, 65537);
    }

    private static String sysvol(String guid) {
        return "\\\\probe.test\\SysVol\\probe.test\\Policies\\" + guid;
    }

    private static GpoHistory history(GpoHistory.Entry... entries) {
        return new GpoHistory(true, "HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY, List.of(entries));
    }

    /** A member server of probe.test: svc_batch holds the batch right locally, as the pool account. */
    private static FakeRemoteLsa server() throws IOException {
        return new FakeRemoteLsa()
                .domains("WEB01", "PROBE").dnsDomain("probe.test")
                .grant(SVC_BATCH, "SeBatchLogonRight")
                .name(SVC_BATCH, "PROBE", "svc_batch", 1)
                .file("C$", CONFIG, config());
    }

    /** Lockdown (applied last, so it wins) defines the batch right without svc_batch; Baseline would keep it. */
    private static FakeRemoteLsa lockedDown() throws IOException {
        return server()
                .history(history(entry(0, "Local Group Policy", "LocalGPO", "C:\\Windows\\System32\\GroupPolicy\\Machine"),
                        entry(1, "PROBE Baseline", BASELINE, sysvol(BASELINE)),
                        entry(2, "PROBE Web Batch Lockdown", LOCKDOWN, sysvol(LOCKDOWN) + "\\Machine")))
                .file("SysVol", folder(LOCKDOWN) + "\\" + RemoteGroupPolicy.TEMPLATE,
                        template("SeBatchLogonRight = *S-1-5-32-544\r\nSeServiceLogonRight = *S-1-5-6\r\n"))
                .file("SysVol", folder(BASELINE) + "\\" + RemoteGroupPolicy.TEMPLATE,
                        template("SeBatchLogonRight = *S-1-5-32-544,*" + SVC_BATCH + "\r\n"));
    }

    private static Snapshot read(FakeRemoteLsa lsa) throws Exception {
        return RemoteSnapshotReader.read(lsa, "\\\\web01", RemoteSnapshotReader.ConfigPath.parse(
                RemoteSnapshotReader.DEFAULT_CONFIG_PATH), 1 << 20, NO_DC);
    }

    private static Map<String, PoolResult> pools(Snapshot s) throws Exception {
        Map<String, PoolResult> out = new TreeMap<>();
        for (PoolResult p : AuditService.audit(s, List.of()).result().pools()) {
            out.put(p.name(), p);
        }
        return out;
    }

    private static InputNote note(Snapshot s, String code) {
        return s.notes().stream().filter(n -> n.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no note " + code + " in " + s.notes()));
    }

    @Test
    void theLastAppliedGpoWinsAndNamesItselfInTheVerdict() throws Exception {
        Snapshot s = read(lockedDown());
        GroupPolicy gp = s.groupPolicy();
        assertEquals(List.of(), gp.gaps());
        GpoRightSetting winner = gp.winning(UserRight.BATCH).orElseThrow();
        assertEquals(LOCKDOWN, winner.gpo().id());
        assertEquals("PROBE Web Batch Lockdown", winner.gpo().displayName());
        assertEquals(1, winner.precedence());
        assertEquals(List.of(BASELINE), gp.losing(UserRight.BATCH).stream().map(l -> l.gpo().id()).toList());
        assertEquals(2, gp.losing(UserRight.BATCH).get(0).precedence());
        assertEquals(SourceKind.GPO_TEMPLATE, winner.provenance().kind());
        assertEquals(sysvol(LOCKDOWN) + "\\" + RemoteGroupPolicy.TEMPLATE, winner.provenance().file());
        assertEquals(2, gp.gpos().size(), "the Local GPO is local policy, which LSA already shows");
        assertTrue(note(s, RemoteGroupPolicy.NOTE_ORDER).message().contains("not documented"));

        Map<String, PoolResult> pools = pools(s);
        PoolResult batch = pools.get("BatchPool");
        assertEquals(Verdict.AT_RISK, batch.verdict(), batch.reasons().toString());
        assertEquals("LR008", batch.decidedBy());
        assertTrue(batch.findings().stream().anyMatch(f -> f.ruleId().equals("LR008")
                && f.message().contains("'PROBE Web Batch Lockdown' " + LOCKDOWN) && f.remediation().contains(LOCKDOWN)));
        assertTrue(batch.reasons().stream().anyMatch(r -> r.step() == ReasonStep.Step.GROUP_POLICY
                && r.message().contains("PROBE Web Batch Lockdown") && r.message().contains("wins over 'PROBE Baseline'")),
                batch.reasons().toString());
        PoolResult app = pools.get("DefaultAppPool");
        assertEquals(Verdict.AT_RISK, app.verdict(), "D4: the GPO defines the service right without the pool SID");
        assertEquals("LR007", app.decidedBy());
    }

    @Test
    void aGpoWithoutTemplateDefinesNothingButADeletedOneIsAGap() throws Exception {
        FakeRemoteLsa lsa = server().history(history(entry(0, "Default Domain Policy", BASELINE, sysvol(BASELINE)),
                entry(1, "Gone", DELETED, sysvol(DELETED)))).folder("SysVol", folder(BASELINE));
        Snapshot s = read(lsa);
        assertEquals(List.of(), s.groupPolicy().settings());
        GpoGap gap = s.groupPolicy().gaps().get(0);
        assertEquals(1, s.groupPolicy().gaps().size());
        assertEquals(GpoGap.Reason.GPO_DELETED, gap.reason());
        assertEquals(DELETED, gap.gpo().id());
        assertEquals(1, gap.precedence());
        assertTrue(note(s, RemoteGroupPolicy.NOTE_DELETED).message().startsWith("GPO 'Gone' " + DELETED), s.notes().toString());
        PoolResult batch = pools(s).get("BatchPool");
        assertEquals(Verdict.AT_RISK, batch.verdict(), "it starts today; the unread GPO may remove the grant");
        assertEquals("LR021", batch.decidedBy());
        assertTrue(batch.reasons().stream().anyMatch(r -> r.step() == ReasonStep.Step.GROUP_POLICY
                && r.message().startsWith("Which GPO owns SeBatchLogonRight is unknown: GPO 'Gone' " + DELETED)), batch.reasons().toString());
        PoolResult web = pools(s).get("WebPool");
        assertEquals(Verdict.UNKNOWN, web.verdict(), "a worse verdict (D5: svc_web's groups are unknown) is kept");
        assertEquals("LR005", web.decidedBy());
    }

    @Test
    void anUnreadGpoBelowTheWinnerLeavesTheWinnersRightsKnown() throws Exception {
        FakeRemoteLsa lsa = lockedDown().history(history(entry(0, "Gone", DELETED, sysvol(DELETED)),
                entry(1, "PROBE Web Batch Lockdown", LOCKDOWN, sysvol(LOCKDOWN))));
        Snapshot s = read(lsa);
        assertEquals(List.of(), s.groupPolicy().gapsFor(UserRight.BATCH), "Lockdown ranks above the deleted GPO");
        assertEquals(1, s.groupPolicy().gapsFor(UserRight.DENY_BATCH).size(), "no GPO read defines the deny");
        PoolResult batch = pools(s).get("BatchPool");
        assertEquals(Verdict.AT_RISK, batch.verdict());
        assertTrue(batch.findings().stream().anyMatch(f -> f.ruleId().equals("LR008")));
        assertTrue(batch.findings().stream().anyMatch(f -> f.ruleId().equals("LR021") && f.message().contains("SeDenyBatchLogonRight")));
    }

    @Test
    void everyRegistryFailureIsAGapOfTheWholeList() throws Exception {
        Map<RemoteLsaException.Reason, GpoGap.Reason> cases = Map.of(
                RemoteLsaException.Reason.ACCESS_DENIED, GpoGap.Reason.REGISTRY_DENIED,
                RemoteLsaException.Reason.SERVICE_NOT_RUNNING, GpoGap.Reason.REMOTE_REGISTRY_STOPPED,
                RemoteLsaException.Reason.TIMEOUT, GpoGap.Reason.REGISTRY_UNREADABLE);
        for (Map.Entry<RemoteLsaException.Reason, GpoGap.Reason> c : cases.entrySet()) {
            Snapshot s = read(server().historyFails(new RemoteLsaException(c.getKey(), "the registry said no")));
            GpoGap gap = s.groupPolicy().gaps().get(0);
            assertEquals(c.getValue(), gap.reason(), c.getKey().toString());
            assertNull(gap.gpo());
            assertEquals(0, gap.precedence(), "unknown: it ranks above everything");
            assertTrue(note(s, RemoteGroupPolicy.NOTE_HISTORY_UNREADABLE).message().contains("the registry said no"));
            PoolResult batch = pools(s).get("BatchPool");
            assertEquals(Verdict.AT_RISK, batch.verdict(), c.getKey().toString());
            assertEquals("LR021", batch.decidedBy());
            if (c.getValue() == GpoGap.Reason.REMOTE_REGISTRY_STOPPED) {
                assertTrue(batch.findings().stream().anyMatch(f -> f.remediation().contains("start RemoteRegistry")));
            }
        }
    }

    @Test
    void aDomainMemberWithoutHistoryIsAGapButAWorkgroupMachineIsNot() throws Exception {
        Snapshot member = read(server().history(new GpoHistory(false, "HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY, List.of())));
        assertEquals(GpoGap.Reason.NO_HISTORY, member.groupPolicy().gaps().get(0).reason());
        note(member, RemoteGroupPolicy.NOTE_HISTORY_MISSING);
        Snapshot workgroup = read(server().dnsDomain(null)
                .history(new GpoHistory(false, "HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY, List.of())));
        assertEquals(List.of(), workgroup.groupPolicy().gaps());
        assertEquals(Verdict.WILL_START, pools(workgroup).get("BatchPool").verdict());
    }

    @Test
    void templatesThatCannotBeReadAreGapsNamingTheGpo() throws Exception {
        List<GpoGap.Reason> seen = new ArrayList<>();
        Map<RemoteLsaException.Reason, GpoGap.Reason> cases = Map.of(
                RemoteLsaException.Reason.ACCESS_DENIED, GpoGap.Reason.TEMPLATE_DENIED,
                RemoteLsaException.Reason.DFS_REFERRAL, GpoGap.Reason.TEMPLATE_UNREACHABLE,
                RemoteLsaException.Reason.UNREACHABLE, GpoGap.Reason.TEMPLATE_UNREACHABLE);
        for (Map.Entry<RemoteLsaException.Reason, GpoGap.Reason> c : cases.entrySet()) {
            FakeRemoteLsa lsa = lockedDown();
            Snapshot s = RemoteSnapshotReader.read(lsa, "\\\\web01", RemoteSnapshotReader.ConfigPath.parse(
                    RemoteSnapshotReader.DEFAULT_CONFIG_PATH), 1 << 20, NO_DC, (isDc, dns) -> {
                        throw new RemoteLsaException(c.getKey(), "SYSVOL said no");
                    });
            List<GpoGap> gaps = s.groupPolicy().gaps();
            assertEquals(2, gaps.size(), gaps.toString());
            assertEquals(List.of(LOCKDOWN, BASELINE), gaps.stream().map(g -> g.gpo().id()).toList());
            assertEquals(c.getValue(), gaps.get(0).reason());
            seen.add(gaps.get(0).reason());
            String message = note(s, RemoteGroupPolicy.NOTE_TEMPLATE_UNREADABLE).message();
            assertTrue(message.startsWith("GPO 'PROBE Web Batch Lockdown' " + LOCKDOWN + ": its template could not be read: "), message);
            assertTrue(c.getValue() == GpoGap.Reason.TEMPLATE_DENIED ? message.contains("readable by Authenticated Users")
                    : message.contains("SYSVOL said no"), message);
            assertEquals(Verdict.AT_RISK, pools(s).get("BatchPool").verdict());
        }
        assertTrue(seen.contains(GpoGap.Reason.TEMPLATE_DENIED));
    }

    @Test
    void aTemplateCutInsideALineIsAGapAndOneEndingAtPrivilegeRightsIsLowered() throws Exception {
        byte[] cut = "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-5".getBytes(StandardCharsets.UTF_16LE);
        Snapshot s = read(lockedDown().file("SysVol", folder(LOCKDOWN) + "\\" + RemoteGroupPolicy.TEMPLATE, cut));
        GpoGap gap = s.groupPolicy().gaps().get(0);
        assertEquals(GpoGap.Reason.TEMPLATE_INVALID, gap.reason());
        assertTrue(gap.detail().contains("truncated"), gap.detail());
        assertEquals(Verdict.AT_RISK, pools(s).get("BatchPool").verdict());

        byte[] open = "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-544\r\n"
                .getBytes(StandardCharsets.UTF_16LE);
        Snapshot lowered = read(lockedDown().file("SysVol", folder(LOCKDOWN) + "\\" + RemoteGroupPolicy.TEMPLATE, open));
        assertTrue(lowered.notes().stream().anyMatch(n -> n.code().equals("rights-may-be-cut")
                && n.provenance().file().equals(sysvol(LOCKDOWN) + "\\" + RemoteGroupPolicy.TEMPLATE)), lowered.notes().toString());
    }

    @Test
    void gapsSettingsAndWhereEachWasReadSurviveTheSnapshotDocument() throws Exception {
        Snapshot s = read(lockedDown().history(history(entry(1, "Gone", DELETED, sysvol(DELETED)),
                entry(2, "PROBE Web Batch Lockdown", LOCKDOWN, sysvol(LOCKDOWN)))));
        java.io.StringWriter out = new java.io.StringWriter();
        org.logonrights.sources.snapshot.SnapshotWriter.write(s, "test", out);
        Snapshot back = org.logonrights.sources.snapshot.SnapshotReader.read(out.toString(), "snapshot.json");
        assertEquals(s.groupPolicy(), back.groupPolicy());
        assertEquals(GpoGap.Reason.GPO_DELETED, back.groupPolicy().gaps().get(0).reason());
        assertEquals(pools(s).get("BatchPool").verdict(), pools(back).get("BatchPool").verdict());
        assertTrue(out.toString().contains("\"gaps\""), "written only when there are gaps");
        java.io.StringWriter complete = new java.io.StringWriter();
        org.logonrights.sources.snapshot.SnapshotWriter.write(read(lockedDown()), "test", complete);
        assertTrue(!complete.toString().contains("\"gaps\""), "left out when empty, as documents were before");
    }

    @Test
    void onlyTheDomainsOwnSysvolIsFollowed() throws Exception {
        for (String path : new String[] {"\\\\evil.example\\SysVol\\probe.test\\Policies\\" + LOCKDOWN,
                "\\\\probe.test\\C$\\probe.test\\Policies\\" + LOCKDOWN,
                "\\\\probe.test\\SysVol\\probe.test\\Policies\\..\\..\\..\\Windows",
                "\\\\probe.test\\SysVol\\probe.test\\scripts\\" + LOCKDOWN, "C:\\Policies\\" + LOCKDOWN, ""}) {
            Snapshot s = read(lockedDown().history(history(entry(1, "PROBE Web Batch Lockdown", LOCKDOWN, path))));
            GpoGap gap = s.groupPolicy().gaps().get(0);
            assertEquals(GpoGap.Reason.PATH_NOT_FOLLOWED, gap.reason(), path);
            assertEquals(SourceKind.REGISTRY, gap.provenance().kind());
            note(s, RemoteGroupPolicy.NOTE_NOT_FOLLOWED);
        }
        RemoteGroupPolicy.SysvolPath machine = RemoteGroupPolicy.SysvolPath.parse(
                "\\\\PROBE\\sysvol\\probe.test\\Policies\\" + LOCKDOWN + "\\MACHINE\\", "probe.test", "PROBE");
        assertNull(machine.refusal());
        assertEquals("probe.test\\Policies\\" + LOCKDOWN, machine.folder());
        assertEquals("sysvol", machine.share());
    }
}
