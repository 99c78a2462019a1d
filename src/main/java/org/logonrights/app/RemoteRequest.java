package org.logonrights.app;

/**
 * A remote machine to read over SMB and MS-LSAD, and as whom. Any part may be missing when the user
 * gave only some of the remote options: {@link SnapshotSources} names what is missing.
 *
 * @param host the machine, or null when only other remote options were given
 * @param user {@code DOMAIN\name} or {@code name@domain}, or null
 * @param password where the password comes from
 * @param configPath {@code SHARE\path\to\applicationHost.config}, or null for the default
 * @param dc the domain controller that answers for domain accounts' groups, or null: the target when it is one
 */
public record RemoteRequest(String host, String user, PasswordSource password, String configPath, String dc) {

    /** A request that lets the target's own role choose the domain controller. */
    public RemoteRequest(String host, String user, PasswordSource password, String configPath) {
        this(host, user, password, configPath, null);
    }
}
