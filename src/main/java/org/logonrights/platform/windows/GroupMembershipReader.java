package org.logonrights.platform.windows;

import java.util.Locale;

/**
 * Reads the group membership of pool accounts on the live machine, read-only: through Authz
 * (AuthzInitializeContextFromSid, an S4U logon) when it can, else through NetUserGetLocalGroups and
 * NetUserGetGroups, which is known to be incomplete (docs/windows-facts.md §10).
 *
 * <p>Pure Java on purpose: no JNA type appears here and nothing loads JNA until {@link #openLocal} is
 * called. A failure for one account becomes notes in its {@link MembershipResult}, never an
 * exception: the audit then treats that account's group entries as undecided (docs/verdicts.md (D5)).
 * Not thread-safe; close it when done (it holds an Authz resource manager).
 */
public interface GroupMembershipReader extends AutoCloseable {

    /**
     * A reader for accounts as this machine sees them.
     *
     * @param names the open LSA policy used to name the group SIDs Authz returns; the caller keeps
     *     ownership and closes it after this reader
     * @param computerName this machine's NetBIOS name, which {@code .\name} stands for
     * @throws UnsupportedOperationException when not running on Windows
     */
    static GroupMembershipReader openLocal(LocalSecurityPolicy names, String computerName) {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("reading live group membership needs Windows (running on " + os + ")");
        }
        return JnaGroupMembershipReader.local(names, computerName);
    }

    /**
     * The membership of one account, named as applicationHost.config writes it ({@code .\name},
     * {@code HOST\name}, {@code DOMAIN\name}, {@code name@dns.domain}). The membership's
     * {@code account} is that name exactly, so that the engine finds it by the pool's userName.
     */
    MembershipResult read(String accountName);

    /** Releases native resources. Idempotent. */
    @Override
    void close();
}
