package org.logonrights.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IgnoreCase;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Memberships;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;

/**
 * Decides, for every application pool of a snapshot, whether its worker logon will succeed, as
 * docs/verdicts.md defines, with the rules it is given ({@code Rules.standardEngine()} gives the
 * catalogue's). Pure: no I/O, no clock, no printing; the same snapshot always gives the same
 * result, whether its pools are evaluated on one thread or several.
 */
public final class AuditEngine {

    /**
     * From this many pools on, pools are evaluated on all processors. Below it a thread hand-off
     * costs more than it saves (docs/performance.md).
     */
    static final int PARALLEL_POOLS = 1_000;

    private final List<PoolRule> poolRules;
    private final List<MachineRule> machineRules;
    private final List<EventRule> eventRules;
    private final int parallelPools;

    /** An engine that evaluates these rules, in this order, and no event rule. */
    public AuditEngine(List<PoolRule> poolRules, List<MachineRule> machineRules) {
        this(poolRules, machineRules, List.of());
    }

    /** An engine that evaluates these rules, in this order; the event rules once a snapshot holds events. */
    public AuditEngine(List<PoolRule> poolRules, List<MachineRule> machineRules, List<EventRule> eventRules) {
        this(poolRules, machineRules, eventRules, PARALLEL_POOLS);
    }

    /** With another parallel threshold: tests compare one thread against several on the same snapshot. */
    AuditEngine(List<PoolRule> poolRules, List<MachineRule> machineRules, int parallelPools) {
        this(poolRules, machineRules, List.of(), parallelPools);
    }

    private AuditEngine(List<PoolRule> poolRules, List<MachineRule> machineRules, List<EventRule> eventRules,
                        int parallelPools) {
        this.poolRules = List.copyOf(poolRules);
        this.machineRules = List.copyOf(machineRules);
        this.eventRules = List.copyOf(eventRules);
        this.parallelPools = parallelPools;
    }

    public AuditResult audit(Snapshot snapshot) {
        PrincipalDirectory directory = PrincipalDirectory.of(snapshot);
        RightsIndex index = new RightsIndex(snapshot, directory);
        Wording wording = new Wording(index, directory);
        Memberships.Index memberships = snapshot.memberships().index();
        Map<String, List<Application>> applications = snapshot.iis().applicationsByPool();
        InputCompleteness completeness = InputCompleteness.of(snapshot);
        List<AppPool> all = snapshot.iis().pools();
        IntStream indexes = IntStream.range(0, all.size());
        if (all.size() >= parallelPools) {
            // Pools are independent and everything they share is read-only once built: on a shared
            // host, the second core halves the audit. The result is sorted below, so the order in
            // which pools finish never shows.
            indexes = indexes.parallel();
        }
        List<PoolResult> pools = indexes.mapToObj(i -> {
            AppPool pool = all.get(i);
            PoolContext c = context(snapshot, pool, directory, index, wording, memberships);
            return evaluate(c, applications.getOrDefault(IgnoreCase.key(pool.name()), List.of()), completeness);
        }).collect(Collectors.toCollection(ArrayList::new));
        pools.sort(Comparator.comparing((PoolResult p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(PoolResult::name));
        if (snapshot.events() != null) {
            pools.replaceAll(p -> EventAgreement.hold(p, snapshot.events(), eventRules));
        }
        List<Finding> machine = new ArrayList<>();
        for (MachineRule rule : machineRules) {
            machine.addAll(rule.evaluate(snapshot, directory));
        }
        machine.sort(Comparator.comparing(Finding::ruleId).thenComparing(Finding::message));
        return new AuditResult(snapshot.machine(), pools, machine, snapshot.notes());
    }

    /** Builds the context the rules see for one pool. */
    static PoolContext context(Snapshot snapshot, AppPool pool, PrincipalDirectory directory, RightsIndex index,
                               Wording wording, Memberships.Index memberships) {
        ProcessModel pm = pool.processModel();
        IdentityType type = pm.identityType();
        if (snapshot.iis().kind() == ConfigKind.IIS_EXPRESS) {
            PoolIdentity id = new PoolIdentity(type, "(the interactive user)", null, PoolIdentity.Scope.UNKNOWN);
            return new PoolContext(snapshot, pool, id, WorkerLogon.NONE, null, null, null, directory, index, wording);
        }
        switch (type) {
            case APPLICATION_POOL_IDENTITY -> {
                Sid sid = directory.poolSid(pool);
                String account = VirtualAccounts.APP_POOL_DOMAIN + "\\" + pool.name();
                PoolIdentity id = new PoolIdentity(type, account, sid, PoolIdentity.Scope.VIRTUAL);
                TokenModel token = TokenModel.forVirtualAccount(sid, account, !pm.manualGroupMembership());
                return new PoolContext(snapshot, pool, id, WorkerLogon.SERVICE, UserRight.SERVICE, UserRight.DENY_SERVICE,
                        token, directory, index, wording);
            }
            case LOCAL_SYSTEM, LOCAL_SERVICE, NETWORK_SERVICE -> {
                Sid sid = type.builtInSid().orElseThrow();
                String account = WellKnownSids.nameOf(sid).orElse(type.iisName());
                PoolIdentity id = new PoolIdentity(type, account, sid, PoolIdentity.Scope.BUILT_IN);
                return new PoolContext(snapshot, pool, id, WorkerLogon.BUILT_IN_SESSION, null, null,
                        TokenModel.forBuiltIn(sid, account), directory, index, wording);
            }
            default -> {
                return specificUser(snapshot, pool, directory, index, wording, memberships);
            }
        }
    }

    private static PoolContext specificUser(Snapshot snapshot, AppPool pool, PrincipalDirectory directory,
                                            RightsIndex index, Wording wording, Memberships.Index memberships) {
        ProcessModel pm = pool.processModel();
        String user = pm.userName();
        if (user == null) {
            PoolIdentity id = new PoolIdentity(IdentityType.SPECIFIC_USER, null, null, PoolIdentity.Scope.UNKNOWN);
            return new PoolContext(snapshot, pool, id, WorkerLogon.NONE, null, null, null, directory, index, wording);
        }
        boolean local = isLocalAccount(user, snapshot.machine());
        Sid resolved = directory.resolveName(user).orElse(null);
        Optional<AccountMembership> membership = memberships.find(user, resolved);
        Sid sid = membership.map(AccountMembership::sid).orElse(resolved);
        PoolIdentity id = new PoolIdentity(IdentityType.SPECIFIC_USER, user, sid,
                local ? PoolIdentity.Scope.LOCAL : PoolIdentity.Scope.DOMAIN);
        UserRight required = pm.logonType().requiredRight();
        WorkerLogon logon = required == UserRight.BATCH ? WorkerLogon.BATCH : WorkerLogon.SERVICE;
        Sid logonTypeSid = required == UserRight.BATCH ? WellKnownSids.BATCH : WellKnownSids.SERVICE;
        TokenModel token = TokenModel.forSpecificUser(user, sid, local, membership.orElse(null), logonTypeSid,
                directory.poolSid(pool), !pm.manualGroupMembership());
        return new PoolContext(snapshot, pool, id, logon, required, required.twin(), token, directory, index, wording);
    }

    /** {@code name}, {@code .\name} and {@code HOST\name} (this machine) are local SAM accounts. */
    static boolean isLocalAccount(String user, MachineInfo machine) {
        String u = user.strip();
        if (u.contains("@")) {
            return false;
        }
        int slash = u.indexOf('\\');
        if (slash < 0) {
            return true;
        }
        String domain = u.substring(0, slash);
        return domain.equals(".") || (machine.name() != null && domain.equalsIgnoreCase(machine.name()));
    }

    private PoolResult evaluate(PoolContext c, List<Application> applications, InputCompleteness completeness) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (PoolRule rule : poolRules) {
            Optional<RuleOutcome> outcome = rule.evaluate(c);
            if (outcome.isPresent() && !rule.metadata().forces(outcome.get().verdict())) {
                // The catalogue, the rule pages and the SARIF descriptors say which verdicts a rule forces.
                throw new IllegalStateException(rule.metadata().id() + " forced " + outcome.get().verdict()
                        + ", which its metadata does not declare");
            }
            outcome.ifPresent(outcomes::add);
        }
        Verdict verdict = Verdict.WILL_START;
        for (RuleOutcome o : outcomes) {
            verdict = verdict.combine(o.verdict());
        }
        Confidence confidence = baseConfidence(c);
        for (RuleOutcome o : outcomes) {
            if (o.verdict() == verdict) {
                confidence = confidence.weakest(o.confidence());
            }
        }
        if (verdict == Verdict.UNKNOWN) {
            confidence = Confidence.UNCERTAIN;
        }
        List<Finding> findings = outcomes.stream().map(RuleOutcome::finding)
                .sorted(Comparator.comparing(Finding::ruleId)).toList();
        List<ReasonStep> reasons = new ArrayList<>(ReasonChain.build(c, verdict, confidence, outcomes));
        final Verdict decided = verdict;
        String decidedBy = outcomes.stream().filter(o -> o.verdict() == decided && decided != Verdict.WILL_START)
                .map(o -> o.finding().ruleId()).findFirst().orElse(null);
        Optional<InputCompleteness.Doubt> doubt = completeness.doubt(c, verdict, confidence);
        if (doubt.isPresent()) {
            // An input the verdict rests on may be incomplete: never a confident verdict from it.
            verdict = doubt.get().verdict();
            confidence = Confidence.UNCERTAIN;
            decidedBy = doubt.get().undecided() ? null : decidedBy;
            reasons.set(reasons.size() - 1, doubt.get().reason());
        }
        return new PoolResult(c.pool().name(), c.identity(), c.logon(), c.requiredRight(), verdict, confidence, decidedBy,
                reasons, findings, applications);
    }

    /**
     * How well the logon mechanism itself is established: the batch and service rules of LogonUser
     * are documented; the service logon of virtual accounts and the built-in sessions are observed.
     */
    private static Confidence baseConfidence(PoolContext c) {
        return switch (c.identity().type()) {
            case SPECIFIC_USER -> Confidence.DOCUMENTED;
            default -> Confidence.OBSERVED;
        };
    }
}
