package org.logonrights.platform.remote;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/**
 * An open, read-only view of another machine's LSA policy and files, reached over SMB from any OS.
 *
 * <p>The assembling code ({@link RemoteRightsReader}, {@code app.RemoteSnapshotReader}) sees only
 * this interface, so tests drive it with a fake; {@link SmbRemoteLsa} is the real one. Not
 * thread-safe; close it when done (it holds a policy handle and an SMB session).
 */
public interface RemoteLsa extends RemoteFiles {

    /** The most SIDs sent in one LsarLookupSids call. */
    int MAX_SIDS_PER_LOOKUP = 1000;

    /**
     * Connects over SMB 2/3, logs on, binds {@code \pipe\lsarpc} and opens the policy with the
     * least access that reads rights and names (POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION).
     * The password is copied for the logon only; the caller still owns (and zeroes) its array.
     */
    static RemoteLsa open(RemoteTarget target, RemoteAccount account, char[] password) throws RemoteLsaException {
        return SmbRemoteLsa.open(target, account, password);
    }

    /** The machine's account domain (its NetBIOS name, or the domain on a DC) and primary domain. */
    PolicyDomains domains() throws RemoteLsaException;

    /**
     * The DNS name of the domain the machine belongs to (LsarQueryInformationPolicy,
     * PolicyDnsDomainInformation), or null on a machine in a workgroup.
     */
    String dnsDomainName() throws RemoteLsaException;

    /** Every SID that has an LSA account object (LsarEnumerateAccounts, opnum 11, all pages). */
    List<Sid> enumerateAccounts() throws RemoteLsaException;

    /**
     * The rights and privileges held directly by {@code sid} (LsarEnumerateAccountRights, opnum 36),
     * as the server names them; empty when the SID has no account object (0xC0000034).
     */
    List<String> accountRights(Sid sid) throws RemoteLsaException;

    /**
     * The SIDs that hold {@code right} directly (LsarEnumerateAccountsWithUserRight, opnum 35);
     * empty when nobody does (STATUS_NO_MORE_ENTRIES).
     *
     * @throws RemoteNoSuchPrivilegeException when the server does not know the right (0xC0000060)
     */
    List<Sid> accountsWithRight(UserRight right) throws RemoteLsaException;

    /** Names SIDs with their domain and type; a SID the server cannot translate has no entry. */
    Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws RemoteLsaException;

    /**
     * Reads a whole file from a share of the same session, e.g. {@code C$} and
     * {@code Windows\System32\inetsrv\config\applicationHost.config}.
     *
     * @throws RemoteLsaException with {@link RemoteLsaException.Reason#TOO_LARGE} above {@code maxBytes}
     */
    @Override
    byte[] readFile(String share, String path, long maxBytes) throws RemoteLsaException;

    /**
     * The GPOs the Security extension applied, from the machine's registry over MS-RRP on
     * {@code \pipe\winreg} of the same session, every key opened with KEY_READ.
     *
     * @throws RemoteLsaException {@link RemoteLsaException.Reason#SERVICE_NOT_RUNNING} when the Remote Registry
     *         service does not answer, {@link RemoteLsaException.Reason#ACCESS_DENIED} when a key is refused
     */
    GpoHistory groupPolicyHistory() throws RemoteLsaException;

    /**
     * The aliases of the machine's Account domain and of its Builtin domain (S-1-5-32) that hold any
     * of {@code sids} directly (SamrGetAliasMembership on {@code \\pipe\\samr}, one call per
     * domain), each with the SIDs of {@code sids} it holds (SamrGetMembersInAlias). Not transitive:
     * the caller repeats it with the aliases added until nothing new appears.
     */
    Map<Sid, List<Sid>> aliasMembership(Collection<Sid> sids) throws RemoteLsaException;

    /**
     * A local account of the machine (its Account domain over SAMR: SamrLookupNamesInDomain), with the
     * machine's groups it is a direct member of (SamrGetGroupsForUser: its primary group, "None" on
     * a member server); null when the machine has no user of that name.
     */
    LocalAccount localAccount(String name) throws RemoteLsaException;

    /** A local user of the machine and its groups in the machine's own Account domain. */
    record LocalAccount(Sid sid, List<Sid> groups) {
        public LocalAccount {
            groups = List.copyOf(groups);
        }
    }

    /** Closes the policy handle and the session. Idempotent; never throws. */
    @Override
    void close();

    /**
     * The two domain names LsarQueryInformationPolicy reports; either may be null.
     *
     * @param accountDomain PolicyAccountDomainInformation: the machine's own SAM (its NetBIOS name; the domain on a DC)
     * @param primaryDomain PolicyPrimaryDomainInformation: the domain or workgroup it belongs to
     */
    record PolicyDomains(String accountDomain, String primaryDomain) {
    }
}
