package org.logonrights.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.logonrights.engine.Verdict;
import org.logonrights.model.InputException;
import org.logonrights.report.AuditReport;
import org.logonrights.report.FleetRenderer;
import org.logonrights.report.FleetSummary;
import org.logonrights.report.HostAudit;

/**
 * One audit over many hosts or snapshots, with one report. Each host is one task (its snapshot read,
 * its audit, its single-host report) on a pool of at most {@code parallel} threads; one host's failure
 * becomes its {@code ERROR} entry, with the one line and exit code {@link Failure} gives a single-host
 * run, and never stops the others. Every remote read is bounded in time by its own timeouts, so a
 * silent host costs one timeout, waited for alongside the others rather than in turn.
 *
 * <p>Reports are rendered host by host in the order given, as each host's turn comes: a host's part
 * goes to a temporary file, and only its summary line is kept, so memory holds at most a window of
 * {@code 2 × parallel} host reports whatever the size of the fleet. When every host is done, the head
 * (which needs the totals), the parts and the tail are written out.
 *
 * <p>Kerberos is process-wide state in the JDK (its krb5.conf); concurrent hosts do not corrupt each
 * other's because the directory serialises the short "krb5.conf for this realm and KDC, login, GSSAPI
 * bind" phase behind one lock, which a host takes only after its SMB session and its rootDSE read have
 * answered (each bounded by its own timeout), so a silent host never holds it while it waits.
 */
public final class FleetAudit {

    public static final int DEFAULT_PARALLEL = 8;
    public static final int MAX_PARALLEL = 64;

    /**
     * One host of the run.
     *
     * @param label its name in the report: the host as given, or a snapshot's file name
     * @param request what reads it
     * @param namedByMachine a snapshot: named by the machine it holds, when it names one
     */
    public record Target(String label, SnapshotRequest request, boolean namedByMachine) {
        public Target {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(request, "request");
        }
    }

    /** What is done on each host: a report of the pools asked for (possibly none, when the host has none of them). */
    @FunctionalInterface
    public interface Job {
        LogonRightsService.FleetHostReport run(LogonRightsService service, SnapshotRequest request)
                throws InputException, UsageException, EnvironmentException;
    }

    /** Told as each host finishes, from the thread that read it (calls are serialised). */
    public interface Progress {
        void update(int done, int total, int failed);

        /** A host could not be read; for {@code --debug}. */
        default void failure(String host, Exception cause) {
        }
    }

    /** No progress shown. */
    public static final Progress SILENT = (done, total, failed) -> { };

    /** The end of a run: its summary and its exit code. */
    public record Outcome(FleetSummary summary, ExitCode exitCode) {
    }

    private final LogonRightsService service;
    private final int parallel;
    private final boolean debug;

    /**
     * @param parallel how many hosts are read at once, 1 to {@value #MAX_PARALLEL}
     * @param debug whether an internal error's message says to rerun with --debug
     */
    public FleetAudit(LogonRightsService service, int parallel, boolean debug) throws UsageException {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new UsageException("--parallel must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        this.service = Objects.requireNonNull(service, "service");
        this.parallel = parallel;
        this.debug = debug;
    }

    /** Every pool, or only those named (case-insensitively, real names or pseudonyms); a host without them reports none. */
    public static Job audit(List<String> pools) {
        List<String> names = List.copyOf(pools);
        return (service, request) -> service.auditPresent(request, names);
    }

    /**
     * One pool, for its reason chain, on each host that has it. Redacted, the audit still runs on the real
     * snapshot (compute first, redact the output) and the pool may be named by its real name.
     */
    public static Job explain(String pool) {
        return audit(List.of(pool));
    }

    /**
     * Audits every target and writes the fleet report to {@code out}.
     *
     * @param asked the pool names the job was given; one that no host has is a usage error, as on one host
     * @throws UsageException when no host has a pool asked for (nothing is written then)
     */
    public Outcome run(List<Target> targets, Job job, List<String> asked, FailOn failOn, FleetRenderer renderer,
                       Progress progress, Writer out) throws IOException, UsageException {
        FleetSummary summary = new FleetSummary(ToolVersion.get());
        Set<String> seen = new TreeSet<>();
        Path spool = Files.createTempFile("logonrights-fleet", ".part"); // owner-only on POSIX
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()), daemonThreads());
        try {
            Counter counter = new Counter(targets.size(), progress);
            try (Writer parts = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                Deque<Future<Done>> window = new ArrayDeque<>();
                int next = 0;
                for (int index = 0; index < targets.size(); index++) {
                    while (next < targets.size() && window.size() < 2 * parallel) {
                        int position = next;
                        Target t = targets.get(next++);
                        window.add(pool.submit(() -> counter.done(host(t, position, job, failOn))));
                    }
                    Done done = await(window.poll());
                    HostAudit host = done.host();
                    done.matched().forEach(n -> seen.add(n.toLowerCase(Locale.ROOT)));
                    renderer.host(host, index, parts);
                    summary.add(host);
                }
            }
            refuseUnknownPools(asked, seen, summary);
            renderer.head(summary, out);
            try (Reader parts = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                parts.transferTo(out);
            }
            renderer.tail(summary, out);
            return new Outcome(summary, exitCode(summary, failOn));
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(spool);
        }
    }

    private static void refuseUnknownPools(List<String> asked, Set<String> seen, FleetSummary summary) throws UsageException {
        if (summary.audited() == 0) {
            return;
        }
        if (asked.size() == 1 && seen.isEmpty()) {
            throw new UsageException("no application pool named '" + asked.get(0) + "' on any of the " + summary.audited()
                    + " hosts audited");
        }
        for (String name : asked) {
            if (asked.size() > 1 && !seen.contains(name.toLowerCase(Locale.ROOT))) {
                throw new UsageException("no application pool named '" + name + "' on any of the " + summary.audited()
                        + " hosts audited");
            }
        }
    }

    /** A host's outcome, the pool names asked for that it had, and the exception it failed with (null when audited). */
    private record Done(HostAudit host, List<String> matched, Exception cause) {
    }

    /** One host's task: read, audit, or the failure a single-host run would have reported. */
    private Done host(Target t, int position, Job job, FailOn failOn) {
        // Redacted, a host is never named as given (a host name or a file name can name the customer), nor by
        // its pseudonym (each host has its own table, so every one would be HOST-1): by its place in the run.
        String given = t.request().redact() ? "host-" + (position + 1) : t.label();
        try {
            LogonRightsService.FleetHostReport result = job.run(service, t.request());
            AuditReport report = result.report();
            String label = given;
            String machine = report.result().machine().name();
            if (t.namedByMachine() && !t.request().redact() && machine != null && !machine.isBlank()) {
                label = machine;
            }
            return new Done(new HostAudit(label, report, null, LogonRightsService.exitCode(report, failOn).code()),
                    result.matched(), null);
        } catch (InputException | UsageException | EnvironmentException | RuntimeException e) {
            Failure failure = Failure.of(e, debug);
            return new Done(new HostAudit(given, null, t.request().redact() ? "the host could not be read" : failure.message(),
                    failure.exitCode().code()), List.of(), e);
        }
    }

    private static Done await(Future<Done> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the hosts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a host's task failed outside its own error handling", e.getCause());
        }
    }

    /**
     * The exit code of a fleet: 1 if an audited pool reaches {@code --fail-on}; else 3 if a host could
     * not be read; else 4 if a pool is UNKNOWN (unless {@code never}); else 0.
     */
    public static ExitCode exitCode(FleetSummary summary, FailOn failOn) {
        Set<Verdict> present = EnumSet.noneOf(Verdict.class);
        for (Verdict v : Verdict.values()) {
            if (summary.count(v) > 0) {
                present.add(v);
            }
        }
        ExitCode verdicts = failOn.exitCodeFor(present);
        if (verdicts == ExitCode.FINDINGS) {
            return verdicts;
        }
        return summary.failed() > 0 ? ExitCode.ENVIRONMENT : verdicts;
    }

    /** Counts finished hosts for the progress line. */
    private static final class Counter {
        private final int total;
        private final Progress progress;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Counter(int total, Progress progress) {
            this.total = total;
            this.progress = progress;
        }

        Done done(Done outcome) {
            if (outcome.cause() != null) {
                failed.incrementAndGet();
            }
            synchronized (this) {
                if (outcome.cause() != null) {
                    progress.failure(outcome.host().host(), outcome.cause());
                }
                progress.update(done.incrementAndGet(), total, failed.get());
            }
            return outcome;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "logonrights-host-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

}
