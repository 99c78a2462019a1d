package org.logonrights.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * Our own read-only JNA binding of the NetAPI functions (lmaccess.h, lmapibuf.h) that list an
 * account's groups: the degraded fallback when Authz cannot compute them.
 *
 * <p>jna-platform's {@code Netapi32} also binds NetUserAdd, NetUserDel and NetShareAdd, so it is not
 * used: this interface declares only readers, and a test pins the set. Every function returns a
 * NET_API_STATUS (0 = NERR_Success, otherwise a Win32 or NERR_* code). A buffer NetAPI returns is
 * freed by the caller with {@link #NetApiBufferFree}, once, also when the status is a failure. The
 * library is loaded by {@link Holder} on first use only.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/api/lmaccess/">lmaccess.h</a>
 */
public interface NetApi extends StdCallLibrary {

    /** NetUserGetLocalGroups: also the local groups the user belongs to through a global group. */
    int LG_INCLUDE_INDIRECT = 0x1;
    /** Let NetAPI allocate as much as the whole answer needs. */
    int MAX_PREFERRED_LENGTH = -1;

    /**
     * The local groups (aliases) of a user on a server.
     *
     * @param serverName null for this machine
     * @param userName {@code DOMAIN\name} for a domain account, {@code name} for one of the server
     * @param level 0: an array of LOCALGROUP_USERS_INFO_0, each one {@code LPWSTR} group name
     * @param flags {@link #LG_INCLUDE_INDIRECT}
     * @param buffer receives the array; the caller frees it with {@link #NetApiBufferFree}; the
     *     strings it points at go with it
     * @param preferredMaximumLength {@link #MAX_PREFERRED_LENGTH}
     * @param entriesRead receives the number of entries in the array
     * @param totalEntries receives the number of entries there are
     * @return a NET_API_STATUS
     */
    int NetUserGetLocalGroups(String serverName, String userName, int level, int flags, PointerByReference buffer,
                              int preferredMaximumLength, IntByReference entriesRead, IntByReference totalEntries);

    /**
     * The global groups of a user in its own domain.
     *
     * @param serverName the domain controller ({@code \\DC01}), or null for an account of this machine
     * @param userName the account name without its domain
     * @param level 0: an array of GROUP_USERS_INFO_0, each one {@code LPWSTR} group name
     * @param buffer receives the array; the caller frees it with {@link #NetApiBufferFree}
     * @param preferredMaximumLength {@link #MAX_PREFERRED_LENGTH}
     * @param entriesRead receives the number of entries in the array
     * @param totalEntries receives the number of entries there are
     * @return a NET_API_STATUS
     */
    int NetUserGetGroups(String serverName, String userName, int level, PointerByReference buffer,
                         int preferredMaximumLength, IntByReference entriesRead, IntByReference totalEntries);

    /** DsGetDcName flag: the domain name is a NetBIOS (flat) name, as LookupAccountSid gives it. */
    int DS_IS_FLAT_NAME = 0x0001_0000;

    /**
     * A domain controller of a domain, any writable or read-only one that answers (DsGetDcNameW);
     * NetGetDCName would name only the PDC emulator, which may be far away or down.
     *
     * @param computerName null: ask from this machine
     * @param domainName the NetBIOS domain name
     * @param domainGuid null
     * @param siteName null: the site of this machine
     * @param flags {@link #DS_IS_FLAT_NAME}
     * @param domainControllerInfo receives a DOMAIN_CONTROLLER_INFOW whose first field is {@code \\NAME};
     *        the caller frees it with {@link #NetApiBufferFree}
     * @return a Win32 error code, 0 on success
     */
    int DsGetDcName(String computerName, String domainName, Pointer domainGuid, String siteName, int flags,
                    PointerByReference domainControllerInfo);

    /** Frees a buffer a NetAPI function returned. Never pass memory the caller allocated. */
    int NetApiBufferFree(Pointer buffer);

    /** Loads Netapi32 on first use, so that tests that mock {@link NetApi} never load it. */
    final class Holder {
        static final NetApi NETAPI32 = Native.load("Netapi32", NetApi.class, W32APIOptions.UNICODE_OPTIONS);

        private Holder() {
        }
    }
}
