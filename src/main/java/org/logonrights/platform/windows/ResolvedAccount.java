package org.logonrights.platform.windows;

import java.util.Objects;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;

/** An account name looked up on this machine: its SID and its name as Windows spells it. */
record ResolvedAccount(Sid sid, ResolvedName name) {

    ResolvedAccount {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(name, "name");
    }
}
