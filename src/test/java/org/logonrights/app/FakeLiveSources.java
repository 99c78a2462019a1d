package org.logonrights.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.InputNote;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.UserRight;
import org.logonrights.platform.windows.GroupMembershipReader;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.platform.windows.LocalSecurityPolicy;
import org.logonrights.platform.windows.LsaException;
import org.logonrights.platform.windows.MachineFacts;
import org.logonrights.platform.windows.MembershipResult;

/**
 * A whole Windows machine in memory for {@link LiveSnapshotReader} tests: LSA holders and names, a
 * config directory on disk, memberships per account, and an RSoP answer. Records what was asked, in
 * what order things were closed. Pure Java: no JNA, JUnit or Mockito.
 */
final class FakeLiveSources implements LiveSources {

    final Map<UserRight, List<Sid>> holders = new EnumMap<>(UserRight.class);
    final Map<Sid, ResolvedName> names = new HashMap<>();
    final Map<String, MembershipResult> memberships = new HashMap<>();
    final List<String> membershipReads = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    Path configDirectory;
    LsaException openFailure;
    GroupPolicyResult groupPolicy = new GroupPolicyResult(null, List.of());
    String computerName = "WEB01";

    FakeLiveSources grant(UserRight right, Sid... sids) {
        holders.computeIfAbsent(right, r -> new ArrayList<>()).addAll(List.of(sids));
        return this;
    }

    FakeLiveSources name(Sid sid, String domain, String name, SidNameUse use) {
        names.put(sid, new ResolvedName(domain, name, use));
        return this;
    }

    FakeLiveSources member(String account, AccountMembership m, InputNote... notes) {
        memberships.put(account.toLowerCase(Locale.ROOT), new MembershipResult(m, List.of(notes)));
        return this;
    }

    @Override
    public MachineFacts machine() {
        return new MachineFacts() {
            @Override
            public String computerName() {
                return computerName;
            }

            @Override
            public Optional<String> dnsDomain() {
                return Optional.empty();
            }

            @Override
            public Optional<String> productName() {
                return Optional.of("Windows Server 2022 Datacenter");
            }

            @Override
            public Optional<String> build() {
                return Optional.of("20348.2340");
            }

            @Override
            public Optional<String> iisVersion() {
                return Optional.of("10.0");
            }
        };
    }

    @Override
    public Path inetsrvConfig() {
        return configDirectory;
    }

    @Override
    public LocalSecurityPolicy openPolicy() throws LsaException {
        if (openFailure != null) {
            throw openFailure;
        }
        events.add("policy opened");
        return new LocalSecurityPolicy() {
            @Override
            public List<Sid> accountsWithRight(UserRight right) {
                return List.copyOf(holders.getOrDefault(right, List.of()));
            }

            @Override
            public Map<Sid, ResolvedName> lookupSids(Collection<Sid> sids) {
                Map<Sid, ResolvedName> out = new LinkedHashMap<>();
                sids.forEach(s -> {
                    if (names.containsKey(s)) {
                        out.put(s, names.get(s));
                    }
                });
                return out;
            }

            @Override
            public void close() {
                events.add("policy closed");
            }
        };
    }

    @Override
    public GroupMembershipReader membershipReader(LocalSecurityPolicy policy, String computer) {
        events.add("reader opened for " + computer);
        return new GroupMembershipReader() {
            @Override
            public MembershipResult read(String accountName) {
                membershipReads.add(accountName);
                return memberships.getOrDefault(accountName.toLowerCase(Locale.ROOT), new MembershipResult(null, List.of()));
            }

            @Override
            public void close() {
                events.add("reader closed");
            }
        };
    }

    @Override
    public GroupPolicyResult groupPolicy() {
        events.add("rsop read");
        return groupPolicy;
    }
}
