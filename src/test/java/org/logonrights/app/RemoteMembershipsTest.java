package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Memberships;
import org.logonrights.model.Principal;
import org.logonrights.model.Sid;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.DirectoryGroups;
import org.logonrights.platform.remote.FakeDomainDirectory;
import org.logonrights.platform.remote.FakeRemoteLsa;
import org.logonrights.sources.ApplicationHostParser;

/** How a remote audit turns tokenGroups and the target's aliases into memberships, with fakes for the DC and the target. */
class RemoteMembershipsTest {

    private static final String D = "S-1-5-21-7-8-9";
    private static final Sid USER = Sid.parse(D + "-1105");
    private static final Sid G_WEB = Sid.parse(D + "-1111");
    private static final Sid G_BATCH = Sid.parse(D + "-1110");
    private static final Sid DOMAIN_USERS = Sid.parse(D + "-513");
    private static final Sid DC_USERS = Sid.parse("S-1-5-32-545");
    private static final Sid LOCAL_GROUP = Sid.parse("S-1-5-21-1-2-3-1001");
    private static final Sid BACKUP = Sid.parse("S-1-5-32-551");
    private static final MachineInfo WEB01 = new MachineInfo("WEB01", "CONTOSO", null, null);

    private static FakeDomainDirectory contoso() {
        return new FakeDomainDirectory("dc01.contoso.com", "CONTOSO.COM");
    }

    private static org.logonrights.model.IisConfiguration pools(String... users) throws Exception {
        StringBuilder b = new StringBuilder("<configuration><system.applicationHost><applicationPools>");
        for (int i = 0; i < users.length; i++) {
            b.append("<add name=\"P").append(i).append("\"><processModel identityType=\"SpecificUser\" userName=\"")
                    .append(users[i]).append("\" /></add>");
        }
        b.append("</applicationPools></system.applicationHost></configuration>");
        return ApplicationHostParser.parse(b.toString(), "\\\\web01\\C$\\applicationHost.config").value();
    }

    private static DirectoryGroups nested() {
        return new DirectoryGroups(USER, "CN=u,DC=contoso,DC=com", List.of(
                new DirectoryGroups.Group(G_WEB, "g_web", USER, DirectoryGroups.Link.MEMBER_OF),
                new DirectoryGroups.Group(G_BATCH, "g_batch", G_WEB, DirectoryGroups.Link.MEMBER_OF),
                new DirectoryGroups.Group(DOMAIN_USERS, "Domain Users", USER, DirectoryGroups.Link.PRIMARY_GROUP),
                new DirectoryGroups.Group(DC_USERS, "Users", DOMAIN_USERS, DirectoryGroups.Link.MEMBER_OF)));
    }

    @Test
    void domainGroupsThenTheTargetsAliasesRoundAfterRoundWithTheDcsBuiltinDropped() throws Exception {
        FakeDomainDirectory dir = contoso().account("u", nested());
        FakeRemoteLsa target = new FakeRemoteLsa()
                .alias(LOCAL_GROUP.toString(), G_BATCH.toString())      // a local group holding a domain group
                .alias(BACKUP.toString(), LOCAL_GROUP.toString())       // only reachable in the second round
                .name(G_BATCH.toString(), "CONTOSO", "g_batch", 2);
        List<InputNote> notes = new ArrayList<>();
        Memberships m = new RemoteMemberships(target, "\\\\web01", WEB01, () -> dir).read(pools("CONTOSO\\u"), notes);

        assertEquals(List.of(), notes);
        assertTrue(dir.closed(), "the directory is closed after use");
        AccountMembership a = m.accounts().get(0);
        assertEquals("CONTOSO\\u", a.account());
        assertEquals(USER, a.sid());
        assertEquals(MembershipSource.REMOTE_TOKEN_GROUPS, a.source());
        assertTrue(a.complete());
        assertEquals(List.of(G_WEB, G_BATCH, DOMAIN_USERS, LOCAL_GROUP, BACKUP), a.groups().stream().map(Principal::sid).toList(),
                "the DC's BUILTIN\\Users is not the server's");
        assertEquals("CONTOSO\\g_batch", a.groups().get(1).name(), "names come from the target's LSA first");
        assertEquals("g_web", a.groups().get(0).name(), "then from the directory");
        assertEquals("tokenGroups on dc01.contoso.com and SamrGetAliasMembership on \\\\web01", a.provenance().element());

        List<GroupRoute> chain = a.routeTo(BACKUP);
        assertEquals(List.of(G_WEB, G_BATCH, LOCAL_GROUP, BACKUP), chain.stream().map(GroupRoute::group).toList());
        assertEquals(List.of("memberOf", "memberOf", "SamrGetAliasMembership", "SamrGetAliasMembership"),
                chain.stream().map(r -> r.provenance().element()).toList());
        assertEquals("dc01.contoso.com", chain.get(0).provenance().file());
        assertEquals("\\\\web01", chain.get(3).provenance().file());
        assertEquals("primaryGroupID", a.routeTo(DOMAIN_USERS).get(0).provenance().element());
    }

    @Test
    void anAccountTheDirectoryCannotReadIsANoteAndNoMembership() throws Exception {
        FakeDomainDirectory dir = contoso().account("u", nested());
        List<InputNote> notes = new ArrayList<>();
        Memberships m = new RemoteMemberships(new FakeRemoteLsa(), "\\\\web01", WEB01, () -> dir)
                .read(pools("CONTOSO\\u", "CONTOSO\\gone", "FABRIKAM\\other", ".\\local", "WEB01\\local2", "u@contoso.com"), notes);

        assertEquals(List.of("CONTOSO\\u", "u@contoso.com"), m.accounts().stream().map(AccountMembership::account).toList());
        assertEquals(4, notes.size(), notes.toString());
        assertTrue(notes.stream().allMatch(n -> n.code().equals(RemoteMemberships.NOTE_UNRESOLVED)
                && n.level() == InputNote.Level.WARNING));
        assertTrue(notes.get(0).message().contains("CONTOSO\\gone") && notes.get(0).message().contains("no account 'gone'"),
                notes.get(0).message());
        assertTrue(notes.get(1).message().contains("FABRIKAM") && notes.get(1).message().contains("another domain or forest"),
                notes.get(1).message());
        assertTrue(notes.get(2).message().contains(".\\local could not be read: \\\\web01 has no local user 'local'"),
                notes.get(2).message());
        assertTrue(notes.get(3).message().contains("WEB01\\local2 could not be read"), notes.get(3).message());
    }

    @Test
    void aLocalAccountTakesItsGroupsFromTheTargetsSamAndABareNameFallsBackToTheDomain() throws Exception {
        Sid local = Sid.parse("S-1-5-21-1-2-3-1002");
        Sid none = Sid.parse("S-1-5-21-1-2-3-513");
        FakeRemoteLsa target = new FakeRemoteLsa()
                .localUser("batchuser", local.toString(), none.toString())
                .alias(LOCAL_GROUP.toString(), local.toString())
                .alias(BACKUP.toString(), local.toString());
        FakeDomainDirectory dir = contoso().account("u", nested());
        List<InputNote> notes = new ArrayList<>();
        Memberships m = new RemoteMemberships(target, "\\\\web01", WEB01, () -> dir)
                .read(pools(".\\batchuser", "WEB01\\BatchUser", "u"), notes);
        assertEquals(List.of(), notes);
        AccountMembership a = m.accounts().get(0);
        assertEquals(local, a.sid());
        assertEquals(List.of(none, LOCAL_GROUP, BACKUP), a.groups().stream().map(Principal::sid).toList());
        assertEquals("SamrGetGroupsForUser", a.routeTo(none).get(0).provenance().element());
        assertEquals("SamrGetGroupsForUser and SamrGetAliasMembership on \\\\web01", a.provenance().element());
        assertEquals(local, m.accounts().get(1).sid(), "HOST\\name is the same local account, case-insensitively");
        assertEquals(USER, m.accounts().get(2).sid(), "a bare name that is no local user is looked up in the domain");
    }

    @Test
    void aDirectoryThatCannotBeOpenedIsTriedOnceAndNamedInEveryAccountsNote() throws Exception {
        int[] opened = {0};
        RemoteMemberships.DirectoryOpener down = () -> {
            opened[0]++;
            throw new DirectoryException(DirectoryException.Reason.UNREACHABLE, "cannot connect to dc01 port 389", null);
        };
        List<InputNote> notes = new ArrayList<>();
        Memberships m = new RemoteMemberships(new FakeRemoteLsa(), "\\\\web01", WEB01, down)
                .read(pools("CONTOSO\\a", "contoso\\A", "CONTOSO\\b"), notes);
        assertEquals(Memberships.NONE, m);
        assertEquals(1, opened[0]);
        assertEquals(2, notes.size(), "one per distinct account, case-insensitively: " + notes);
        assertTrue(notes.get(1).message().contains("CONTOSO\\b") && notes.get(1).message().contains("domain CONTOSO")
                && notes.get(1).message().contains("cannot connect to dc01 port 389"), notes.get(1).message());
    }

    @Test
    void noSpecificUserPoolNeedsNoDirectory() throws Exception {
        RemoteMemberships.DirectoryOpener never = () -> {
            throw new AssertionError("opened without need");
        };
        String config = "<configuration><system.applicationHost><applicationPools><add name=\"A\" />"
                + "</applicationPools></system.applicationHost></configuration>";
        List<InputNote> notes = new ArrayList<>();
        assertEquals(Memberships.NONE, new RemoteMemberships(new FakeRemoteLsa(), "\\\\web01", WEB01, never)
                .read(ApplicationHostParser.parse(config, "x").value(), notes));
        assertEquals(List.of(), notes);
    }
}
