package org.logonrights.platform.windows;

import java.util.Objects;

/**
 * An LSA call that failed, or returned something that cannot be decoded. It names the function,
 * the NTSTATUS it returned (as {@code 0xC0000022}) and the Win32 error LSA maps it to.
 *
 * <p>Checked on purpose: a failed read of the live policy is an expected outcome (not elevated,
 * remote host unreachable) that the caller must turn into an exit code and a message, never a
 * stack trace or, worse, an audit that silently reports on an empty policy.
 * See {@link LsaAccessDeniedException} and {@link LsaNoSuchPrivilegeException} for the cases the
 * CLI treats specially.
 */
public class LsaException extends Exception {

    private final String function;
    private final int ntStatus;
    private final int win32Error;

    /** A call that returned a failure status. */
    public LsaException(String function, int ntStatus, int win32Error) {
        this(function, ntStatus, win32Error, function + " failed with " + describe(ntStatus, win32Error), null);
    }

    protected LsaException(String function, int ntStatus, int win32Error, String message, Throwable cause) {
        super(message, cause);
        this.function = Objects.requireNonNull(function, "function");
        this.ntStatus = ntStatus;
        this.win32Error = win32Error;
    }

    /**
     * A call that succeeded ({@code ntStatus}) but whose output is malformed, e.g. a SID with a
     * bad revision or a domain index outside the domain list. No Win32 error applies (0).
     */
    public static LsaException malformedResult(String function, int ntStatus, String detail, Throwable cause) {
        return new LsaException(function, ntStatus, 0,
                function + " returned " + NtStatus.hex(ntStatus) + " with a malformed result: " + detail, cause);
    }

    /** The Win32 function that failed, e.g. {@code LsaOpenPolicy}. */
    public String function() {
        return function;
    }

    public int ntStatus() {
        return ntStatus;
    }

    /** The NTSTATUS as Windows documents it, e.g. {@code 0xC0000022}. */
    public String ntStatusHex() {
        return NtStatus.hex(ntStatus);
    }

    /** {@code LsaNtStatusToWinError(ntStatus)}, e.g. 5 for access denied; 0 when none applies. */
    public int win32Error() {
        return win32Error;
    }

    /** True when the caller lacks the access it asked for: not elevated, or no rights on a remote host. */
    public boolean isAccessDenied() {
        return ntStatus == NtStatus.ACCESS_DENIED;
    }

    static String describe(int ntStatus, int win32Error) {
        StringBuilder b = new StringBuilder("NTSTATUS ").append(NtStatus.hex(ntStatus));
        b.append(" (");
        NtStatus.name(ntStatus).ifPresent(n -> b.append(n).append(", "));
        b.append("Win32 error ").append(win32Error).append(')');
        return b.toString();
    }
}
