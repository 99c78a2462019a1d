package org.logonrights.platform.remote;

import java.util.HashMap;
import java.util.Map;

/** An in-memory {@link DomainDirectory}: the accounts it knows, by sAMAccountName; any other is NOT_FOUND. */
public final class FakeDomainDirectory implements DomainDirectory {

    private final String hostName;
    private final String realm;
    private final Map<String, DirectoryGroups> accounts = new HashMap<>();
    private boolean closed;

    public FakeDomainDirectory(String hostName, String realm) {
        this.hostName = hostName;
        this.realm = realm;
    }

    public FakeDomainDirectory account(String samAccountName, DirectoryGroups groups) {
        accounts.put(samAccountName, groups);
        return this;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String realm() {
        return realm;
    }

    @Override
    public DirectoryGroups groupsOf(String samAccountName) throws DirectoryException {
        DirectoryGroups g = accounts.get(samAccountName);
        if (g == null) {
            throw new DirectoryException(DirectoryException.Reason.NOT_FOUND, "no account '" + samAccountName + "'", null);
        }
        return g;
    }

    @Override
    public void close() {
        closed = true;
    }
}
