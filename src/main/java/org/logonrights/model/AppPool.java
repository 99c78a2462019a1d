package org.logonrights.model;

import java.util.Objects;

/**
 * An application pool from applicationHost.config with its effective settings.
 *
 * @param startMode {@code OnDemand} or {@code AlwaysRunning}, as effective
 */
public record AppPool(String name, ProcessModel processModel, String startMode, boolean autoStart,
                      String managedRuntimeVersion, Provenance provenance) {
    public AppPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processModel, "processModel");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The pool's virtual account SID, IIS APPPOOL\name, whatever its identity type. */
    public Sid virtualAccountSid() {
        return VirtualAccounts.appPoolSid(name);
    }
}
