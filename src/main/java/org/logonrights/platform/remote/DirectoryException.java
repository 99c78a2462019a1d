package org.logonrights.platform.remote;

import java.util.Objects;

/**
 * Reading a domain account's groups from a domain controller failed, with why in one line: the DC,
 * the step and the fix, never a password. The audit turns it into a note for that account (D5), not
 * an exit: the target itself was read.
 */
public class DirectoryException extends Exception {

    /** What went wrong, so that callers and tests can act on the kind rather than the text. */
    public enum Reason {
        /** No DC known or found, name not resolved, connection refused. */
        UNREACHABLE,
        /** No answer within the bounded timeout. */
        TIMEOUT,
        /** The KDC or the directory refused the auditing account (wrong password, unknown realm, no signing). */
        AUTHENTICATION_REFUSED,
        /** The DC's TLS certificate is not trusted by this JVM. */
        TLS_UNTRUSTED,
        /** The account is not in the directory. */
        NOT_FOUND,
        /** Anything else the DC or the protocol stack reported. */
        PROTOCOL
    }

    private final Reason reason;

    public DirectoryException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message").replaceAll("[\\r\\n]+", " "), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
