package org.logonrights.platform.windows;

import java.util.Map;
import java.util.Optional;

/**
 * The NTSTATUS values the LSA reader acts on, with their names for messages. Kept apart from the
 * JNA binding so that exceptions and callers can use them without loading JNA.
 */
public final class NtStatus {

    public static final int SUCCESS = 0x00000000;
    /** LsaLookupSids2: some SIDs were not translated. A success code. */
    public static final int SOME_NOT_MAPPED = 0x00000107;
    /** LsaEnumerateAccountsWithUserRight: nobody holds the right. A warning (0x8…), not 0xC000001A. */
    public static final int NO_MORE_ENTRIES = 0x8000001A;
    public static final int UNSUCCESSFUL = 0xC0000001;
    public static final int INVALID_HANDLE = 0xC0000008;
    public static final int INVALID_PARAMETER = 0xC000000D;
    public static final int NO_MEMORY = 0xC0000017;
    public static final int ACCESS_DENIED = 0xC0000022;
    public static final int OBJECT_NAME_NOT_FOUND = 0xC0000034;
    /** LsaEnumerateAccountsWithUserRight: the policy does not know the right's name. */
    public static final int NO_SUCH_PRIVILEGE = 0xC0000060;
    /** LsaLookupSids2: no SID was translated. Not an error for us: nothing gets a name. */
    public static final int NONE_MAPPED = 0xC0000073;
    public static final int INSUFFICIENT_RESOURCES = 0xC000009A;
    public static final int TRUSTED_DOMAIN_FAILURE = 0xC000018C;
    public static final int TRUSTED_RELATIONSHIP_FAILURE = 0xC000018D;
    public static final int RPC_SERVER_UNAVAILABLE = 0xC0020017;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(SUCCESS, "STATUS_SUCCESS"),
            Map.entry(SOME_NOT_MAPPED, "STATUS_SOME_NOT_MAPPED"),
            Map.entry(NO_MORE_ENTRIES, "STATUS_NO_MORE_ENTRIES"),
            Map.entry(UNSUCCESSFUL, "STATUS_UNSUCCESSFUL"),
            Map.entry(INVALID_HANDLE, "STATUS_INVALID_HANDLE"),
            Map.entry(INVALID_PARAMETER, "STATUS_INVALID_PARAMETER"),
            Map.entry(NO_MEMORY, "STATUS_NO_MEMORY"),
            Map.entry(ACCESS_DENIED, "STATUS_ACCESS_DENIED"),
            Map.entry(OBJECT_NAME_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND"),
            Map.entry(NO_SUCH_PRIVILEGE, "STATUS_NO_SUCH_PRIVILEGE"),
            Map.entry(NONE_MAPPED, "STATUS_NONE_MAPPED"),
            Map.entry(INSUFFICIENT_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES"),
            Map.entry(TRUSTED_DOMAIN_FAILURE, "STATUS_TRUSTED_DOMAIN_FAILURE"),
            Map.entry(TRUSTED_RELATIONSHIP_FAILURE, "STATUS_TRUSTED_RELATIONSHIP_FAILURE"),
            Map.entry(RPC_SERVER_UNAVAILABLE, "RPC_NT_SERVER_UNAVAILABLE"));

    private NtStatus() {
    }

    /** {@code NT_SUCCESS()}: success and informational codes; warnings (0x8…) and errors (0xC…) are not. */
    public static boolean isSuccess(int status) {
        return status >= 0;
    }

    /** The status as Windows documents it, e.g. {@code 0xC0000022}. */
    public static String hex(int status) {
        return String.format("0x%08X", status);
    }

    /** The symbolic name of a status this package knows, e.g. {@code STATUS_ACCESS_DENIED}. */
    public static Optional<String> name(int status) {
        return Optional.ofNullable(NAMES.get(status));
    }
}
