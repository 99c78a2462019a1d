package org.logonrights.app;

import java.nio.file.Path;
import org.logonrights.platform.windows.GroupMembershipReader;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.platform.windows.LocalSecurityPolicy;
import org.logonrights.platform.windows.LsaException;
import org.logonrights.platform.windows.MachineFacts;

/**
 * Everything live reading takes from the machine, behind pure-Java types: {@link WindowsLiveSources}
 * is the real machine, tests hand in fakes. Nothing here loads JNA until a method is called.
 */
interface LiveSources {

    MachineFacts machine();

    /** {@code %windir%\System32\inetsrv\config}, where applicationHost.config and redirection.config live. */
    Path inetsrvConfig();

    /** The local LSA policy, opened read-only; the caller closes it. */
    LocalSecurityPolicy openPolicy() throws LsaException;

    /** A membership reader that names groups through {@code names}; the caller closes it before the policy. */
    GroupMembershipReader membershipReader(LocalSecurityPolicy names, String computerName);

    /** What RSoP says about GPOs; never throws (unknown GPO ownership is a note). */
    GroupPolicyResult groupPolicy();
}
