package org.logonrights.platform.windows;

import java.util.Objects;
import org.logonrights.model.UserRight;

/**
 * STATUS_NO_SUCH_PRIVILEGE (0xC0000060): the policy does not know a right's name. Windows knows all
 * ten logon rights, so this points at a non-Windows LSA server (Samba knows only three) or a typo.
 */
public final class LsaNoSuchPrivilegeException extends LsaException {

    private final UserRight right;

    public LsaNoSuchPrivilegeException(String function, UserRight right, int win32Error) {
        super(function, NtStatus.NO_SUCH_PRIVILEGE, win32Error,
                function + ": the policy does not know the right " + right.constantName() + ": "
                        + describe(NtStatus.NO_SUCH_PRIVILEGE, win32Error), null);
        this.right = Objects.requireNonNull(right, "right");
    }

    /** The right the policy does not know. */
    public UserRight right() {
        return right;
    }
}
