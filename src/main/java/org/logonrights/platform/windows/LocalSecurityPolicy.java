package org.logonrights.platform.windows;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/**
 * A read-only, open view of a machine's LSA policy: who holds a right, and what a SID is called.
 *
 * <p>Pure Java on purpose: no JNA type appears here, and using this interface loads no JNA class
 * until {@link #open} is called, so tests and the offline path run anywhere. Not thread-safe;
 * close it when done (it holds a policy handle).
 */
public interface LocalSecurityPolicy extends AutoCloseable {

    /** The most SIDs passed to one native lookup call. */
    int MAX_SIDS_PER_LOOKUP = 1000;

    /**
     * Opens the LSA policy of a machine with the least access that lets it read rights and names
     * (POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION).
     *
     * @param computerOrNull a computer name ({@code WEB01} or {@code \\WEB01}), or null for this machine
     * @throws LsaAccessDeniedException when not elevated (local) or not an administrator (remote)
     * @throws LsaException when the policy cannot be opened
     * @throws UnsupportedOperationException when not running on Windows
     */
    static LocalSecurityPolicy open(String computerOrNull) throws LsaException {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("reading the live LSA policy needs Windows (running on " + os + ")");
        }
        return JnaLocalSecurityPolicy.open(computerOrNull);
    }

    /**
     * The accounts that hold {@code right} directly, in the order LSA returns them. Groups appear as
     * the group's SID; members are not expanded. Empty when nobody holds the right.
     *
     * @throws LsaNoSuchPrivilegeException when the policy does not know the right
     */
    List<Sid> accountsWithRight(UserRight right) throws LsaException;

    /**
     * Translates SIDs to names, in batches of at most {@link #MAX_SIDS_PER_LOOKUP} SIDs per native
     * call. A SID LSA cannot translate (deleted account, unreachable domain) has no entry.
     */
    Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws LsaException;

    /** Closes the policy handle. Idempotent; later calls throw {@link IllegalStateException}. */
    @Override
    void close();
}
