package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.InputNote;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.model.WellKnownSids;

class LiveRightsReaderTest {

    private static final Sid SVC_WEB = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-1105");
    private static final Sid POOL = Sid.parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415");
    private static final Sid ORPHAN = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-9999");

    private FakeLocalSecurityPolicy typicalServer() {
        return new FakeLocalSecurityPolicy()
                .grant(UserRight.BATCH, WellKnownSids.IIS_IUSRS, WellKnownSids.ADMINISTRATORS, SVC_WEB)
                .grant(UserRight.SERVICE, WellKnownSids.NETWORK_SERVICE, POOL, ORPHAN)
                .grant(UserRight.DENY_NETWORK, WellKnownSids.GUESTS)
                .grant(UserRight.NETWORK, WellKnownSids.EVERYONE, WellKnownSids.ADMINISTRATORS)
                .name(WellKnownSids.ADMINISTRATORS, "BUILTIN", "Administrators", SidNameUse.ALIAS)
                .name(WellKnownSids.IIS_IUSRS, "BUILTIN", "IIS_IUSRS", SidNameUse.ALIAS)
                .name(WellKnownSids.GUESTS, "BUILTIN", "Guests", SidNameUse.ALIAS)
                .name(WellKnownSids.EVERYONE, "", "Everyone", SidNameUse.WELL_KNOWN_GROUP)
                .name(WellKnownSids.NETWORK_SERVICE, "NT AUTHORITY", "NETWORK SERVICE", SidNameUse.WELL_KNOWN_GROUP)
                .name(POOL, "IIS APPPOOL", "DefaultAppPool", SidNameUse.WELL_KNOWN_GROUP)
                .name(SVC_WEB, "CONTOSO", "svc-web", SidNameUse.USER);
    }

    @Test
    void readsAllTenRightsAndNamesEveryHolder() throws LsaException {
        FakeLocalSecurityPolicy policy = typicalServer();
        EffectiveRights rights = new LiveRightsReader(policy, null).read();

        assertEquals(Arrays.asList(UserRight.values()), policy.enumerated());
        assertEquals(List.of(
                        new Principal(SVC_WEB, "CONTOSO\\svc-web"),
                        new Principal(WellKnownSids.ADMINISTRATORS, "BUILTIN\\Administrators"),
                        new Principal(WellKnownSids.IIS_IUSRS, "BUILTIN\\IIS_IUSRS")),
                rights.holders(UserRight.BATCH).stream().map(RightEntry::principal).toList(),
                "holders sorted by SID (numerically: S-1-5-21 before S-1-5-32), named DOMAIN\\name");
        assertEquals(List.of(
                        new Principal(WellKnownSids.EVERYONE, "Everyone"),
                        new Principal(WellKnownSids.ADMINISTRATORS, "BUILTIN\\Administrators")),
                rights.holders(UserRight.NETWORK).stream().map(RightEntry::principal).toList());
        assertEquals(List.of(new Principal(WellKnownSids.GUESTS, "BUILTIN\\Guests")),
                rights.holders(UserRight.DENY_NETWORK).stream().map(RightEntry::principal).toList());
    }

    @Test
    void resolvesAllSidsInOneLookupOfUniqueSids() throws LsaException {
        FakeLocalSecurityPolicy policy = typicalServer();
        new LiveRightsReader(policy, null).read();
        assertEquals(1, policy.lookups().size(), "one batched lookup across all rights");
        List<Sid> asked = policy.lookups().get(0);
        assertEquals(asked.size(), new HashSet<>(asked).size(), "each SID asked once (Administrators holds two rights)");
        assertEquals(8, asked.size());
    }

    @Test
    void anUnresolvedSidKeepsItsSidAndNoName() throws LsaException {
        EffectiveRights rights = new LiveRightsReader(typicalServer(), null).read();
        Principal orphan = rights.holders(UserRight.SERVICE).stream().map(RightEntry::principal)
                .filter(p -> p.sid().equals(ORPHAN)).findFirst().orElseThrow();
        assertEquals(Principal.ofSid(ORPHAN), orphan);
    }

    @Test
    void rightsNobodyHoldsGetNoAssignmentLikeASeceditExport() throws LsaException {
        EffectiveRights rights = new LiveRightsReader(typicalServer(), null).read();
        assertFalse(rights.assignment(UserRight.DENY_BATCH).isPresent());
        assertEquals(List.of(), rights.holders(UserRight.DENY_SERVICE));
        assertEquals(4, rights.assignments().size());
        assertEquals(List.of(), rights.unknownRights());
    }

    @Test
    void provenanceIsTheLiveLsaOfTheNamedComputer() throws LsaException {
        EffectiveRights local = new LiveRightsReader(typicalServer(), null).read();
        assertEquals(Provenance.of(SourceKind.LSA, "local LSA policy"), local.source());
        RightEntry entry = local.holders(UserRight.BATCH).get(0);
        assertEquals(new Provenance(SourceKind.LSA, "local LSA policy", 0, "SeBatchLogonRight"), entry.provenance());
        assertEquals(entry.provenance(), local.assignment(UserRight.BATCH).orElseThrow().provenance());

        EffectiveRights remote = new LiveRightsReader(typicalServer(), "WEB01").read();
        assertEquals(Provenance.of(SourceKind.LSA, "WEB01"), remote.source());
    }

    @Test
    void anEmptyPolicyMakesNoLookup() throws LsaException {
        FakeLocalSecurityPolicy empty = new FakeLocalSecurityPolicy();
        EffectiveRights rights = new LiveRightsReader(empty, null).read();
        assertTrue(rights.assignments().isEmpty());
        assertEquals(List.of(), empty.lookups());
    }

    @Test
    void failuresPropagateRatherThanReportingAPartialPolicy() {
        LsaException denied = new LsaAccessDeniedException("LsaEnumerateAccountsWithUserRight", 5);
        FakeLocalSecurityPolicy policy = typicalServer().failOn(UserRight.SERVICE, denied);
        assertSame(denied, assertThrows(LsaException.class, () -> new LiveRightsReader(policy, null).read()));

        LsaException unknown = new LsaNoSuchPrivilegeException("LsaEnumerateAccountsWithUserRight", UserRight.DENY_BATCH, 1313);
        FakeLocalSecurityPolicy samba = typicalServer().failOn(UserRight.DENY_BATCH, unknown);
        LsaNoSuchPrivilegeException e = assertThrows(LsaNoSuchPrivilegeException.class, () -> new LiveRightsReader(samba, null).read());
        assertEquals(UserRight.DENY_BATCH, e.right());
    }

    @Test
    void aFailedNameLookupLeavesTheSidsUnnamedWithANote() throws LsaException {
        // A broken secure channel or an unreachable DC: names are cosmetic, the audit goes on.
        FakeLocalSecurityPolicy policy = typicalServer().failLookups(new LsaException("LsaLookupSids2", 0xC000005E, 1311));
        List<InputNote> notes = new ArrayList<>();
        EffectiveRights rights = new LiveRightsReader(policy, null).read(notes);

        assertEquals(List.of(SVC_WEB, WellKnownSids.ADMINISTRATORS, WellKnownSids.IIS_IUSRS),
                rights.holders(UserRight.BATCH).stream().map(e -> e.principal().sid()).toList());
        assertTrue(rights.holders(UserRight.BATCH).stream().allMatch(e -> e.principal().name() == null));
        assertEquals(List.of("names-unresolved"), notes.stream().map(InputNote::code).toList());
        assertEquals(InputNote.Level.WARNING, notes.get(0).level());
    }

    @Test
    void anAccessDeniedNameLookupStillStopsTheRead() {
        LsaException denied = new LsaAccessDeniedException("LsaLookupSids2", 5);
        FakeLocalSecurityPolicy policy = typicalServer().failLookups(denied);
        assertSame(denied, assertThrows(LsaException.class, () -> new LiveRightsReader(policy, null).read(new ArrayList<>())));
    }

    @Test
    void theReaderLeavesClosingToTheCaller() throws LsaException {
        FakeLocalSecurityPolicy policy = typicalServer();
        try (policy) {
            new LiveRightsReader(policy, null).read();
            assertEquals(0, policy.closeCalls());
        }
        assertEquals(1, policy.closeCalls());
    }
}
