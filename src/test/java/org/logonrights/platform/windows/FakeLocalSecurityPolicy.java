package org.logonrights.platform.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;

/**
 * An in-memory {@link LocalSecurityPolicy} for tests: rights and names are set up front, failures
 * can be injected per right, and calls are recorded. Pure Java (no JUnit, Mockito or JNA), so that
 * the offline-path isolation test can load it too.
 */
final class FakeLocalSecurityPolicy implements LocalSecurityPolicy {

    private final Map<UserRight, List<Sid>> holders = new EnumMap<>(UserRight.class);
    private final Map<Sid, ResolvedName> names = new HashMap<>();
    private final Map<UserRight, LsaException> failures = new EnumMap<>(UserRight.class);
    private LsaException lookupFailure;
    private final List<List<Sid>> lookups = new ArrayList<>();
    private final List<UserRight> enumerated = new ArrayList<>();
    private boolean closed;
    private int closeCalls;

    FakeLocalSecurityPolicy grant(UserRight right, Sid... sids) {
        holders.computeIfAbsent(right, r -> new ArrayList<>()).addAll(List.of(sids));
        return this;
    }

    FakeLocalSecurityPolicy name(Sid sid, String domain, String name, SidNameUse use) {
        names.put(sid, new ResolvedName(domain, name, use));
        return this;
    }

    FakeLocalSecurityPolicy failOn(UserRight right, LsaException e) {
        failures.put(right, e);
        return this;
    }

    FakeLocalSecurityPolicy failLookups(LsaException e) {
        lookupFailure = e;
        return this;
    }

    List<List<Sid>> lookups() {
        return lookups;
    }

    List<UserRight> enumerated() {
        return enumerated;
    }

    int closeCalls() {
        return closeCalls;
    }

    @Override
    public List<Sid> accountsWithRight(UserRight right) throws LsaException {
        requireOpen();
        enumerated.add(right);
        if (failures.containsKey(right)) {
            throw failures.get(right);
        }
        return List.copyOf(holders.getOrDefault(right, List.of()));
    }

    @Override
    public Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) throws LsaException {
        requireOpen();
        lookups.add(List.copyOf(sids));
        if (lookupFailure != null) {
            throw lookupFailure;
        }
        Map<Sid, ResolvedName> out = new LinkedHashMap<>();
        for (Sid s : sids) {
            if (names.containsKey(s)) {
                out.put(s, names.get(s));
            }
        }
        return out;
    }

    @Override
    public void close() {
        closeCalls++;
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
    }
}
