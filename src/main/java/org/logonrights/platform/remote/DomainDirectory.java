package org.logonrights.platform.remote;

/**
 * An open, read-only view of one domain's directory on a domain controller: the token groups of its
 * accounts. {@link LdapDirectory} is the real one (LDAP with Kerberos); tests pass a fake.
 */
public interface DomainDirectory extends AutoCloseable {

    /** The DC as provenance names it, e.g. {@code dc01.contoso.com}. */
    String hostName();

    /** The domain's DNS name in capitals (its Kerberos realm), e.g. {@code CONTOSO.COM}. */
    String realm();

    /**
     * The account's SID and its transitive token groups.
     *
     * @throws DirectoryException with {@link DirectoryException.Reason#NOT_FOUND} when no such account exists
     */
    DirectoryGroups groupsOf(String samAccountName) throws DirectoryException;

    /** Unbinds. Idempotent; never throws. */
    @Override
    void close();
}
