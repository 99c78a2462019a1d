package org.logonrights.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The NetAPI calls of the membership fallback, over {@link NetApi}: a user's local groups (with
 * LG_INCLUDE_INDIRECT), its global groups, and a domain's controller. Every buffer NetAPI returns is
 * freed once with NetApiBufferFree, in a {@code finally}, also when the status is a failure.
 */
final class NetApiGroups {

    private static final String LOCAL_GROUPS = "NetUserGetLocalGroups";
    private static final String GLOBAL_GROUPS = "NetUserGetGroups";
    private static final String DC_NAME = "DsGetDcName";
    private static final int NERR_SUCCESS = 0;

    private final NetApi netapi;

    NetApiGroups(NetApi netapi) {
        this.netapi = Objects.requireNonNull(netapi, "netapi");
    }

    /** The names of the local groups {@code user} belongs to on this machine, directly or through a global group. */
    List<String> localGroups(String user) throws Win32CallException {
        PointerByReference buffer = new PointerByReference();
        IntByReference read = new IntByReference();
        IntByReference total = new IntByReference();
        int status = netapi.NetUserGetLocalGroups(null, user, 0, NetApi.LG_INCLUDE_INDIRECT, buffer,
                NetApi.MAX_PREFERRED_LENGTH, read, total);
        return names(LOCAL_GROUPS, status, buffer.getValue(), read.getValue());
    }

    /** The names of the global groups of {@code user} on {@code server} (null: this machine). */
    List<String> globalGroups(String server, String user) throws Win32CallException {
        PointerByReference buffer = new PointerByReference();
        IntByReference read = new IntByReference();
        IntByReference total = new IntByReference();
        int status = netapi.NetUserGetGroups(server, user, 0, buffer, NetApi.MAX_PREFERRED_LENGTH, read, total);
        return names(GLOBAL_GROUPS, status, buffer.getValue(), read.getValue());
    }

    /** {@code \\NAME} of a domain controller of the domain (DOMAIN_CONTROLLER_INFOW.DomainControllerName). */
    String dcName(String domain) throws Win32CallException {
        PointerByReference buffer = new PointerByReference();
        int status = netapi.DsGetDcName(null, domain, null, null, NetApi.DS_IS_FLAT_NAME, buffer);
        Pointer info = buffer.getValue();
        try {
            if (status != NERR_SUCCESS) {
                throw new Win32CallException(DC_NAME, status);
            }
            if (info == null) {
                throw Win32CallException.malformed(DC_NAME, "no DOMAIN_CONTROLLER_INFO", null);
            }
            Pointer name = info.getPointer(0);
            if (name == null) {
                throw Win32CallException.malformed(DC_NAME, "no DomainControllerName", null);
            }
            try {
                return WideStrings.read(name);
            } catch (IllegalArgumentException e) {
                throw Win32CallException.malformed(DC_NAME, e.getMessage(), e);
            }
        } finally {
            free(info);
        }
    }

    /** Decodes a level-0 array of LPWSTR names and frees it, also when the status is a failure. */
    private List<String> names(String function, int status, Pointer array, int count) throws Win32CallException {
        try {
            if (status != NERR_SUCCESS) {
                throw new Win32CallException(function, status);
            }
            if (count < 0 || (count > 0 && array == null)) {
                throw Win32CallException.malformed(function, "count " + Integer.toUnsignedString(count)
                        + " with " + (array == null ? "no buffer" : "a buffer"), null);
            }
            List<String> out = new ArrayList<>(count);
            try {
                for (int i = 0; i < count; i++) {
                    out.add(WideStrings.read(array.getPointer((long) i * Native.POINTER_SIZE)));
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw Win32CallException.malformed(function, "entry " + out.size() + ": " + e.getMessage(), e);
            }
            return out;
        } finally {
            free(array);
        }
    }

    private void free(Pointer buffer) {
        if (buffer != null) {
            netapi.NetApiBufferFree(buffer);
        }
    }
}
