package org.logonrights.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The application pools, applications and other logon credentials of one IIS configuration. */
public record IisConfiguration(ConfigKind kind, List<AppPool> pools, List<Application> applications,
                               List<CredentialUse> credentials, Provenance source) {

    public IisConfiguration {
        Objects.requireNonNull(kind, "kind");
        pools = List.copyOf(pools);
        applications = List.copyOf(applications);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(source, "source");
    }

    /** Looks a pool up by name, case-insensitively as IIS does. */
    public Optional<AppPool> pool(String name) {
        return pools.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<Application> applicationsOf(String poolName) {
        return applications.stream().filter(a -> poolName.equalsIgnoreCase(a.poolName())).toList();
    }
}
