package org.logonrights.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * Our own read-only JNA binding of the Authz functions (authz.h) that compute an account's token
 * groups; jna-platform binds none of them.
 *
 * <p>Only what building a client context from a SID and reading its groups needs is declared: no
 * access check, no audit, no function that changes anything; a test pins the set. Every function
 * returns a BOOL; on FALSE the reason is the thread's last error ({@code Native.getLastError()},
 * which JNA saves after each call). Handles are released by the caller, once, with the matching
 * {@code AuthzFree…} function. The library is loaded by {@link Holder} on first use only.
 *
 * @see <a href="https://learn.microsoft.com/windows/win32/api/authz/">authz.h</a>
 */
public interface AuthzApi extends StdCallLibrary {

    /** AuthzInitializeResourceManager: no auditing, so SeAuditPrivilege is not needed. */
    int AUTHZ_RM_FLAG_NO_AUDIT = 0x1;
    /**
     * AuthzInitializeContextFromSid: fail instead of silently reading the account object when S4U is
     * unavailable (Windows 8 / Server 2012 and later), so the groups' origin is known.
     */
    int AUTHZ_REQUIRE_S4U_LOGON = 0x4;
    /** AUTHZ_CONTEXT_INFORMATION_CLASS value that returns a TOKEN_GROUPS of the context's groups. */
    int AuthzContextInfoGroupsSids = 2;

    /**
     * Creates a resource manager, needed only to create client contexts.
     *
     * @param flags {@link #AUTHZ_RM_FLAG_NO_AUDIT}
     * @param pfnDynamicAccessCheck null: no callback ACEs
     * @param pfnComputeDynamicGroups null: no extra groups
     * @param pfnFreeDynamicGroups null
     * @param resourceManagerName null
     * @param resourceManager receives the handle. The caller owns it and releases it with
     *     {@link #AuthzFreeResourceManager}, once; it is not valid when the call fails
     * @return TRUE on success
     */
    boolean AuthzInitializeResourceManager(int flags, Pointer pfnDynamicAccessCheck, Pointer pfnComputeDynamicGroups,
                                           Pointer pfnFreeDynamicGroups, String resourceManagerName,
                                           PointerByReference resourceManager);

    /**
     * Creates a client context for a SID. With flags 0 it tries an S4U logon to obtain the account's
     * token groups and, when S4U is unavailable, reads the account object instead (then the
     * logon-characteristic groups are missing, which we drop anyway).
     *
     * @param flags 0
     * @param userSid the account's binary SID; owned by the caller, read during the call only
     * @param resourceManager from {@link #AuthzInitializeResourceManager}
     * @param expirationTime null: the context does not expire
     * @param identifier a LUID passed by value; zero
     * @param dynamicGroupArgs null
     * @param clientContext receives the handle. The caller owns it and releases it with
     *     {@link #AuthzFreeContext}, once; it is not valid when the call fails
     * @return TRUE on success
     */
    boolean AuthzInitializeContextFromSid(int flags, Pointer userSid, Pointer resourceManager, Pointer expirationTime,
                                          LUID.ByValue identifier, Pointer dynamicGroupArgs,
                                          PointerByReference clientContext);

    /**
     * Copies information about a client context into a buffer the caller allocated and owns (Authz
     * allocates nothing). Called first with a zero size and a null buffer to learn the size
     * (FALSE with ERROR_INSUFFICIENT_BUFFER), then with a buffer of that size.
     *
     * @param clientContext from {@link #AuthzInitializeContextFromSid}
     * @param infoClass {@link #AuthzContextInfoGroupsSids}
     * @param bufferSize the size of {@code buffer} in bytes
     * @param sizeRequired receives the size the information needs
     * @param buffer receives a TOKEN_GROUPS whose SID pointers point into this same buffer
     * @return TRUE on success
     */
    boolean AuthzGetInformationFromContext(Pointer clientContext, int infoClass, int bufferSize,
                                           IntByReference sizeRequired, Pointer buffer);

    /** Releases a client context; the handle is invalid afterwards. */
    boolean AuthzFreeContext(Pointer clientContext);

    /** Releases a resource manager; the handle is invalid afterwards. */
    boolean AuthzFreeResourceManager(Pointer resourceManager);

    /** Loads Authz.dll on first use, so that tests that mock {@link AuthzApi} never load it. */
    final class Holder {
        static final AuthzApi AUTHZ = Native.load("Authz", AuthzApi.class, W32APIOptions.UNICODE_OPTIONS);

        private Holder() {
        }
    }

    /** A locally unique identifier: {@code DWORD LowPart; LONG HighPart}, 8 bytes. */
    @FieldOrder({"LowPart", "HighPart"})
    class LUID extends Structure {
        public int LowPart;
        public int HighPart;

        /** Passed by value, as AuthzInitializeContextFromSid declares its Identifier. */
        public static class ByValue extends LUID implements Structure.ByValue {
        }
    }
}
