package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;
import org.logonrights.platform.windows.LsaApi.LSA_OBJECT_ATTRIBUTES;
import org.logonrights.platform.windows.LsaApi.LSA_UNICODE_STRING;
import org.logonrights.platform.windows.X64LsaBuffers.Domain;
import org.logonrights.platform.windows.X64LsaBuffers.Name;

/**
 * {@link JnaLocalSecurityPolicy} over a mocked {@link LsaApi} whose answers fill the out-parameters
 * with buffers laid out as 64-bit Windows returns them. After each test, every buffer handed out
 * must have been freed exactly once.
 */
class JnaLocalSecurityPolicyTest {

    private static final Pointer HANDLE = new Pointer(0x5EC0_1000L);
    private static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    private static final Sid IIS_IUSRS = Sid.parse("S-1-5-32-568");
    private static final Sid SVC_WEB = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-1105");

    private final LsaApi api = mock(LsaApi.class);
    private final X64LsaBuffers buffers = new X64LsaBuffers();
    /** Native addresses handed to the code under test, and those it passed to LsaFreeMemory. */
    private final List<Long> returned = new ArrayList<>();
    private final List<Long> freed = new ArrayList<>();
    /** What the fake LSA can translate; anything else is unmapped. */
    private final Map<Sid, Account> directory = new HashMap<>();
    private final List<List<Sid>> lookupBatches = new ArrayList<>();

    private record Account(String domain, String name, SidNameUse use) {
    }

    @BeforeEach
    void fakeLsa() {
        when(api.LsaOpenPolicy(any(), any(), anyInt(), any())).thenAnswer(inv -> {
            inv.<PointerByReference>getArgument(3).setValue(HANDLE);
            return NtStatus.SUCCESS;
        });
        when(api.LsaFreeMemory(any())).thenAnswer(inv -> {
            freed.add(Pointer.nativeValue(inv.getArgument(0)));
            return NtStatus.SUCCESS;
        });
        when(api.LsaNtStatusToWinError(anyInt())).thenAnswer(inv -> switch (inv.<Integer>getArgument(0)) {
            case NtStatus.ACCESS_DENIED -> 5;
            case NtStatus.NO_SUCH_PRIVILEGE -> 1313;
            case NtStatus.RPC_SERVER_UNAVAILABLE -> 1722;
            case NtStatus.UNSUCCESSFUL -> 31;
            default -> 317;
        });
        when(api.LsaLookupSids2(eq(HANDLE), anyInt(), anyInt(), any(), any(), any())).thenAnswer(inv -> {
            List<Sid> batch = readSidArray(inv.getArgument(3), inv.getArgument(2));
            lookupBatches.add(batch);
            return answerLookup(batch, inv.getArgument(4), inv.getArgument(5));
        });
    }

    @AfterEach
    void everyReturnedBufferFreedExactlyOnce() {
        assertEquals(returned.stream().sorted().toList(), freed.stream().sorted().toList(),
                "each buffer LSA returned must be passed to LsaFreeMemory exactly once");
    }

    private Memory handOut(Memory m) {
        returned.add(Pointer.nativeValue(m));
        return m;
    }

    private static List<Sid> readSidArray(Pointer array, int count) {
        List<Sid> sids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sids.add(SidCodec.read(array.getPointer((long) i * X64LsaBuffers.POINTER)));
        }
        return sids;
    }

    /** Builds the two output buffers the way LSA does: one domain entry per distinct domain. */
    private int answerLookup(List<Sid> batch, PointerByReference domainsOut, PointerByReference namesOut) {
        List<Domain> domains = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Name> names = new ArrayList<>();
        int mapped = 0;
        for (Sid sid : batch) {
            Account a = directory.get(sid);
            if (a == null) {
                names.add(new Name(SidNameUse.UNKNOWN.code(), "", -1));
                continue;
            }
            mapped++;
            int di = a.domain() == null ? -1 : index.computeIfAbsent(a.domain(), d -> {
                domains.add(new Domain(d, null));
                return domains.size() - 1;
            });
            names.add(new Name(a.use().code(), a.name(), di));
        }
        domainsOut.setValue(handOut(buffers.referencedDomains(domains)));
        namesOut.setValue(handOut(buffers.translatedNames(names)));
        return mapped == batch.size() ? NtStatus.SUCCESS : mapped == 0 ? NtStatus.NONE_MAPPED : NtStatus.SOME_NOT_MAPPED;
    }

    private void enumerationReturns(int status, Memory buffer, int count) {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(2).setValue(buffer == null ? null : handOut(buffer));
            inv.<IntByReference>getArgument(3).setValue(count);
            return status;
        }).when(api).LsaEnumerateAccountsWithUserRight(eq(HANDLE), any(), any(), any());
    }

    private JnaLocalSecurityPolicy openLocal() throws LsaException {
        return new JnaLocalSecurityPolicy(api, null);
    }

    // --- LsaOpenPolicy ---

    @Test
    void opensTheLocalPolicyWithExactlyLookupNamesAndViewLocalInformation() throws LsaException {
        List<Object[]> calls = new ArrayList<>();
        doAnswer(inv -> {
            calls.add(inv.getArguments());
            inv.<PointerByReference>getArgument(3).setValue(HANDLE);
            return NtStatus.SUCCESS;
        }).when(api).LsaOpenPolicy(any(), any(), anyInt(), any());
        openLocal().close();
        assertEquals(1, calls.size());
        assertNull(calls.get(0)[0], "a null system name opens the local policy");
        LSA_OBJECT_ATTRIBUTES attributes = (LSA_OBJECT_ATTRIBUTES) calls.get(0)[1];
        assertEquals(attributes.size(), attributes.Length);
        assertNull(attributes.RootDirectory);
        assertNull(attributes.ObjectName);
        assertEquals(0, attributes.Attributes);
        assertNull(attributes.SecurityDescriptor);
        assertNull(attributes.SecurityQualityOfService);
        assertEquals(0x801, (int) calls.get(0)[2], "POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION, nothing more");
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void opensARemotePolicyByACountedName() throws LsaException {
        List<LSA_UNICODE_STRING> systems = new ArrayList<>();
        doAnswer(inv -> {
            systems.add(inv.getArgument(0));
            inv.<PointerByReference>getArgument(3).setValue(HANDLE);
            return NtStatus.SUCCESS;
        }).when(api).LsaOpenPolicy(any(), any(), anyInt(), any());
        new JnaLocalSecurityPolicy(api, " WEB01 ").close();
        LSA_UNICODE_STRING s = systems.get(0);
        assertEquals(10, s.Length);
        assertEquals(12, s.MaximumLength);
        assertEquals("WEB01", LsaUnicodeString.decode(s));
        assertEquals(0, s.Buffer.getShort(10), "input strings carry a terminator");
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void accessDeniedOnOpenIsTypedAndHoldsNoHandle() {
        doReturn(NtStatus.ACCESS_DENIED).when(api).LsaOpenPolicy(any(), any(), anyInt(), any());
        LsaException e = assertThrows(LsaException.class, this::openLocal);
        assertInstanceOf(LsaAccessDeniedException.class, e);
        assertTrue(e.isAccessDenied());
        assertEquals("LsaOpenPolicy", e.function());
        assertEquals("0xC0000022", e.ntStatusHex());
        assertEquals(5, e.win32Error());
        assertTrue(e.getMessage().contains("0xC0000022") && e.getMessage().contains("STATUS_ACCESS_DENIED"), e.getMessage());
        verify(api, never()).LsaClose(any());
    }

    @Test
    void otherOpenFailuresKeepTheirStatus() {
        doReturn(NtStatus.RPC_SERVER_UNAVAILABLE).when(api).LsaOpenPolicy(any(), any(), anyInt(), any());
        LsaException e = assertThrows(LsaException.class, () -> new JnaLocalSecurityPolicy(api, "GONE01"));
        assertEquals(LsaException.class, e.getClass());
        assertFalse(e.isAccessDenied());
        assertEquals("0xC0020017", e.ntStatusHex());
        assertEquals(1722, e.win32Error());
        verify(api, never()).LsaClose(any());
    }

    @Test
    void successWithoutAHandleIsMalformed() {
        doReturn(NtStatus.SUCCESS).when(api).LsaOpenPolicy(any(), any(), anyInt(), any());
        LsaException e = assertThrows(LsaException.class, this::openLocal);
        assertTrue(e.getMessage().contains("no policy handle"), e.getMessage());
        verify(api, never()).LsaClose(any());
    }

    // --- LsaEnumerateAccountsWithUserRight ---

    @Test
    void enumeratesSidsFromTheArrayOfSidPointersAndPassesACountedRightName() throws LsaException {
        List<String> rightsAsked = new ArrayList<>();
        Memory array = buffers.enumeration(List.of(ADMINISTRATORS, IIS_IUSRS, SVC_WEB));
        when(api.LsaEnumerateAccountsWithUserRight(eq(HANDLE), any(), any(), any())).thenAnswer(inv -> {
            LSA_UNICODE_STRING right = inv.getArgument(1);
            assertEquals(right.Length + 2, right.MaximumLength);
            assertEquals(0, right.Buffer.getShort(Short.toUnsignedInt(right.Length)));
            rightsAsked.add(new String(right.Buffer.getByteArray(0, right.Length), StandardCharsets.UTF_16LE));
            inv.<PointerByReference>getArgument(2).setValue(handOut(array));
            inv.<IntByReference>getArgument(3).setValue(3);
            return NtStatus.SUCCESS;
        });
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(List.of(ADMINISTRATORS, IIS_IUSRS, SVC_WEB), policy.accountsWithRight(UserRight.BATCH));
        }
        assertEquals(List.of("SeBatchLogonRight"), rightsAsked);
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void noMoreEntriesMeansNobodyHoldsTheRight() throws LsaException {
        enumerationReturns(NtStatus.NO_MORE_ENTRIES, null, 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(List.of(), policy.accountsWithRight(UserRight.DENY_BATCH));
        }
        verify(api, never()).LsaFreeMemory(any());
    }

    @Test
    void aBufferReturnedWithNoMoreEntriesIsStillFreed() throws LsaException {
        enumerationReturns(NtStatus.NO_MORE_ENTRIES, buffers.allocate(8), 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(List.of(), policy.accountsWithRight(UserRight.DENY_SERVICE));
        }
    }

    @Test
    void successWithZeroEntriesIsEmpty() throws LsaException {
        enumerationReturns(NtStatus.SUCCESS, buffers.allocate(8), 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(List.of(), policy.accountsWithRight(UserRight.SERVICE));
        }
    }

    @Test
    void noSuchPrivilegeNamesTheRight() throws LsaException {
        enumerationReturns(NtStatus.NO_SUCH_PRIVILEGE, null, 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaNoSuchPrivilegeException e = assertThrows(LsaNoSuchPrivilegeException.class,
                    () -> policy.accountsWithRight(UserRight.DENY_REMOTE_INTERACTIVE));
            assertEquals(UserRight.DENY_REMOTE_INTERACTIVE, e.right());
            assertEquals("0xC0000060", e.ntStatusHex());
            assertEquals(1313, e.win32Error());
            assertEquals("LsaEnumerateAccountsWithUserRight", e.function());
            assertTrue(e.getMessage().contains("SeDenyRemoteInteractiveLogonRight"), e.getMessage());
        }
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void accessDeniedAfterASuccessfulOpenStillClosesTheHandleOnce() throws LsaException {
        enumerationReturns(NtStatus.ACCESS_DENIED, buffers.allocate(8), 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaException e = assertThrows(LsaAccessDeniedException.class, () -> policy.accountsWithRight(UserRight.BATCH));
            assertEquals("LsaEnumerateAccountsWithUserRight", e.function());
            assertEquals(5, e.win32Error());
        }
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void anyOtherFailureIsAPlainLsaException() throws LsaException {
        enumerationReturns(NtStatus.UNSUCCESSFUL, null, 0);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaException e = assertThrows(LsaException.class, () -> policy.accountsWithRight(UserRight.SERVICE));
            assertEquals(LsaException.class, e.getClass());
            assertEquals("0xC0000001", e.ntStatusHex());
            assertEquals(31, e.win32Error());
        }
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void aMalformedSidHalfwayIsReportedAndTheBufferStillFreedOnce() throws LsaException {
        Memory array = buffers.enumeration(List.of(ADMINISTRATORS, IIS_IUSRS));
        array.getPointer(8).setByte(0, (byte) 2); // second SID: revision 2
        enumerationReturns(NtStatus.SUCCESS, array, 2);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaException e = assertThrows(LsaException.class, () -> policy.accountsWithRight(UserRight.BATCH));
            assertTrue(e.getMessage().contains("malformed") && e.getMessage().contains("entry 1"), e.getMessage());
        }
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void aNegativeCountOrAMissingBufferIsMalformed() throws LsaException {
        enumerationReturns(NtStatus.SUCCESS, buffers.allocate(8), -1);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertThrows(LsaException.class, () -> policy.accountsWithRight(UserRight.BATCH));
        }
        enumerationReturns(NtStatus.SUCCESS, null, 2);
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertThrows(LsaException.class, () -> policy.accountsWithRight(UserRight.BATCH));
        }
        verify(api, times(2)).LsaClose(HANDLE);
    }

    // --- LsaLookupSids2 ---

    @Test
    void translatesNamesWithTheirDomainsAndLeavesUnmappedSidsUnnamed() throws LsaException {
        Sid everyone = Sid.parse("S-1-1-0");
        Sid system = Sid.parse("S-1-5-18");
        Sid contoso = Sid.parse("S-1-5-21-1004336348-1177238915-682003330");
        Sid deleted = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-9999");
        Sid pool = Sid.parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415");
        Sid noDomain = Sid.parse("S-1-5-20");
        directory.put(ADMINISTRATORS, new Account("BUILTIN", "Administrators", SidNameUse.ALIAS));
        directory.put(everyone, new Account("", "Everyone", SidNameUse.WELL_KNOWN_GROUP));
        directory.put(system, new Account("NT AUTHORITY", "SYSTEM", SidNameUse.WELL_KNOWN_GROUP));
        directory.put(SVC_WEB, new Account("CONTOSO", "svc-web", SidNameUse.USER));
        directory.put(contoso, new Account("CONTOSO", "garbage the caller must ignore", SidNameUse.DOMAIN));
        directory.put(pool, new Account("IIS APPPOOL", "DefaultAppPool", SidNameUse.WELL_KNOWN_GROUP));
        directory.put(noDomain, new Account(null, "NETWORK SERVICE", SidNameUse.WELL_KNOWN_GROUP));

        Map<Sid, ResolvedName> names;
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            names = policy.lookupSids(List.of(ADMINISTRATORS, everyone, system, SVC_WEB, contoso, deleted, pool, noDomain));
        }
        assertEquals(new ResolvedName("BUILTIN", "Administrators", SidNameUse.ALIAS), names.get(ADMINISTRATORS));
        assertEquals("Everyone", names.get(everyone).qualifiedName());
        assertEquals("NT AUTHORITY\\SYSTEM", names.get(system).qualifiedName());
        assertEquals("CONTOSO\\svc-web", names.get(SVC_WEB).qualifiedName());
        assertEquals(new ResolvedName("CONTOSO", "", SidNameUse.DOMAIN), names.get(contoso));
        assertEquals("IIS APPPOOL\\DefaultAppPool", names.get(pool).qualifiedName());
        assertEquals(new ResolvedName("", "NETWORK SERVICE", SidNameUse.WELL_KNOWN_GROUP), names.get(noDomain));
        assertFalse(names.containsKey(deleted), "an unmapped SID gets no name");
        assertEquals(7, names.size());
        assertEquals(1, lookupBatches.size());
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void noneMappedIsNotAnErrorAndBothBuffersAreFreed() throws LsaException {
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(Map.of(), policy.lookupSids(List.of(SVC_WEB, IIS_IUSRS)));
        }
        assertEquals(2, freed.size());
    }

    @Test
    void aLookupFailureFreesWhateverWasReturned() throws LsaException {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(4).setValue(handOut(buffers.referencedDomains(List.of())));
            return NtStatus.ACCESS_DENIED;
        }).when(api).LsaLookupSids2(eq(HANDLE), anyInt(), anyInt(), any(), any(), any());
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaException e = assertThrows(LsaAccessDeniedException.class, () -> policy.lookupSids(List.of(SVC_WEB)));
            assertEquals("LsaLookupSids2", e.function());
        }
        assertEquals(1, freed.size());
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void aDomainIndexOutsideTheListIsMalformedAndBothBuffersAreFreed() throws LsaException {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(4).setValue(handOut(buffers.referencedDomains(
                    List.of(new Domain("BUILTIN", Sid.parse("S-1-5-32"))))));
            inv.<PointerByReference>getArgument(5).setValue(handOut(buffers.translatedNames(List.of(
                    new Name(SidNameUse.ALIAS.code(), "Administrators", 0),
                    new Name(SidNameUse.USER.code(), "svc-web", 3)))));
            return NtStatus.SUCCESS;
        }).when(api).LsaLookupSids2(eq(HANDLE), anyInt(), anyInt(), any(), any(), any());
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            LsaException e = assertThrows(LsaException.class, () -> policy.lookupSids(List.of(ADMINISTRATORS, SVC_WEB)));
            assertTrue(e.getMessage().contains("DomainIndex 3") && e.getMessage().contains(SVC_WEB.toString()), e.getMessage());
        }
        assertEquals(2, freed.size());
        verify(api, times(1)).LsaClose(HANDLE);
    }

    @Test
    void aWellKnownGroupsDomainIndexIsOnlyUsedWhenInRange() throws LsaException {
        doAnswer(inv -> {
            inv.<PointerByReference>getArgument(4).setValue(handOut(buffers.referencedDomains(List.of())));
            inv.<PointerByReference>getArgument(5).setValue(handOut(buffers.translatedNames(List.of(
                    new Name(SidNameUse.WELL_KNOWN_GROUP.code(), "Everyone", 7)))));
            return NtStatus.SUCCESS;
        }).when(api).LsaLookupSids2(eq(HANDLE), anyInt(), anyInt(), any(), any(), any());
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(Map.of(Sid.parse("S-1-1-0"), new ResolvedName("", "Everyone", SidNameUse.WELL_KNOWN_GROUP)),
                    policy.lookupSids(List.of(Sid.parse("S-1-1-0"))));
        }
    }

    @Test
    void lookupsAreBatchedAtAThousandSidsPerCallNeverOnePerSid() throws LsaException {
        List<Sid> sids = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            Sid sid = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-" + (10_000 + i));
            sids.add(sid);
            directory.put(sid, new Account("CONTOSO", "user" + i, SidNameUse.USER));
        }
        Map<Sid, ResolvedName> names;
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            names = policy.lookupSids(sids);
        }
        verify(api, times(3)).LsaLookupSids2(eq(HANDLE), eq(0), anyInt(), any(), any(), any());
        assertEquals(List.of(1000, 1000, 500), lookupBatches.stream().map(List::size).toList());
        assertEquals(sids, lookupBatches.stream().flatMap(List::stream).toList(), "each SID passed once, in order");
        assertEquals(2500, names.size());
        assertEquals("CONTOSO\\user2499", names.get(sids.get(2499)).qualifiedName());
        assertEquals(6, freed.size());
    }

    @Test
    void aFewSidsTakeOneCallAndDuplicatesAreLookedUpOnce() throws LsaException {
        directory.put(ADMINISTRATORS, new Account("BUILTIN", "Administrators", SidNameUse.ALIAS));
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            policy.lookupSids(List.of(ADMINISTRATORS, IIS_IUSRS, ADMINISTRATORS, SVC_WEB, IIS_IUSRS));
        }
        assertEquals(List.of(List.of(ADMINISTRATORS, IIS_IUSRS, SVC_WEB)), lookupBatches);
    }

    @Test
    void nothingToLookUpMakesNoCall() throws LsaException {
        try (JnaLocalSecurityPolicy policy = openLocal()) {
            assertEquals(Map.of(), policy.lookupSids(List.of()));
        }
        verify(api, never()).LsaLookupSids2(any(), anyInt(), anyInt(), any(), any(), any());
    }

    // --- LsaClose ---

    @Test
    void closeIsIdempotentAndAClosedPolicyRefusesCalls() throws LsaException {
        JnaLocalSecurityPolicy policy = openLocal();
        policy.close();
        policy.close();
        verify(api, times(1)).LsaClose(HANDLE);
        assertThrows(IllegalStateException.class, () -> policy.accountsWithRight(UserRight.BATCH));
        assertThrows(IllegalStateException.class, () -> policy.lookupSids(List.of(ADMINISTRATORS)));
        verify(api, never()).LsaEnumerateAccountsWithUserRight(any(), any(), any(), any());
    }

    @Test
    void theRequestedMaskHasNoWriteBits() {
        assertEquals(0x801, JnaLocalSecurityPolicy.ACCESS);
        // POLICY_TRUST_ADMIN 0x8, CREATE_ACCOUNT 0x10, CREATE_SECRET 0x20, SET_DEFAULT_QUOTA_LIMITS 0x80,
        // SET_AUDIT_REQUIREMENTS 0x100, AUDIT_LOG_ADMIN 0x200, SERVER_ADMIN 0x400, plus DELETE/WRITE_DAC/WRITE_OWNER.
        int writeBits = 0x8 | 0x10 | 0x20 | 0x80 | 0x100 | 0x200 | 0x400 | 0x0001_0000 | 0x0004_0000 | 0x0008_0000;
        assertEquals(0, JnaLocalSecurityPolicy.ACCESS & writeBits);
    }

    @Test
    void statusHexIsUnsignedAndUpperCase() {
        assertEquals("0x8000001A", NtStatus.hex(NtStatus.NO_MORE_ENTRIES));
        assertEquals("0x00000107", NtStatus.hex(NtStatus.SOME_NOT_MAPPED));
        assertTrue(NtStatus.isSuccess(NtStatus.SOME_NOT_MAPPED));
        assertFalse(NtStatus.isSuccess(NtStatus.NO_MORE_ENTRIES));
        assertFalse(NtStatus.isSuccess(NtStatus.NONE_MAPPED));
        LsaException e = new LsaException("LsaClose", 0xC0000008, 6);
        assertEquals("LsaClose failed with NTSTATUS 0xC0000008 (STATUS_INVALID_HANDLE, Win32 error 6)", e.getMessage());
        assertNull(e.getCause());
    }
}
