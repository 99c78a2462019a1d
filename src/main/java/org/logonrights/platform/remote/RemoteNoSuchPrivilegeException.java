package org.logonrights.platform.remote;

import org.logonrights.model.UserRight;

/**
 * LsarEnumerateAccountsWithUserRight answered 0xC0000060 STATUS_NO_SUCH_PRIVILEGE: the server does
 * not know this right's name (Samba's AD DC knows only three logon rights). Not an audit failure:
 * the caller falls back to the per-account rights.
 */
public final class RemoteNoSuchPrivilegeException extends RemoteLsaException {

    public static final int STATUS_NO_SUCH_PRIVILEGE = 0xC0000060;

    private final UserRight right;

    public RemoteNoSuchPrivilegeException(String host, UserRight right) {
        super(Reason.PROTOCOL, host + " does not know " + right.constantName()
                + " (LsarEnumerateAccountsWithUserRight returned 0xC0000060 STATUS_NO_SUCH_PRIVILEGE)");
        this.right = right;
    }

    public UserRight right() {
        return right;
    }
}
