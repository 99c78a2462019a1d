package org.logonrights.app;

import org.logonrights.model.InputException;

/**
 * Where the password of a remote logon comes from (an environment variable, a file, a prompt). It is
 * asked for only when the logon happens, and the caller zeroes the array after use.
 */
@FunctionalInterface
public interface PasswordSource {

    /** The password; never empty. */
    char[] read() throws UsageException, InputException;
}
