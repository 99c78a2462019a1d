package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * Large servers are evaluated on several threads: the result must be the one a single thread
 * gives, pool for pool and reason for reason, whatever the interleaving.
 */
class ParallelAuditTest {

    /** A server with every kind of pool, GPO data, memberships and a deny list, large enough to split. */
    private static Snapshot mixedServer(int pools) {
        SnapshotBuilder s = SnapshotBuilder.server().withGroupPolicyData()
                .right(UserRight.BATCH, SnapshotBuilder.DEFAULT_BATCH)
                .right(UserRight.DENY_BATCH, "*" + SnapshotBuilder.DOMAIN_SID + "-3000", "CONTOSO\\svc-7")
                .gpo(UserRight.SERVICE, SnapshotBuilder.LOCKDOWN, 1, "*S-1-5-20", "*" + SnapshotBuilder.DOMAIN_SID + "-1108");
        String[] serviceEntries = new String[pools / 2 + 2];
        for (int i = 0; i < pools; i++) {
            String name = "pool-" + i;
            switch (i % 5) {
                case 0 -> s.pool(name, IdentityType.APPLICATION_POOL_IDENTITY, null, LogonType.LOGON_BATCH, false);
                case 1 -> s.pool(name, IdentityType.SPECIFIC_USER, "CONTOSO\\svc-" + i, LogonType.LOGON_BATCH, false);
                case 2 -> s.pool(name, IdentityType.NETWORK_SERVICE, null, LogonType.LOGON_BATCH, false);
                case 3 -> s.pool(name, IdentityType.SPECIFIC_USER, "CONTOSO\\svc-" + i, LogonType.LOGON_SERVICE, i % 2 == 0);
                default -> s.pool(name, IdentityType.SPECIFIC_USER, "SRV-WEB01\\local-" + i, LogonType.LOGON_BATCH, false);
            }
            if (i % 3 == 1) {
                Sid account = Sid.parse(SnapshotBuilder.DOMAIN_SID + "-" + (5000 + i));
                s.member("CONTOSO\\svc-" + i, account, "*" + SnapshotBuilder.DOMAIN_SID + "-1108",
                        "*" + SnapshotBuilder.DOMAIN_SID + "-513");
            }
            if (i % 2 == 0 && i / 2 < serviceEntries.length) {
                serviceEntries[i / 2] = "*" + VirtualAccounts.appPoolSid(name);
            }
        }
        serviceEntries[serviceEntries.length - 2] = "*S-1-5-20";
        serviceEntries[serviceEntries.length - 1] = "CONTOSO\\svc-3";
        s.right(UserRight.SERVICE, java.util.Arrays.stream(serviceEntries).filter(e -> e != null).toArray(String[]::new));
        return s.build();
    }

    @Test
    void severalThreadsGiveWhatOneThreadGives() {
        Snapshot server = mixedServer(3_000);
        AuditResult oneThread = new AuditEngine(Rules.POOL_RULES, Rules.MACHINE_RULES, Integer.MAX_VALUE).audit(server);
        for (int round = 0; round < 3; round++) {
            AuditResult parallel = new AuditEngine(Rules.POOL_RULES, Rules.MACHINE_RULES, 1).audit(server);
            assertEquals(oneThread, parallel, "round " + round);
        }
        Map<Verdict, Long> verdicts = oneThread.pools().stream()
                .collect(Collectors.groupingBy(PoolResult::verdict, Collectors.counting()));
        // The comparison means something only if the server exercises several outcomes.
        assertTrue(verdicts.size() >= 2, verdicts.toString());
        assertEquals(3_000, oneThread.pools().size());
    }

    @Test
    void theDefaultEngineSplitsOnlyLargeServersAndSortsTheSameWay() {
        Snapshot server = mixedServer(AuditEngine.PARALLEL_POOLS + 10);
        AuditResult byDefault = Rules.standardEngine().audit(server);
        AuditResult oneThread = new AuditEngine(Rules.POOL_RULES, Rules.MACHINE_RULES, Integer.MAX_VALUE).audit(server);
        assertEquals(oneThread.pools().stream().map(PoolResult::name).toList(),
                byDefault.pools().stream().map(PoolResult::name).toList());
        assertEquals(oneThread.pools().stream().collect(Collectors.toMap(PoolResult::name, Function.identity())),
                byDefault.pools().stream().collect(Collectors.toMap(PoolResult::name, Function.identity())));
    }
}
