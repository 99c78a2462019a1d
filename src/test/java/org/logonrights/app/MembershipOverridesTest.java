package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.InputNote;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.remote.DirectoryGroups;
import org.logonrights.platform.remote.FakeDomainDirectory;
import org.logonrights.platform.remote.FakeRemoteLsa;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.snapshot.SnapshotReader;
import org.logonrights.sources.snapshot.SnapshotWriter;

/** {@code --memberships} with a remote (or live) read: the file supplies what the reader missed and wins where both have an account. */
class MembershipOverridesTest {

    private static final String D = "S-1-5-21-7-8-9";
    private static final String G_BATCH = D + "-1110";
    private static final String DL_NOBATCH = D + "-1114";
    private static final String CONFIG = "groups\\applicationHost.config";

    /** A DC that knows only u_nested, in no group at all. */
    private static final FakeDomainDirectory DC = new FakeDomainDirectory("probedc.probe.test", "PROBE.TEST")
            .account("u_nested", new DirectoryGroups(Sid.parse(D + "-1105"), "CN=u_nested", List.of()));

    private static Snapshot remote() throws Exception {
        byte[] config;
        try (InputStream in = MembershipOverridesTest.class.getResourceAsStream("/remote/groups-applicationHost.config")) {
            config = in.readAllBytes();
        }
        FakeRemoteLsa lsa = new FakeRemoteLsa().domains("PROBE", "PROBE")
                .grant(G_BATCH, "SeBatchLogonRight").grant(DL_NOBATCH, "SeDenyBatchLogonRight")
                .file("C$", CONFIG, config);
        return RemoteSnapshotReader.read(lsa, "\\\\127.0.0.1", RemoteSnapshotReader.ConfigPath.parse("C$\\" + CONFIG),
                1 << 20, (isDc, dnsDomain) -> DC);
    }

    private static Map<String, Verdict> verdicts(Snapshot s) throws Exception {
        Map<String, Verdict> out = new TreeMap<>();
        for (PoolResult p : AuditService.audit(s, List.of()).result().pools()) {
            out.put(p.name(), p.verdict());
        }
        return out;
    }

    @Test
    void routesAndTheMethodSurviveTheSnapshotDocument() throws Exception {
        Snapshot read = remote();
        AccountMembership nested = read.memberships().accounts().get(0);
        GroupRoute route = new GroupRoute(Sid.parse(G_BATCH), nested.sid(),
                new Provenance(SourceKind.ACCOUNT_LOOKUP, "probedc.probe.test", 0, "memberOf"));
        AccountMembership routed = new AccountMembership(nested.account(), nested.sid(),
                List.of(new Principal(Sid.parse(G_BATCH), "PROBE\\g_batch")), nested.source(), true, nested.provenance(),
                List.of(route));
        Snapshot withRoutes = new Snapshot(read.machine(), read.rights(), read.iis(), new Memberships(List.of(routed)),
                read.groupPolicy(), read.notes());
        StringWriter json = new StringWriter();
        SnapshotWriter.write(withRoutes, "test", json);
        assertTrue(json.toString().contains("\"routes\""), json.toString());
        assertEquals(withRoutes.memberships(), SnapshotReader.read(json.toString(), "s.json").memberships());
    }

    @Test
    void fileEntriesSupplyAndOverrideTheReadersAndTheNotesSaySo(@TempDir Path dir) throws Exception {
        Snapshot read = remote();
        assertEquals(Verdict.WILL_FAIL, verdicts(read).get("NestedPool"), "no group from the DC: no grant");
        assertEquals(Verdict.UNKNOWN, verdicts(read).get("DeniedPool"), "not in the directory: undecided");

        Path file = dir.resolve("memberships.json");
        Files.writeString(file, "{\"accounts\": ["
                + "{\"account\": \"probe\\\\U_NESTED\", \"groups\": [{\"sid\": \"" + G_BATCH + "\"}]},"
                + "{\"account\": \"PROBE\\\\u_denied\", \"groups\": [{\"sid\": \"" + G_BATCH + "\"}, {\"sid\": \"" + DL_NOBATCH
                + "\"}]}]}", StandardCharsets.UTF_8);
        Snapshot merged = MembershipOverrides.apply(read, file, InputFiles.DEFAULT);

        Map<String, Verdict> v = verdicts(merged);
        assertEquals(Verdict.WILL_START, v.get("NestedPool"), "the file's g_batch wins over the DC's nothing");
        assertEquals(Verdict.WILL_FAIL, v.get("DeniedPool"), "the file supplies what the DC could not");
        List<AccountMembership> accounts = merged.memberships().accounts();
        assertEquals(2, accounts.stream().filter(a -> a.source() == MembershipSource.FILE).count());
        assertEquals(0, accounts.stream().filter(a -> a.account().equalsIgnoreCase("PROBE\\u_nested")
                && a.source() == MembershipSource.REMOTE_TOKEN_GROUPS).count(), "replaced, not duplicated");
        List<String> fromFile = merged.notes().stream().filter(n -> n.code().equals(MembershipOverrides.NOTE_FROM_FILE))
                .map(InputNote::message).toList();
        assertEquals(2, fromFile.size(), fromFile.toString());
        assertTrue(fromFile.get(0).contains("overrides the 0 group(s) read from live group membership (tokenGroups on "
                + "probedc.probe.test and SamrGetAliasMembership on \\\\127.0.0.1)"), fromFile.get(0));
        assertTrue(fromFile.get(1).contains("PROBE\\u_denied") && fromFile.get(1).contains("did not resolve them"),
                fromFile.get(1));
        assertTrue(merged.notes().containsAll(read.notes()), "the reader's own notes stay");
    }
}
