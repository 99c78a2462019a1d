package org.logonrights.app;

/**
 * A remote machine to read over SMB and MS-LSAD, and as whom. Any part may be missing when the user
 * gave only some of the remote options: {@link SnapshotSources} names what is missing.
 *
 * @param host the machine, or null when only other remote options were given
 * @param user {@code DOMAIN\name} or {@code name@domain}, or null
 * @param password where the password comes from
 * @param configPath {@code SHARE\path\to\applicationHost.config}, or null for the default
 * @param directory how domain accounts' groups are read: from which DC, bound how
 */
public record RemoteRequest(String host, String user, PasswordSource password, String configPath, Directory directory) {

    public RemoteRequest {
        directory = directory == null ? Directory.DEFAULT : directory;
    }

    /** A request that lets the target's own role choose the domain controller, bound with Kerberos. */
    public RemoteRequest(String host, String user, PasswordSource password, String configPath) {
        this(host, user, password, configPath, Directory.DEFAULT);
    }

    /**
     * The domain controller that answers for domain accounts' groups.
     *
     * @param dc its host name or address, or null: the target when it is one
     * @param binding how to authenticate to it
     * @param caFile the CA certificates to trust for LDAPS, or null: the JVM's trust store
     */
    public record Directory(String dc, Binding binding, java.nio.file.Path caFile) {
        public static final Directory DEFAULT = new Directory(null, Binding.KERBEROS, null);

        public Directory {
            binding = binding == null ? Binding.KERBEROS : binding;
        }
    }

    /** Kerberos (LDAP on 389 with GSSAPI and integrity), or LDAPS (TLS on 636, then a simple bind inside it). */
    public enum Binding {
        KERBEROS,
        LDAPS
    }
}
