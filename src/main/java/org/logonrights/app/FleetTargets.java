package org.logonrights.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.logonrights.model.InputException;

/**
 * The hosts of one run: a single request (today's single-host audit), or several targets for a
 * {@link FleetAudit}. A remote fleet shares one password, asked for once before any host is read,
 * and wiped by {@link #close()}; each host's read gets a copy, which it wipes itself.
 */
public final class FleetTargets implements AutoCloseable {

    private final SnapshotRequest single;
    private final List<FleetAudit.Target> targets;
    private final char[] password;

    private FleetTargets(SnapshotRequest single, List<FleetAudit.Target> targets, char[] password) {
        this.single = single;
        this.targets = targets;
        this.password = password;
    }

    /**
     * The hosts that {@code base} (every option but the hosts and snapshots), the {@code --remote}
     * values ({@code HOST} or {@code @FILE}) and the {@code --snapshot} values (files or folders) name.
     *
     * @throws UsageException when the options do not go together, before any host is read
     */
    public static FleetTargets of(SnapshotRequest base, List<String> remotes, List<Path> snapshotValues)
            throws UsageException, InputException {
        List<String> hosts = HostList.hosts(remotes, base.maxInputSize());
        List<Path> snapshots = HostList.snapshots(snapshotValues);
        if (!hosts.isEmpty() && !snapshots.isEmpty()) {
            throw new UsageException("--remote reads the rights and applicationHost.config from HOST; "
                    + "do not combine it with input files other than --memberships");
        }
        InputSelection files = base.files();
        if (hosts.size() + snapshots.size() <= 1) {
            RemoteRequest remote = base.remote();
            if (hosts.size() == 1) {
                remote = withHost(remote, hosts.get(0), remote.password());
            }
            InputSelection one = snapshots.isEmpty() ? files : withSnapshot(files, snapshots.get(0));
            return new FleetTargets(new SnapshotRequest(one, remote, base.maxInputSize(), base.redact()), null, null);
        }
        if (!files.events().isEmpty()) {
            throw new UsageException("--events are one server's logs; they do not go with several hosts or snapshots");
        }
        List<FleetAudit.Target> targets = new ArrayList<>();
        if (snapshots.isEmpty()) {
            // Every host needs what the first needs: a bad combination is refused before a password is asked for.
            SnapshotSources.select(new SnapshotRequest(files, withHost(base.remote(), hosts.get(0), () -> new char[] {'x'}),
                    base.maxInputSize(), base.redact()));
            char[] password = base.remote().password().read();
            for (String host : hosts) {
                RemoteRequest remote = withHost(base.remote(), host, password::clone);
                targets.add(new FleetAudit.Target(host, new SnapshotRequest(files, remote, base.maxInputSize(), base.redact()),
                        false));
            }
            return new FleetTargets(null, List.copyOf(targets), password);
        }
        for (Path file : snapshots) {
            SnapshotRequest request = new SnapshotRequest(withSnapshot(files, file), base.remote(), base.maxInputSize(),
                    base.redact());
            SnapshotSources.select(request);
            Path name = file.getFileName();
            targets.add(new FleetAudit.Target(name == null ? file.toString() : name.toString(), request, true));
        }
        return new FleetTargets(null, List.copyOf(targets), null);
    }

    private static RemoteRequest withHost(RemoteRequest remote, String host, PasswordSource password) {
        return new RemoteRequest(host, remote.user(), password, remote.configPath(), remote.directory());
    }

    private static InputSelection withSnapshot(InputSelection f, Path snapshot) {
        return new InputSelection(f.secedit(), f.applicationHost(), f.memberships(), f.gpresult(), f.gpoTemplates(), snapshot,
                f.events());
    }

    /** True when the run covers more than one host or snapshot. */
    public boolean isFleet() {
        return targets != null;
    }

    /** The request of a run over one host or snapshot (or none: the local machine, exported files). */
    public SnapshotRequest single() {
        if (single == null) {
            throw new IllegalStateException("a fleet has no single request");
        }
        return single;
    }

    /** The fleet's hosts, in the order given. */
    public List<FleetAudit.Target> targets() {
        if (targets == null) {
            throw new IllegalStateException("a single host is not a fleet");
        }
        return targets;
    }

    /** Wipes the shared password. */
    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
