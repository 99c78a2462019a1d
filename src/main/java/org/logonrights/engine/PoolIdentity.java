package org.logonrights.engine;

import org.logonrights.model.IdentityType;
import org.logonrights.model.Sid;

/**
 * The account a pool runs as, as far as it can be established: its display name, its SID when
 * known, and what kind of account it is.
 */
public record PoolIdentity(IdentityType type, String account, Sid sid, Scope scope) {

    /** What kind of account: decides which SIDs its token certainly carries. */
    public enum Scope { VIRTUAL, BUILT_IN, DOMAIN, LOCAL, UNKNOWN }
}
