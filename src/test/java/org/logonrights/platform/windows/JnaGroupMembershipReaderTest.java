package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputNote;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.windows.X64NativeBuffers.Group;

/**
 * {@link JnaGroupMembershipReader} over mocked Authz and NetAPI whose answers lay out 64-bit
 * buffers. After each test every context was freed once, every NetAPI buffer was freed once, and
 * the resource manager is freed once on close.
 */
class JnaGroupMembershipReaderTest {

    private static final String HOST = "WEB01";
    private static final String MACHINE = "S-1-5-21-111-222-333";
    private static final Sid LR_OK = Sid.parse(MACHINE + "-1001");
    private static final Sid LR_BATCH = Sid.parse(MACHINE + "-1002");
    private static final Sid LR_BATCH_USERS = Sid.parse(MACHINE + "-1005");
    private static final Sid NONE = Sid.parse(MACHINE + "-513");
    private static final String DOMAIN = "S-1-5-21-1004336348-1177238915-682003330";
    private static final Sid SVC_WEB = Sid.parse(DOMAIN + "-1105");
    private static final Sid DOMAIN_USERS = Sid.parse(DOMAIN + "-513");
    private static final Sid WEB_BATCH = Sid.parse(DOMAIN + "-1108");
    private static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    private static final Sid USERS = Sid.parse("S-1-5-32-545");
    private static final Sid IIS_IUSRS = Sid.parse("S-1-5-32-568");
    private static final Pointer RM = new Pointer(0xA0_0001L);
    private static final Pointer CONTEXT = new Pointer(0xC0_0001L);
    private static final int SE_GROUP_DEFAULT = 0x7; // mandatory, enabled by default, enabled

    private final AuthzApi authz = mock(AuthzApi.class);
    private final NetApi netapi = mock(NetApi.class);
    private final X64NativeBuffers buffers = new X64NativeBuffers();
    private final FakeLocalSecurityPolicy lsa = new FakeLocalSecurityPolicy();
    private final Map<String, ResolvedAccount> directory = new HashMap<>();
    private final List<String> resolved = new ArrayList<>();
    private final List<Long> handedOut = new ArrayList<>();
    private final List<Long> netFreed = new ArrayList<>();
    private final List<Long> contextsFreed = new ArrayList<>();
    private final List<byte[]> contextSids = new ArrayList<>();
    private List<Group> tokenGroups = List.of();
    private int lastError;

    private final AccountResolver resolver = name -> {
        resolved.add(name);
        ResolvedAccount a = directory.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new Win32CallException("LookupAccountName", 1332);
        }
        return a;
    };

    @BeforeEach
    void fakeWindows() {
        account(HOST + "\\lr-ok", LR_OK, HOST, "lr-ok", SidNameUse.USER);
        account(HOST + "\\lr-batch", LR_BATCH, HOST, "lr-batch", SidNameUse.USER);
        account("lr-batch-users", LR_BATCH_USERS, HOST, "lr-batch-users", SidNameUse.ALIAS);
        account("Administrators", ADMINISTRATORS, "BUILTIN", "Administrators", SidNameUse.ALIAS);
        account("IIS_IUSRS", IIS_IUSRS, "BUILTIN", "IIS_IUSRS", SidNameUse.ALIAS);
        account(HOST + "\\None", NONE, HOST, "None", SidNameUse.GROUP);
        account("CONTOSO\\svc-web", SVC_WEB, "CONTOSO", "svc-web", SidNameUse.USER);
        account("CONTOSO\\Domain Users", DOMAIN_USERS, "CONTOSO", "Domain Users", SidNameUse.GROUP);
        lsa.name(LR_BATCH_USERS, HOST, "lr-batch-users", SidNameUse.ALIAS)
                .name(NONE, HOST, "None", SidNameUse.GROUP)
                .name(ADMINISTRATORS, "BUILTIN", "Administrators", SidNameUse.ALIAS)
                .name(USERS, "BUILTIN", "Users", SidNameUse.ALIAS);

        when(authz.AuthzInitializeResourceManager(anyInt(), any(), any(), any(), any(), any())).thenAnswer(inv -> {
            inv.<PointerByReference>getArgument(5).setValue(RM);
            return true;
        });
        when(authz.AuthzInitializeContextFromSid(anyInt(), any(), any(), any(), any(), any(), any())).thenAnswer(inv -> {
            Pointer sid = inv.getArgument(1);
            contextSids.add(sid.getByteArray(0, 8 + 4 * (sid.getByte(1) & 0xFF)));
            inv.<PointerByReference>getArgument(6).setValue(CONTEXT);
            return true;
        });
        when(authz.AuthzGetInformationFromContext(eq(CONTEXT), anyInt(), anyInt(), any(), any())).thenAnswer(inv -> {
            int size = inv.getArgument(2);
            int needed = X64NativeBuffers.tokenGroupsSize(tokenGroups);
            inv.<IntByReference>getArgument(3).setValue(needed);
            if (size < needed) {
                lastError = 122;
                return false;
            }
            X64NativeBuffers.writeTokenGroups(inv.getArgument(4), tokenGroups);
            return true;
        });
        when(authz.AuthzFreeContext(any())).thenAnswer(inv -> {
            contextsFreed.add(Pointer.nativeValue(inv.getArgument(0)));
            return true;
        });
        when(netapi.NetApiBufferFree(any())).thenAnswer(inv -> {
            netFreed.add(Pointer.nativeValue(inv.getArgument(0)));
            return 0;
        });
    }

    @AfterEach
    void everyBufferAndHandleReleasedOnce() {
        assertEquals(handedOut.stream().sorted().toList(), netFreed.stream().sorted().toList(),
                "each NetAPI buffer must be passed to NetApiBufferFree exactly once");
        assertEquals(contextSids.size() - failedContexts, contextsFreed.size(),
                "each client context Authz created must be freed exactly once");
    }

    private int failedContexts;

    private void account(String name, Sid sid, String domain, String account, SidNameUse use) {
        directory.put(name.toLowerCase(Locale.ROOT), new ResolvedAccount(sid, new ResolvedName(domain, account, use)));
    }

    private JnaGroupMembershipReader reader() {
        return new JnaGroupMembershipReader(authz, netapi, resolver, lsa, () -> lastError, HOST);
    }

    private Memory handOut(Memory m) {
        handedOut.add(Pointer.nativeValue(m));
        return m;
    }

    private void contextFails(int error) {
        doAnswer(inv -> {
            Pointer sid = inv.getArgument(1);
            contextSids.add(sid.getByteArray(0, 8 + 4 * (sid.getByte(1) & 0xFF)));
            failedContexts++;
            lastError = error;
            return false;
        }).when(authz).AuthzInitializeContextFromSid(anyInt(), any(), any(), any(), any(), any(), any());
    }

    private void localGroups(int status, List<String> names) {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(4).setValue(names == null ? null : handOut(buffers.nameArray(names)));
            inv.<IntByReference>getArgument(6).setValue(names == null ? 0 : names.size());
            inv.<IntByReference>getArgument(7).setValue(names == null ? 0 : names.size());
            return status;
        }).when(netapi).NetUserGetLocalGroups(any(), any(), anyInt(), anyInt(), any(), anyInt(), any(), any());
    }

    /** DsGetDcName answers a DOMAIN_CONTROLLER_INFOW whose DomainControllerName is {@code name}. */
    private void domainController(String name) {
        Memory info = handOut(new Memory(72));
        info.clear();
        info.setPointer(0, buffers.wide(name));
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(5).setValue(info);
            return 0;
        }).when(netapi).DsGetDcName(any(), any(), any(), any(), anyInt(), any());
    }

    private void globalGroups(int status, List<String> names) {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(3).setValue(names == null ? null : handOut(buffers.nameArray(names)));
            inv.<IntByReference>getArgument(5).setValue(names == null ? 0 : names.size());
            inv.<IntByReference>getArgument(6).setValue(names == null ? 0 : names.size());
            return status;
        }).when(netapi).NetUserGetGroups(any(), any(), anyInt(), any(), anyInt(), any(), any());
    }

    private static List<Sid> sids(AccountMembership m) {
        return m.groups().stream().map(Principal::sid).toList();
    }

    // --- Authz ---

    @Test
    void authzGroupsComeFromAnX64TokenGroupsWithoutLogonAndWellKnownSids() {
        tokenGroups = List.of(
                new Group(NONE, SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-1-0"), SE_GROUP_DEFAULT),
                new Group(USERS, SE_GROUP_DEFAULT),
                new Group(ADMINISTRATORS, 0x10), // deny-only is still a real membership
                new Group(Sid.parse("S-1-5-4"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-2-1"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-11"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-15"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-2-0"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-2"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-64-10"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-5-0-123456"), 0xC000_0007),
                new Group(Sid.parse("S-1-16-12288"), 0x60),
                new Group(LR_BATCH_USERS, SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-18-2"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-113"), SE_GROUP_DEFAULT),
                new Group(Sid.parse("S-1-5-114"), SE_GROUP_DEFAULT));
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(" .\\lr-ok ");
        }
        AccountMembership m = r.membership();
        assertEquals(".\\lr-ok", m.account(), "the pool's userName as written, so the engine finds it");
        assertEquals(LR_OK, m.sid());
        assertEquals(MembershipSource.AUTHZ_S4U, m.source());
        assertTrue(m.complete());
        assertEquals(List.of(NONE, LR_BATCH_USERS, ADMINISTRATORS, USERS), sids(m));
        assertEquals(List.of("WEB01\\None", "WEB01\\lr-batch-users", "BUILTIN\\Administrators", "BUILTIN\\Users"),
                m.groups().stream().map(Principal::name).toList());
        assertEquals(SourceKind.ACCOUNT_LOOKUP, m.provenance().kind());
        assertEquals(JnaGroupMembershipReader.AUTHZ_SOURCE, m.provenance().file());
        assertEquals(List.of(), r.notes());
        assertEquals(List.of("WEB01\\lr-ok"), resolved, ".\\ is this machine for LookupAccountName");
        assertArrayEquals(SidCodec.encode(LR_OK), contextSids.get(0));
        verifyNoInteractions(netapi);
        verify(authz, times(1)).AuthzFreeResourceManager(RM);
    }

    @Test
    void authzIsCalledWithReadOnlyArgumentsAndSizedBeforeReading() {
        tokenGroups = List.of(new Group(USERS, SE_GROUP_DEFAULT));
        try (JnaGroupMembershipReader reader = reader()) {
            reader.read("WEB01\\lr-ok");
        }
        verify(authz).AuthzInitializeResourceManager(eq(1), isNull(), isNull(), isNull(), isNull(), any());
        verify(authz).AuthzInitializeContextFromSid(eq(AuthzApi.AUTHZ_REQUIRE_S4U_LOGON), any(), eq(RM), isNull(),
                org.mockito.ArgumentMatchers.<AuthzApi.LUID.ByValue>argThat(l -> l.LowPart == 0 && l.HighPart == 0),
                isNull(), any());
        verify(authz).AuthzGetInformationFromContext(eq(CONTEXT), eq(2), eq(0), any(), isNull());
        verify(authz).AuthzGetInformationFromContext(eq(CONTEXT), eq(2),
                eq(X64NativeBuffers.tokenGroupsSize(tokenGroups)), any(), org.mockito.ArgumentMatchers.notNull());
    }

    @Test
    void aLookupFailureOfTheGroupNamesKeepsTheSidsAndSaysSo() {
        tokenGroups = List.of(new Group(USERS, SE_GROUP_DEFAULT), new Group(LR_BATCH_USERS, SE_GROUP_DEFAULT));
        lsa.failLookups(new LsaAccessDeniedException("LsaLookupSids2", 5));
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-ok");
        }
        assertEquals(List.of(LR_BATCH_USERS, USERS), sids(r.membership()));
        assertTrue(r.membership().groups().stream().allMatch(p -> p.name() == null));
        assertEquals(List.of("group-names-unresolved"), r.notes().stream().map(InputNote::code).toList());
    }

    @Test
    void theResourceManagerIsCreatedOnceAndEachAccountGetsOneContext() {
        tokenGroups = List.of(new Group(USERS, SE_GROUP_DEFAULT));
        try (JnaGroupMembershipReader reader = reader()) {
            reader.read(".\\lr-ok");
            reader.read(".\\lr-batch");
        }
        verify(authz, times(1)).AuthzInitializeResourceManager(anyInt(), any(), any(), any(), any(), any());
        verify(authz, times(2)).AuthzInitializeContextFromSid(anyInt(), any(), any(), any(), any(), any(), any());
        assertArrayEquals(SidCodec.encode(LR_BATCH), contextSids.get(1));
        verify(authz, times(1)).AuthzFreeResourceManager(RM);
    }

    @Test
    void closeIsIdempotentAndFreesNothingWhenAuthzWasNeverUsed() {
        JnaGroupMembershipReader reader = reader();
        reader.close();
        reader.close();
        verify(authz, never()).AuthzFreeResourceManager(any());
    }

    @Test
    void aMalformedTokenGroupsFallsBackAndStillFreesTheContext() {
        doAnswer(inv -> {
            inv.<IntByReference>getArgument(3).setValue(16);
            if (inv.<Integer>getArgument(2) < 16) {
                lastError = 122;
                return false;
            }
            inv.<Pointer>getArgument(4).setInt(0, 1000); // 1000 groups in 16 bytes
            return true;
        }).when(authz).AuthzGetInformationFromContext(eq(CONTEXT), anyInt(), anyInt(), any(), any());
        localGroups(0, List.of("Administrators"));
        globalGroups(0, List.of("None"));
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-ok");
        }
        assertEquals(MembershipSource.NETAPI_FALLBACK, r.membership().source());
        assertTrue(r.notes().get(0).message().contains("AuthzGetInformationFromContext returned a malformed result"),
                r.notes().get(0).message());
        assertEquals(1, contextsFreed.size());
    }

    @Test
    void aSizingErrorOtherThanInsufficientBufferFallsBack() {
        doAnswer(inv -> {
            lastError = 5;
            return false;
        }).when(authz).AuthzGetInformationFromContext(eq(CONTEXT), anyInt(), anyInt(), any(), any());
        localGroups(0, List.of());
        globalGroups(0, List.of());
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-ok");
        }
        assertEquals(MembershipSource.NETAPI_FALLBACK, r.membership().source());
        assertTrue(r.notes().get(0).message().contains("AuthzGetInformationFromContext failed with Win32 error 5 (ERROR_ACCESS_DENIED)"));
    }

    // --- NetAPI fallback ---

    @Test
    void whenAuthzReturnsFalseTheNetApiFallbackIsUsedAndMarkedIncomplete() {
        contextFails(1722);
        localGroups(0, List.of("lr-batch-users", "Administrators", "IIS_IUSRS"));
        globalGroups(0, List.of("None"));
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-batch");
        }
        AccountMembership m = r.membership();
        assertEquals(MembershipSource.NETAPI_FALLBACK, m.source());
        assertFalse(m.complete());
        assertEquals(LR_BATCH, m.sid());
        assertEquals(List.of(NONE, LR_BATCH_USERS, ADMINISTRATORS, IIS_IUSRS), sids(m));
        assertEquals("BUILTIN\\IIS_IUSRS", m.groups().get(3).name());
        assertEquals(JnaGroupMembershipReader.NETAPI_SOURCE, m.provenance().file());
        InputNote note = r.notes().get(0);
        assertEquals(InputNote.Level.WARNING, note.level());
        assertEquals("membership-incomplete", note.code());
        assertTrue(note.message().contains("AuthzInitializeContextFromSid failed with Win32 error 1722 (RPC_S_SERVER_UNAVAILABLE)"),
                note.message());
        assertTrue(note.message().contains("misses universal groups"), note.message());
        // A local account: this machine answers both calls, by the bare account name.
        verify(netapi).NetUserGetLocalGroups(isNull(), eq("lr-batch"), eq(0), eq(1), any(), eq(-1), any(), any());
        verify(netapi).NetUserGetGroups(isNull(), eq("lr-batch"), eq(0), any(), eq(-1), any(), any());
        verify(netapi, never()).DsGetDcName(any(), any(), any(), any(), anyInt(), any());
        verify(authz, never()).AuthzGetInformationFromContext(any(), anyInt(), anyInt(), any(), any());
    }

    @Test
    void aDomainAccountFallsBackToTheLocalGroupsAndItsDomainControllersGlobalGroups() {
        contextFails(5);
        localGroups(0, List.of("IIS_IUSRS"));
        globalGroups(0, List.of("Domain Users", "Web Servers"));
        domainController("\\\\DC01");
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read("contoso\\SVC-WEB");
        }
        AccountMembership m = r.membership();
        assertEquals("contoso\\SVC-WEB", m.account());
        assertEquals(List.of(DOMAIN_USERS, IIS_IUSRS), m.groups().stream().filter(Principal::hasSid).map(Principal::sid).toList());
        assertEquals(Principal.ofName("CONTOSO\\Web Servers"), m.groups().get(2), "an unresolvable group stays, by name");
        verify(netapi).NetUserGetLocalGroups(isNull(), eq("CONTOSO\\svc-web"), eq(0), eq(1), any(), eq(-1), any(), any());
        verify(netapi).DsGetDcName(isNull(), eq("CONTOSO"), isNull(), isNull(), eq(NetApi.DS_IS_FLAT_NAME), any());
        verify(netapi).NetUserGetGroups(eq("\\\\DC01"), eq("svc-web"), eq(0), any(), eq(-1), any(), any());
    }

    @Test
    void aUpnIdentityReachesNetApiByTheSamNameLsaGivesItsSid() {
        Sid john = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-2107");
        // LookupAccountName (through jna-platform) echoes the UPN's prefix; LSA names the SID jsmith.
        account("john.smith@contoso.com", john, "CONTOSO", "john.smith", SidNameUse.USER);
        lsa.name(john, "CONTOSO", "jsmith", SidNameUse.USER);
        contextFails(5);
        localGroups(0, List.of("IIS_IUSRS"));
        globalGroups(0, List.of("Domain Users"));
        domainController("\\\\DC02");
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read("john.smith@contoso.com");
        }
        assertEquals("john.smith@contoso.com", r.membership().account());
        verify(netapi).NetUserGetLocalGroups(isNull(), eq("CONTOSO\\jsmith"), eq(0), eq(1), any(), eq(-1), any(), any());
        verify(netapi).NetUserGetGroups(eq("\\\\DC02"), eq("jsmith"), eq(0), any(), eq(-1), any(), any());
        verify(netapi, never()).NetUserGetLocalGroups(any(), eq("CONTOSO\\john.smith"), anyInt(), anyInt(), any(), anyInt(),
                any(), any());
    }

    @Test
    void authzThatCannotUseS4uIsAskedAgainWithoutAndSaysSo() {
        tokenGroups = List.of(new Group(USERS, SE_GROUP_DEFAULT));
        doAnswer(inv -> {
            Pointer sid = inv.getArgument(1);
            contextSids.add(sid.getByteArray(0, 8 + 4 * (sid.getByte(1) & 0xFF)));
            failedContexts++;
            lastError = 1; // ERROR_INVALID_FUNCTION: no S4U here
            return false;
        }).when(authz).AuthzInitializeContextFromSid(eq(AuthzApi.AUTHZ_REQUIRE_S4U_LOGON), any(), any(), any(), any(), any(),
                any());
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-ok");
        }
        AccountMembership m = r.membership();
        assertEquals(List.of(USERS), sids(m));
        assertEquals(JnaGroupMembershipReader.AUTHZ_WITHOUT_S4U_SOURCE, m.provenance().file(), "labelled by what Authz did");
        assertTrue(m.complete(), "the account object has every real group; only logon-type SIDs are missing");
        assertEquals(List.of("membership-without-s4u"), r.notes().stream().map(InputNote::code).toList());
        assertTrue(r.notes().get(0).message().contains("without S4U (AuthzInitializeContextFromSid failed with Win32 error 1)"),
                r.notes().get(0).message());
        verify(authz).AuthzInitializeContextFromSid(eq(0), any(), any(), any(), any(), any(), any());
        verifyNoInteractions(netapi);
    }

    @Test
    void anUnreachableDomainControllerIsNotWordedAsAMissingAccount() {
        for (int error : List.of(1311, 1355, 1722, 1789)) {
            AccountResolver unreachable = name -> {
                throw new Win32CallException("LookupAccountName", error);
            };
            MembershipResult r;
            try (JnaGroupMembershipReader reader = new JnaGroupMembershipReader(authz, netapi, unreachable, lsa,
                    () -> lastError, HOST)) {
                r = reader.read("CONTOSO\\svc-web");
            }
            String message = r.notes().get(0).message();
            assertTrue(message.contains("The domain controller could not be reached"), error + ": " + message);
            assertFalse(message.contains("does not exist"), error + ": " + message);
        }
        MembershipResult unknown;
        try (JnaGroupMembershipReader reader = reader()) {
            unknown = reader.read("CONTOSO\\nobody");
        }
        assertTrue(unknown.notes().get(0).message().contains("an account that does not exist"), "1332 is a missing account");
    }

    @Test
    void anUnreachableDomainControllerKeepsTheLocalGroupsAndSaysTheGlobalOnesAreMissing() {
        contextFails(1355);
        localGroups(0, List.of("IIS_IUSRS"));
        doAnswer(inv -> 1355).when(netapi).DsGetDcName(any(), any(), any(), any(), anyInt(), any());
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read("CONTOSO\\svc-web");
        }
        assertEquals(List.of(IIS_IUSRS), sids(r.membership()));
        assertTrue(r.notes().get(0).message().contains("global groups are missing too: DsGetDcName failed with Win32 error 1355 (ERROR_NO_SUCH_DOMAIN)"),
                r.notes().get(0).message());
        verify(netapi, never()).NetUserGetGroups(any(), any(), anyInt(), any(), anyInt(), any(), any());
    }

    @Test
    void whenBothMethodsFailTheMembershipIsUnknownAndTheBufferIsStillFreed() {
        contextFails(1722);
        localGroups(2221, List.of()); // NetAPI may hand out a buffer even on failure
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-batch");
        }
        assertNull(r.membership());
        assertEquals("membership-unavailable", r.notes().get(0).code());
        assertTrue(r.notes().get(0).message().contains("NetUserGetLocalGroups failed with Win32 error 2221 (NERR_UserNotFound)"),
                r.notes().get(0).message());
        assertEquals(1, netFreed.size());
    }

    @Test
    void aFailedResourceManagerSendsEveryAccountToTheFallbackAndIsTriedOnce() {
        doAnswer(inv -> {
            lastError = 1314;
            return false;
        }).when(authz).AuthzInitializeResourceManager(anyInt(), any(), any(), any(), any(), any());
        localGroups(0, List.of("Users"));
        globalGroups(0, List.of());
        account("Users", USERS, "BUILTIN", "Users", SidNameUse.ALIAS);
        try (JnaGroupMembershipReader reader = reader()) {
            MembershipResult a = reader.read(".\\lr-ok");
            MembershipResult b = reader.read(".\\lr-batch");
            assertEquals(MembershipSource.NETAPI_FALLBACK, a.membership().source());
            assertEquals(MembershipSource.NETAPI_FALLBACK, b.membership().source());
            assertTrue(b.notes().get(0).message().contains("AuthzInitializeResourceManager failed with Win32 error 1314"),
                    b.notes().get(0).message());
        }
        verify(authz, times(1)).AuthzInitializeResourceManager(anyInt(), any(), any(), any(), any(), any());
        verify(authz, never()).AuthzInitializeContextFromSid(anyInt(), any(), any(), any(), any(), any(), any());
        verify(authz, never()).AuthzFreeResourceManager(any());
    }

    @Test
    void anAccountThatDoesNotResolveHasNoMembershipAndNoNativeCall() {
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read("CONTOSO\\gone");
        }
        assertNull(r.membership());
        assertEquals("account-unresolved", r.notes().get(0).code());
        assertTrue(r.notes().get(0).message().contains("LookupAccountName failed with Win32 error 1332 (ERROR_NONE_MAPPED)"));
        verifyNoInteractions(authz, netapi);
    }

    @Test
    void aNetApiArrayWithoutBufferIsMalformedNotACrash() {
        contextFails(5);
        localGroups(0, null);
        doAnswer(inv -> {
            inv.<IntByReference>getArgument(6).setValue(3);
            return 0;
        }).when(netapi).NetUserGetLocalGroups(any(), any(), anyInt(), anyInt(), any(), anyInt(), any(), any());
        MembershipResult r;
        try (JnaGroupMembershipReader reader = reader()) {
            r = reader.read(".\\lr-ok");
        }
        assertNull(r.membership());
        assertTrue(r.notes().get(0).message().contains("NetUserGetLocalGroups returned a malformed result: count 3 with no buffer"),
                r.notes().get(0).message());
    }
}
