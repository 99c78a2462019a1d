package org.logonrights.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The applications of every pool name, keyed by {@link IgnoreCase#key}: one pass for callers that
     * ask for each pool, where {@link #applicationsOf} per pool would rescan every application.
     */
    public Map<String, List<Application>> applicationsByPool() {
        Map<String, List<Application>> byPool = new HashMap<>();
        for (Application a : applications) {
            if (a.poolName() != null) {
                byPool.computeIfAbsent(IgnoreCase.key(a.poolName()), k -> new ArrayList<>()).add(a);
            }
        }
        return byPool;
    }

    /** The names of all pools, keyed by {@link IgnoreCase#key}: the set {@link #pool} looks names up in. */
    public Set<String> poolKeys() {
        Set<String> keys = new HashSet<>();
        for (AppPool p : pools) {
            keys.add(IgnoreCase.key(p.name()));
        }
        return keys;
    }
}
