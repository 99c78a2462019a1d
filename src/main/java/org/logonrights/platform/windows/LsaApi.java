package org.logonrights.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * Our own read-only JNA binding of the LSA policy functions in Advapi32 (ntsecapi.h), which
 * jna-platform does not bind.
 *
 * <p>Only functions that read are declared, so the tool cannot change a policy by mistake; a test
 * pins the set. Every function returns an NTSTATUS; turn one into a Win32 error with
 * {@link #LsaNtStatusToWinError}. Memory LSA allocates is freed with {@link #LsaFreeMemory}, once,
 * by the caller. The library is loaded by {@link Holder} on first use only.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/api/ntsecapi/">ntsecapi.h</a>
 */
public interface LsaApi extends StdCallLibrary {

    /** Access right to look up names and SIDs (LsaLookupSids2). */
    int POLICY_LOOKUP_NAMES = 0x00000800;
    /** Access right to enumerate accounts and rights (LsaEnumerateAccountsWithUserRight). */
    int POLICY_VIEW_LOCAL_INFORMATION = 0x00000001;

    /**
     * Opens a handle to a machine's Policy object.
     *
     * @param systemName the target machine, or null for this one; read by LSA, owned by the caller
     * @param objectAttributes must be zeroed (LSA ignores it); owned by the caller
     * @param desiredAccess the access mask; ask for no more than the call needs
     * @param policyHandle receives the handle. The caller owns it and must release it with
     *     {@link #LsaClose}, exactly once; it is not valid when the call fails
     * @return an NTSTATUS
     */
    int LsaOpenPolicy(LSA_UNICODE_STRING systemName, LSA_OBJECT_ATTRIBUTES objectAttributes,
                      int desiredAccess, PointerByReference policyHandle);

    /**
     * Lists the accounts that hold a right or privilege directly (groups are not expanded). Needs
     * POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION.
     *
     * @param policyHandle from {@link #LsaOpenPolicy}
     * @param userRight the right's constant name (e.g. {@code SeBatchLogonRight}); owned by the caller
     * @param buffer receives an array of {@link LSA_ENUMERATION_INFORMATION}. The caller frees the
     *     returned pointer with {@link #LsaFreeMemory}, once, also when the status is a failure; the
     *     SIDs it points at go with it and are never freed separately (Microsoft documents freeing
     *     only the returned pointer)
     * @param countReturned receives the number of array entries
     * @return an NTSTATUS; STATUS_NO_MORE_ENTRIES (0x8000001A) when nobody holds the right,
     *     STATUS_NO_SUCH_PRIVILEGE (0xC0000060) for an unknown right name
     */
    int LsaEnumerateAccountsWithUserRight(Pointer policyHandle, LSA_UNICODE_STRING userRight,
                                          PointerByReference buffer, IntByReference countReturned);

    /**
     * Translates SIDs to names. Needs POLICY_LOOKUP_NAMES.
     *
     * @param policyHandle from {@link #LsaOpenPolicy}
     * @param lookupOptions 0, or LSA_LOOKUP_* flags
     * @param count the number of SIDs; at most 20480 per Microsoft
     * @param sids an array of {@code count} SID pointers; array and SIDs are owned by the caller
     * @param referencedDomains receives an {@link LSA_REFERENCED_DOMAIN_LIST}; the caller frees it
     *     with {@link #LsaFreeMemory}, also when the status is STATUS_SOME_NOT_MAPPED or
     *     STATUS_NONE_MAPPED
     * @param names receives {@code count} {@link LSA_TRANSLATED_NAME} entries, in the order of
     *     {@code sids}; the caller frees the array with {@link #LsaFreeMemory}, also on those statuses.
     *     The name strings inside both buffers go with them and are never freed separately
     * @return an NTSTATUS; STATUS_SOME_NOT_MAPPED (0x00000107) and STATUS_NONE_MAPPED (0xC0000073)
     *     when some or none of the SIDs could be translated
     */
    int LsaLookupSids2(Pointer policyHandle, int lookupOptions, int count, Pointer sids,
                       PointerByReference referencedDomains, PointerByReference names);

    /**
     * Frees a buffer an LSA function allocated and returned. Never pass memory the caller allocated.
     *
     * @return an NTSTATUS
     */
    int LsaFreeMemory(Pointer buffer);

    /**
     * Closes a handle from {@link #LsaOpenPolicy}. The handle is invalid afterwards.
     *
     * @return an NTSTATUS
     */
    int LsaClose(Pointer objectHandle);

    /**
     * Maps an NTSTATUS to a Win32 error code (e.g. 0xC0000022 to 5). Allocates nothing.
     *
     * @return the Win32 error, ERROR_MR_MID_NOT_FOUND (317) when there is no mapping
     */
    int LsaNtStatusToWinError(int status);

    /**
     * Loads Advapi32 on first use: a nested holder so that neither tests that mock {@link LsaApi}
     * nor anything on the offline path ever loads the native library.
     */
    final class Holder {
        static final LsaApi ADVAPI32 = Native.load("Advapi32", LsaApi.class, W32APIOptions.UNICODE_OPTIONS);

        private Holder() {
        }
    }

    /**
     * A counted UTF-16 string. {@code Length} and {@code MaximumLength} are in bytes; the buffer is
     * not necessarily NUL-terminated, so read it only with {@link LsaUnicodeString#decode}.
     */
    @FieldOrder({"Length", "MaximumLength", "Buffer"})
    class LSA_UNICODE_STRING extends Structure {
        public short Length;
        public short MaximumLength;
        public Pointer Buffer;
        /** Keeps an input buffer we allocated reachable as long as the structure is. */
        private Memory owned;

        public LSA_UNICODE_STRING() {
        }

        public LSA_UNICODE_STRING(Pointer p) {
            super(p);
            read();
        }

        void own(Memory buffer) {
            this.owned = buffer;
            this.Buffer = buffer;
        }
    }

    /** Object attributes for LsaOpenPolicy: unused by LSA, passed zeroed with only Length set. */
    @FieldOrder({"Length", "RootDirectory", "ObjectName", "Attributes", "SecurityDescriptor", "SecurityQualityOfService"})
    class LSA_OBJECT_ATTRIBUTES extends Structure {
        public int Length;
        public Pointer RootDirectory;
        public Pointer ObjectName;
        public int Attributes;
        public Pointer SecurityDescriptor;
        public Pointer SecurityQualityOfService;

        public LSA_OBJECT_ATTRIBUTES() {
            Length = size();
        }
    }

    /** One entry of LsaEnumerateAccountsWithUserRight's output: a pointer to a SID. */
    @FieldOrder({"Sid"})
    class LSA_ENUMERATION_INFORMATION extends Structure {
        /** PSID: points into the same LSA allocation as the array. */
        public Pointer Sid;

        public LSA_ENUMERATION_INFORMATION() {
        }

        public LSA_ENUMERATION_INFORMATION(Pointer p) {
            super(p);
            read();
        }
    }

    /** One translated SID from LsaLookupSids2: kind, isolated name, and index into the domain list. */
    @FieldOrder({"Use", "Name", "DomainIndex"})
    class LSA_TRANSLATED_NAME extends Structure {
        /** A SID_NAME_USE value. */
        public int Use;
        public LSA_UNICODE_STRING Name;
        /** Index into {@link LSA_REFERENCED_DOMAIN_LIST#Domains}; negative when there is no domain. */
        public int DomainIndex;

        public LSA_TRANSLATED_NAME() {
        }

        public LSA_TRANSLATED_NAME(Pointer p) {
            super(p);
            read();
        }
    }

    /** The domains LsaLookupSids2 found SIDs in. */
    @FieldOrder({"Entries", "Domains"})
    class LSA_REFERENCED_DOMAIN_LIST extends Structure {
        public int Entries;
        /** PLSA_TRUST_INFORMATION: an array of {@code Entries} elements, or null. */
        public Pointer Domains;

        public LSA_REFERENCED_DOMAIN_LIST() {
        }

        public LSA_REFERENCED_DOMAIN_LIST(Pointer p) {
            super(p);
            read();
        }
    }

    /** A domain's flat (NetBIOS) name and SID. */
    @FieldOrder({"Name", "Sid"})
    class LSA_TRUST_INFORMATION extends Structure {
        public LSA_UNICODE_STRING Name;
        /** PSID. */
        public Pointer Sid;

        public LSA_TRUST_INFORMATION() {
        }

        public LSA_TRUST_INFORMATION(Pointer p) {
            super(p);
            read();
        }
    }
}
