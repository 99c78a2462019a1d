package org.logonrights.platform.remote;

import java.util.Objects;

/**
 * A remote read that failed, with why in one line: the host, the step and the fix, never a
 * password. Checked on purpose, like {@code LsaException}: the caller must turn it into exit 3.
 */
public class RemoteLsaException extends Exception {

    /** What went wrong, so that callers and tests can act on the kind rather than the text. */
    public enum Reason {
        /** Name not resolved, connection refused, no route. */
        UNREACHABLE,
        /** No answer within the bounded timeout. */
        TIMEOUT,
        /** Wrong user name or password, disabled or locked account (STATUS_LOGON_FAILURE and kin). */
        LOGON_FAILURE,
        /** The account may not open the pipe, the policy or the share (STATUS_ACCESS_DENIED). */
        ACCESS_DENIED,
        /** The server and this client could not agree on SMB signing or encryption. */
        SIGNING_OR_ENCRYPTION,
        /** A share or file that does not exist (e.g. IIS is not installed). */
        NOT_FOUND,
        /** A service the read needs does not run there (the Remote Registry service: no {@code \\pipe\\winreg}). */
        SERVICE_NOT_RUNNING,
        /** The path is a DFS referral to another server, which this client does not follow. */
        DFS_REFERRAL,
        /** A file larger than the input size limit. */
        TOO_LARGE,
        /** Anything else the server or the protocol stack reported. */
        PROTOCOL
    }

    private final Reason reason;

    public RemoteLsaException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RemoteLsaException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message").replaceAll("[\\r\\n]+", " "), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
