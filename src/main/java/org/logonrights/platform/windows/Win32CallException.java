package org.logonrights.platform.windows;

import java.util.Map;
import java.util.Objects;

/**
 * A Win32 or NetAPI call that failed (or answered something that cannot be decoded), with the
 * function and its error code. Package-private: the membership reader turns it into an input note,
 * because one account's failed lookup must never stop the audit.
 */
final class Win32CallException extends Exception {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(5, "ERROR_ACCESS_DENIED"),
            Map.entry(53, "ERROR_BAD_NETPATH"),
            Map.entry(87, "ERROR_INVALID_PARAMETER"),
            Map.entry(122, "ERROR_INSUFFICIENT_BUFFER"),
            Map.entry(1311, "ERROR_NO_LOGON_SERVERS"),
            Map.entry(1317, "ERROR_NO_SUCH_USER"),
            Map.entry(1332, "ERROR_NONE_MAPPED"),
            Map.entry(1355, "ERROR_NO_SUCH_DOMAIN"),
            Map.entry(1722, "RPC_S_SERVER_UNAVAILABLE"),
            Map.entry(1788, "ERROR_TRUSTED_DOMAIN_FAILURE"),
            Map.entry(1789, "ERROR_TRUSTED_RELATIONSHIP_FAILURE"),
            Map.entry(2221, "NERR_UserNotFound"),
            Map.entry(2351, "NERR_InvalidComputer"),
            Map.entry(2453, "NERR_DCNotFound"));

    private final String function;
    private final int error;

    Win32CallException(String function, int error) {
        super(function + " failed with " + describe(error));
        this.function = Objects.requireNonNull(function, "function");
        this.error = error;
    }

    private Win32CallException(String function, String detail, Throwable cause) {
        super(function + " returned a malformed result: " + detail, cause);
        this.function = Objects.requireNonNull(function, "function");
        this.error = 0;
    }

    /** A call that succeeded but whose output cannot be decoded; no error code applies (0). */
    static Win32CallException malformed(String function, String detail, Throwable cause) {
        return new Win32CallException(function, detail, cause);
    }

    String function() {
        return function;
    }

    /** The Win32 error or NET_API_STATUS; 0 for a malformed result. */
    int error() {
        return error;
    }

    /** {@code Win32 error 5 (ERROR_ACCESS_DENIED)}. */
    static String describe(int error) {
        String name = NAMES.get(error);
        return "Win32 error " + Integer.toUnsignedString(error) + (name == null ? "" : " (" + name + ")");
    }
}
