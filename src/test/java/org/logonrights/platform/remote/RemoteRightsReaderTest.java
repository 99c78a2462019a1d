package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

class RemoteRightsReaderTest {

    private static final String SVC = "S-1-5-21-1-2-3-1105";
    private static final String WEB = "S-1-5-21-1-2-3-1106";

    private static FakeRemoteLsa server() {
        return new FakeRemoteLsa()
                .grant(SVC, "SeBatchLogonRight", "SeBackupPrivilege")
                .grant(WEB, "SeServiceLogonRight", "SeDenyBatchLogonRight")
                .grant("S-1-5-32-544", "SeNetworkLogonRight", "SeInteractiveLogonRight")
                .name(SVC, "CONTOSO", "svc-batch", 1)
                .name("S-1-5-32-544", "BUILTIN", "Administrators", 4);
    }

    @Test
    void buildsTheSameModelAsTheLocalReader() throws Exception {
        RemoteRightsReader.Result r = new RemoteRightsReader(server(), "\\\\WEB01").read();
        List<RightEntry> batch = r.rights().holders(UserRight.BATCH);
        assertEquals(List.of(new Principal(Sid.parse(SVC), "CONTOSO\\svc-batch")), batch.stream().map(RightEntry::principal).toList());
        assertEquals(SourceKind.LSA, r.rights().source().kind());
        assertEquals("\\\\WEB01", r.rights().source().file());
        assertEquals("SeBatchLogonRight", batch.get(0).provenance().element());
        assertEquals(List.of(new Principal(Sid.parse(WEB), null)), r.rights().holders(UserRight.DENY_BATCH).stream()
                .map(RightEntry::principal).toList(), "a SID the server cannot name stays unnamed");
        assertTrue(r.rights().assignment(UserRight.REMOTE_INTERACTIVE).isEmpty(), "nobody holds it: no assignment");
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        assertTrue(r.rights().unknownRights().isEmpty(), "privileges are not logon rights and not unknown rights");
    }

    @Test
    void rightsTheServerDoesNotKnowComeFromTheAccountsWithOneNote() throws Exception {
        FakeRemoteLsa lsa = server().unknownToServer(UserRight.BATCH, UserRight.DENY_BATCH, UserRight.SERVICE);
        RemoteRightsReader.Result r = new RemoteRightsReader(lsa, "\\\\WEB01").read();
        assertEquals(List.of(Sid.parse(SVC)), r.rights().holders(UserRight.BATCH).stream().map(e -> e.principal().sid()).toList());
        assertEquals(List.of(Sid.parse(WEB)), r.rights().holders(UserRight.DENY_BATCH).stream().map(e -> e.principal().sid()).toList());
        assertEquals(1, r.notes().size(), r.notes().toString());
        InputNote note = r.notes().get(0);
        assertEquals(RemoteRightsReader.NOTE_RIGHT_UNKNOWN_TO_SERVER, note.code());
        assertEquals(InputNote.Level.INFO, note.level());
        assertTrue(note.message().contains("SeBatchLogonRight, SeDenyBatchLogonRight, SeServiceLogonRight")
                && note.message().contains("0xC0000060"), note.message());
    }

    @Test
    void disagreeingViewsAreMergedAndNoted() throws Exception {
        FakeRemoteLsa lsa = server().opnum35(UserRight.NETWORK, "S-1-5-11");
        RemoteRightsReader.Result r = new RemoteRightsReader(lsa, "\\\\WEB01").read();
        assertEquals(List.of(Sid.parse("S-1-5-11"), Sid.parse("S-1-5-32-544")),
                r.rights().holders(UserRight.NETWORK).stream().map(e -> e.principal().sid()).toList());
        assertEquals(RemoteRightsReader.NOTE_VIEWS_DISAGREE, r.notes().get(0).code());
        assertEquals(InputNote.Level.WARNING, r.notes().get(0).level());
    }

    @Test
    void failuresPropagateUnchanged() {
        RemoteLsaException denied = new RemoteLsaException(RemoteLsaException.Reason.ACCESS_DENIED, "denied");
        assertSame(denied, assertThrows(RemoteLsaException.class,
                () -> new RemoteRightsReader(server().failWith(denied), "\\\\WEB01").read()));
    }

    @Test
    void machineNameIsTheAccountDomainExceptOnADomainController() {
        assertEquals(new MachineInfo("WEB01", "CONTOSO", null, null),
                RemoteRightsReader.machine(new RemoteLsa.PolicyDomains("WEB01", "CONTOSO")));
        MachineInfo dc = RemoteRightsReader.machine(new RemoteLsa.PolicyDomains("PROBE", "PROBE"));
        assertNull(dc.name(), "a DC's account domain is the domain: naming the machine after it would make domain accounts local");
        assertEquals("PROBE", dc.domain());
        assertFalse(RemoteRightsReader.machine(new RemoteLsa.PolicyDomains(null, " ")).domain() != null);
    }
}
