package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;
import org.logonrights.platform.windows.LsaApi.LSA_ENUMERATION_INFORMATION;
import org.logonrights.platform.windows.LsaApi.LSA_OBJECT_ATTRIBUTES;
import org.logonrights.platform.windows.LsaApi.LSA_REFERENCED_DOMAIN_LIST;
import org.logonrights.platform.windows.LsaApi.LSA_TRANSLATED_NAME;
import org.logonrights.platform.windows.LsaApi.LSA_TRUST_INFORMATION;
import org.logonrights.platform.windows.LsaApi.LSA_UNICODE_STRING;

/**
 * {@link LocalSecurityPolicy} over the native LSA API, through an {@link LsaApi} so that tests can
 * hand in a mock and lay out LSA's buffers in JNA memory.
 *
 * <p>The handle is opened with POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION and nothing
 * more. Every buffer LSA returns is freed once with LsaFreeMemory in a {@code finally}, including
 * when the status is a failure and when decoding fails halfway.
 */
final class JnaLocalSecurityPolicy implements LocalSecurityPolicy {

    /** Exactly what enumerating rights and looking up SIDs needs; never POLICY_ALL_ACCESS. */
    static final int ACCESS = LsaApi.POLICY_LOOKUP_NAMES | LsaApi.POLICY_VIEW_LOCAL_INFORMATION;

    private static final String OPEN = "LsaOpenPolicy";
    private static final String ENUMERATE = "LsaEnumerateAccountsWithUserRight";
    private static final String LOOKUP = "LsaLookupSids2";

    private final LsaApi api;
    private Pointer handle;

    /**
     * Opens the policy of {@code computerOrNull} (null or blank: this machine) through {@code api}.
     * The handle is released by {@link #close()}; nothing is held when this constructor throws.
     */
    JnaLocalSecurityPolicy(LsaApi api, String computerOrNull) throws LsaException {
        this.api = Objects.requireNonNull(api, "api");
        LSA_UNICODE_STRING system = computerOrNull == null || computerOrNull.isBlank()
                ? null : LsaUnicodeString.forInput(computerOrNull.strip());
        PointerByReference out = new PointerByReference();
        int status = api.LsaOpenPolicy(system, new LSA_OBJECT_ATTRIBUTES(), ACCESS, out);
        if (!NtStatus.isSuccess(status)) {
            throw failure(OPEN, status);
        }
        if (out.getValue() == null) {
            throw LsaException.malformedResult(OPEN, status, "no policy handle", null);
        }
        this.handle = out.getValue();
    }

    /** Opens a policy through the real Advapi32 (loaded on this first use). */
    static JnaLocalSecurityPolicy open(String computerOrNull) throws LsaException {
        return new JnaLocalSecurityPolicy(LsaApi.Holder.ADVAPI32, computerOrNull);
    }

    @Override
    public List<Sid> accountsWithRight(UserRight right) throws LsaException {
        Objects.requireNonNull(right, "right");
        Pointer policy = requireOpen();
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        int status = api.LsaEnumerateAccountsWithUserRight(
                policy, LsaUnicodeString.forInput(right.constantName()), buffer, count);
        Pointer array = buffer.getValue();
        try {
            if (status == NtStatus.NO_MORE_ENTRIES) {
                return List.of();
            }
            if (status == NtStatus.NO_SUCH_PRIVILEGE) {
                throw new LsaNoSuchPrivilegeException(ENUMERATE, right, api.LsaNtStatusToWinError(status));
            }
            if (!NtStatus.isSuccess(status)) {
                throw failure(ENUMERATE, status);
            }
            return decodeAccounts(status, array, count.getValue());
        } finally {
            free(array);
        }
    }

    private static List<Sid> decodeAccounts(int status, Pointer array, int count) throws LsaException {
        if (count < 0 || (count > 0 && array == null)) {
            throw LsaException.malformedResult(ENUMERATE, status, "count " + Integer.toUnsignedString(count)
                    + " with " + (array == null ? "no buffer" : "a buffer"), null);
        }
        List<Sid> sids = new ArrayList<>(count);
        if (count == 0) {
            return sids;
        }
        try {
            LSA_ENUMERATION_INFORMATION[] entries = (LSA_ENUMERATION_INFORMATION[])
                    new LSA_ENUMERATION_INFORMATION(array).toArray(new LSA_ENUMERATION_INFORMATION[count]);
            for (LSA_ENUMERATION_INFORMATION e : entries) {
                sids.add(SidCodec.read(e.Sid));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw LsaException.malformedResult(ENUMERATE, status, "entry " + sids.size() + ": " + e.getMessage(), e);
        }
        return sids;
    }

    @Override
    public Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws LsaException {
        Pointer policy = requireOpen();
        List<Sid> unique = new ArrayList<>(new LinkedHashSet<>(sids));
        Map<Sid, ResolvedName> names = new LinkedHashMap<>();
        for (int from = 0; from < unique.size(); from += MAX_SIDS_PER_LOOKUP) {
            List<Sid> batch = unique.subList(from, Math.min(unique.size(), from + MAX_SIDS_PER_LOOKUP));
            lookupBatch(policy, batch, names);
        }
        return names;
    }

    private void lookupBatch(Pointer policy, List<Sid> batch, Map<Sid, ResolvedName> into) throws LsaException {
        PointerByReference domainsOut = new PointerByReference();
        PointerByReference namesOut = new PointerByReference();
        int status;
        try (Memory sidArray = SidCodec.pointerArray(batch)) {
            status = api.LsaLookupSids2(policy, 0, batch.size(), sidArray, domainsOut, namesOut);
        }
        Pointer domains = domainsOut.getValue();
        Pointer names = namesOut.getValue();
        try {
            if (status == NtStatus.NONE_MAPPED) {
                return;
            }
            if (!NtStatus.isSuccess(status)) {
                throw failure(LOOKUP, status);
            }
            decodeNames(status, batch, domains, names, into);
        } finally {
            try {
                free(domains);
            } finally {
                free(names);
            }
        }
    }

    private static void decodeNames(int status, List<Sid> batch, Pointer domains, Pointer names,
                                    Map<Sid, ResolvedName> into) throws LsaException {
        if (names == null) {
            throw LsaException.malformedResult(LOOKUP, status, "no names array", null);
        }
        String[] domainNames;
        try {
            domainNames = domainNames(domains);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw LsaException.malformedResult(LOOKUP, status, "referenced domains: " + e.getMessage(), e);
        }
        int entry = 0;
        try {
            LSA_TRANSLATED_NAME[] translated =
                    (LSA_TRANSLATED_NAME[]) new LSA_TRANSLATED_NAME(names).toArray(new LSA_TRANSLATED_NAME[batch.size()]);
            for (; entry < translated.length; entry++) {
                LSA_TRANSLATED_NAME t = translated[entry];
                SidNameUse use = SidNameUse.fromCode(t.Use).orElse(SidNameUse.UNKNOWN);
                if (use == SidNameUse.INVALID || use == SidNameUse.UNKNOWN) {
                    continue; // Name and DomainIndex "must be ignored": the SID stays unnamed.
                }
                String domain = domainOf(use, t.DomainIndex, domainNames);
                // For SidTypeDomain the Name member "must be ignored": the domain is the name.
                String name = use == SidNameUse.DOMAIN ? "" : LsaUnicodeString.decode(t.Name);
                if (!domain.isEmpty() || !name.isEmpty()) {
                    into.put(batch.get(entry), new ResolvedName(domain, name, use));
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw LsaException.malformedResult(LOOKUP, status,
                    "name " + entry + " (" + batch.get(entry) + "): " + e.getMessage(), e);
        }
    }

    private static String[] domainNames(Pointer list) {
        if (list == null) {
            return new String[0];
        }
        LSA_REFERENCED_DOMAIN_LIST l = new LSA_REFERENCED_DOMAIN_LIST(list);
        if (l.Entries < 0 || (l.Entries > 0 && l.Domains == null)) {
            throw new IllegalArgumentException("Entries " + Integer.toUnsignedString(l.Entries)
                    + " with " + (l.Domains == null ? "no" : "an") + " array");
        }
        String[] out = new String[l.Entries];
        if (l.Entries > 0) {
            LSA_TRUST_INFORMATION[] trust =
                    (LSA_TRUST_INFORMATION[]) new LSA_TRUST_INFORMATION(l.Domains).toArray(new LSA_TRUST_INFORMATION[l.Entries]);
            for (int i = 0; i < out.length; i++) {
                out[i] = LsaUnicodeString.decode(trust[i].Name);
            }
        }
        return out;
    }

    /**
     * The domain name for a translated SID. Microsoft documents DomainIndex as invalid for
     * SidTypeWellKnownGroup, yet Windows sets it (NT AUTHORITY\SYSTEM): use it when in range, and
     * only reject an out-of-range index where the documentation says it is valid.
     */
    private static String domainOf(SidNameUse use, int index, String[] domainNames) {
        if (index >= 0 && index < domainNames.length) {
            return domainNames[index];
        }
        if (index >= 0 && use != SidNameUse.WELL_KNOWN_GROUP) {
            throw new IllegalArgumentException(
                    "DomainIndex " + index + " outside the " + domainNames.length + " referenced domains");
        }
        return "";
    }

    @Override
    public void close() {
        Pointer h = handle;
        handle = null;
        if (h != null) {
            api.LsaClose(h);
        }
    }

    private Pointer requireOpen() {
        if (handle == null) {
            throw new IllegalStateException("the LSA policy handle is closed");
        }
        return handle;
    }

    private void free(Pointer buffer) {
        if (buffer != null) {
            api.LsaFreeMemory(buffer);
        }
    }

    private LsaException failure(String function, int status) {
        int win32 = api.LsaNtStatusToWinError(status);
        return status == NtStatus.ACCESS_DENIED ? new LsaAccessDeniedException(function, win32)
                : new LsaException(function, status, win32);
    }
}
