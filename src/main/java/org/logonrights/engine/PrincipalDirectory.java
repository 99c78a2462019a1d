package org.logonrights.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.Principal;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;

/**
 * Ties names to SIDs with everything one snapshot knows: well-known names, virtual-account names
 * (computed), names the membership file and the live reader pair with SIDs, and pool names. Built
 * once per audit so that pools never rescan the inputs.
 */
public final class PrincipalDirectory {

    private final Map<String, Sid> byName = new HashMap<>();
    private final Map<Sid, String> bySid = new HashMap<>();
    /** Each pool's virtual account SID, hashed once per audit (SHA-1) instead of once per question. */
    private final Map<AppPool, Sid> poolSids = new IdentityHashMap<>();

    private PrincipalDirectory() {
    }

    public static PrincipalDirectory of(Snapshot snapshot) {
        PrincipalDirectory d = new PrincipalDirectory();
        List<AppPool> pools = snapshot.iis().pools();
        Sid[] sids = new Sid[pools.size()];
        IntStream indexes = IntStream.range(0, pools.size());
        if (pools.size() >= AuditEngine.PARALLEL_POOLS) {
            indexes = indexes.parallel(); // one SHA-1 per pool, independent of the others
        }
        indexes.forEach(i -> sids[i] = pools.get(i).virtualAccountSid());
        for (int i = 0; i < sids.length; i++) {
            AppPool pool = pools.get(i);
            Sid sid = sids[i];
            d.poolSids.put(pool, sid);
            d.learn(VirtualAccounts.APP_POOL_DOMAIN + "\\" + pool.name(), sid);
        }
        // Thousands of accounts list the same few hundred groups, as shared Principal objects when
        // the membership file is parsed: each is learned once.
        Set<Principal> learned = Collections.newSetFromMap(new IdentityHashMap<>());
        for (AccountMembership m : snapshot.memberships().accounts()) {
            d.learn(m.account(), m.sid());
            for (Principal g : m.groups()) {
                if (learned.add(g)) {
                    d.learn(g.name(), g.sid());
                }
            }
        }
        for (RightAssignment a : snapshot.rights().assignments().values()) {
            a.entries().forEach(d::learn);
        }
        if (snapshot.groupPolicy() != null) {
            for (GpoRightSetting s : snapshot.groupPolicy().settings()) {
                s.members().forEach(d::learn);
            }
        }
        return d;
    }

    /** {@link AppPool#virtualAccountSid()}, computed once for the pools of this snapshot. */
    public Sid poolSid(AppPool pool) {
        Sid sid = poolSids.get(pool);
        return sid != null ? sid : pool.virtualAccountSid();
    }

    private void learn(RightEntry e) {
        learn(e.principal().name(), e.principal().sid());
    }

    private void learn(String name, Sid sid) {
        if (name == null || sid == null) {
            return;
        }
        byName.putIfAbsent(key(name), sid);
        bySid.putIfAbsent(sid, name);
    }

    /** The SID of a principal: its own, or one its name resolves to. */
    public Optional<Sid> resolve(Principal p) {
        if (p.sid() != null) {
            return Optional.of(p.sid());
        }
        return resolveName(p.name());
    }

    /** Resolves a name: learned pairs first, then well-known names, then computed virtual accounts. */
    public Optional<Sid> resolveName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Sid learned = byName.get(key(name));
        if (learned != null) {
            return Optional.of(learned);
        }
        Optional<Sid> wellKnown = WellKnownSids.sidOf(name);
        if (wellKnown.isPresent()) {
            return wellKnown;
        }
        int slash = name.indexOf('\\');
        if (slash > 0) {
            String domain = name.substring(0, slash).strip();
            String account = name.substring(slash + 1).strip();
            if (domain.equalsIgnoreCase(VirtualAccounts.APP_POOL_DOMAIN) && !account.isEmpty()) {
                return Optional.of(VirtualAccounts.appPoolSid(account));
            }
            if (domain.equalsIgnoreCase(VirtualAccounts.SERVICE_DOMAIN) && !account.isEmpty()) {
                return Optional.of(VirtualAccounts.serviceSid(account));
            }
        }
        return Optional.empty();
    }

    /** A display name for a SID: learned, well-known, or the SID itself. */
    public String nameOf(Sid sid) {
        String learned = bySid.get(sid);
        if (learned != null) {
            return learned;
        }
        return WellKnownSids.nameOf(sid).orElse(sid.toString());
    }

    /** "NAME (SID)" or the one that is known. */
    public String display(Principal p) {
        Sid sid = resolve(p).orElse(null);
        String name = p.name() != null ? p.name() : (sid != null ? nameOf(sid) : null);
        if (sid == null) {
            return name;
        }
        return name == null || name.equals(sid.toString()) ? sid.toString() : name + " (" + sid + ")";
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
