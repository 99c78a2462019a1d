package org.logonrights.platform.remote;

/**
 * Read-only access to the shares of one machine over an SMB session: files are opened for reading
 * only, with full sharing, and nothing is ever created or written. Close it when done.
 */
public interface RemoteFiles extends AutoCloseable {

    /**
     * A session to {@code target} as {@code account}, for files only (no LSA policy is opened, so an
     * account that is no administrator there can read what its shares allow, e.g. SYSVOL on a DC).
     * The caller still owns (and zeroes) the password array.
     */
    static RemoteFiles open(RemoteTarget target, RemoteAccount account, char[] password) throws RemoteLsaException {
        return SmbRemoteLsa.openFiles(target, account, password);
    }

    /** {@code \\HOST}, as the machine is named in provenance. */
    String unc();

    /**
     * Reads a whole file from a share of the session.
     *
     * @throws RemoteLsaException with {@link RemoteLsaException.Reason#TOO_LARGE} above {@code maxBytes}
     */
    byte[] readFile(String share, String path, long maxBytes) throws RemoteLsaException;

    /** True when {@code path} is a folder on {@code share}; false when it does not exist. */
    boolean folderExists(String share, String path) throws RemoteLsaException;

    /** Closes the session. Idempotent; never throws. */
    @Override
    void close();
}
