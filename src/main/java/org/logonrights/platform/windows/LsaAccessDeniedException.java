package org.logonrights.platform.windows;

/**
 * STATUS_ACCESS_DENIED (0xC0000022) from an LSA call: on the local machine this almost always means
 * the process is not elevated. The CLI maps it to its own exit code with "run from an elevated prompt".
 */
public final class LsaAccessDeniedException extends LsaException {

    public LsaAccessDeniedException(String function, int win32Error) {
        super(function, NtStatus.ACCESS_DENIED, win32Error,
                function + " was denied: " + describe(NtStatus.ACCESS_DENIED, win32Error), null);
    }
}
