package org.logonrights.app;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.RightsAnalysis;
import org.logonrights.engine.Verdict;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.report.AuditReport;
import org.logonrights.report.PseudonymTable;
import org.logonrights.report.ReportFormat;
import org.logonrights.report.RightsReport;
import org.logonrights.sources.snapshot.SnapshotWriter;

/**
 * The use cases of logonrights, whatever the front end: audit, explain, rights and collect, each over
 * the snapshot a {@link SnapshotRequest} names. The one place where a snapshot is obtained and redacted;
 * front ends parse their options into a request, call one method here and render what it returns.
 */
public final class LogonRightsService {

    /** Turns a request into the source it names; tests replace it to feed a snapshot without I/O. */
    @FunctionalInterface
    public interface SourceSelector {
        SnapshotSource select(SnapshotRequest request) throws UsageException;
    }

    private final SourceSelector sources;
    private final SourceSelector rightsSources;
    private final Consumer<PseudonymTable> pseudonyms;

    /** The service over the real sources: files, snapshot files, the local and remote machines. */
    public LogonRightsService() {
        this(SnapshotSources::select, SnapshotSources::selectForRights, t -> { });
    }

    /** With one selector for every use case. */
    public LogonRightsService(SourceSelector sources) {
        this(sources, sources, t -> { });
    }

    /** {@code rightsSources} serves {@code rights}, which needs no IIS configuration. */
    private LogonRightsService(SourceSelector sources, SourceSelector rightsSources, Consumer<PseudonymTable> pseudonyms) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.rightsSources = Objects.requireNonNull(rightsSources, "rightsSources");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /**
     * The same service, handing the pseudonym table of every redacted use case to {@code sink} (for
     * {@code --redact-map}): the table stays out of the report, and the front end decides where it goes.
     */
    public LogonRightsService withPseudonymTable(Consumer<PseudonymTable> sink) {
        return new LogonRightsService(sources, rightsSources, sink);
    }

    /** The snapshot a request names, redacted when it asks for it. */
    public Snapshot snapshot(SnapshotRequest request) throws InputException, UsageException, EnvironmentException {
        Snapshot snapshot = sources.select(request).read();
        return request.redact() ? redactor(snapshot).snapshot() : snapshot;
    }

    /** The run's one redaction, learned from the real snapshot, with the redacted snapshot; its table goes to the sink. */
    private SnapshotRedactor redactor(Snapshot plain) {
        return published(SnapshotRedactor.of(plain));
    }

    /** The run's one redaction, for reports only: learned from the real snapshot, keeping no redacted copy of it. */
    private SnapshotRedactor reportRedactor(Snapshot plain) {
        return published(SnapshotRedactor.learning(plain));
    }

    private SnapshotRedactor published(SnapshotRedactor redactor) {
        pseudonyms.accept(redactor.names().table());
        return redactor;
    }

    /**
     * A verdict for every pool, or for the named pools only (case-insensitive; an unknown name is refused).
     * Redacted, the engine still runs on the real snapshot and only its result is redacted: a pseudonym
     * can neither change a verdict nor lose a finding. Pools may then be named by their real names (what
     * the engineer on the server knows) or by their pseudonyms (what the ticket shows).
     */
    public AuditReport audit(SnapshotRequest request, List<String> pools)
            throws InputException, UsageException, EnvironmentException {
        Snapshot plain = sources.select(request).read();
        if (!request.redact()) {
            return AuditService.audit(plain, pools);
        }
        SnapshotRedactor redactor = reportRedactor(plain);
        List<String> reported = new ArrayList<>();
        for (String name : pools) {
            // A real name first: it is what the server shows; a pseudonym is taken as the ticket shows it.
            reported.add(plain.iis().pools().stream().anyMatch(p -> p.name().equalsIgnoreCase(name.strip()))
                    ? redactor.names().known(name).orElse(name) : name);
        }
        AuditReport redacted = new ReportRedactor(redactor).audit(AuditService.audit(plain, List.of()));
        return AuditService.select(redacted, reported);
    }

    /**
     * One host of a fleet: what {@link #audit} gives, except that of the named pools only those this host
     * has are reported (by real name, or by pseudonym when redacted), and a host with none of them reports
     * no pool instead of being refused; {@code matched} says which of the names it had.
     */
    public FleetHostReport auditPresent(SnapshotRequest request, List<String> pools)
            throws InputException, UsageException, EnvironmentException {
        Snapshot plain = sources.select(request).read();
        SnapshotRedactor redactor = request.redact() ? reportRedactor(plain) : null;
        AuditReport full = redactor == null ? AuditService.audit(plain, List.of())
                : new ReportRedactor(redactor).audit(AuditService.audit(plain, List.of()));
        if (pools.isEmpty()) {
            return new FleetHostReport(full, List.of());
        }
        List<String> matched = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (String name : pools) {
            String shown = redactor != null && hasPool(plain, name) ? redactor.names().known(name).orElse(name) : name;
            if (full.poolNames().stream().anyMatch(p -> p.equalsIgnoreCase(shown.strip()))) {
                matched.add(name);
                reported.add(shown);
            }
        }
        return new FleetHostReport(reported.isEmpty() ? AuditService.withoutPools(full) : AuditService.select(full, reported),
                matched);
    }

    /** A fleet host's report, and which of the pool names asked for it had. */
    public record FleetHostReport(AuditReport report, List<String> matched) {
        public FleetHostReport {
            matched = List.copyOf(matched);
        }
    }

    private static boolean hasPool(Snapshot snapshot, String name) {
        return snapshot.iis().pools().stream().anyMatch(p -> p.name().equalsIgnoreCase(name.strip()));
    }

    /** The audit of one pool, for its full reason chain; redacted, named by its real name or its pseudonym. */
    public AuditReport explain(SnapshotRequest request, String pool)
            throws InputException, UsageException, EnvironmentException {
        return audit(request, List.of(pool));
    }

    /** Every logon right's holders, owner and drift, or only those of {@code rights} when not empty. */
    public RightsReport rights(SnapshotRequest request, List<UserRight> rights)
            throws InputException, UsageException, EnvironmentException {
        Snapshot snapshot = rightsSources.select(request).read();
        RightsReport report = new RightsReport(snapshot.machine(), RightsAnalysis.analyze(snapshot, rights));
        return request.redact() ? new ReportRedactor(reportRedactor(snapshot)).rights(report) : report;
    }

    /** The snapshot document of a request, for {@code collect}. */
    public CollectedSnapshot collect(SnapshotRequest request)
            throws InputException, UsageException, EnvironmentException {
        if (request.files().snapshot() != null && !request.redact()) {
            throw new UsageException("collect reads inputs; to redact an existing snapshot add --redact");
        }
        Snapshot snapshot = sources.select(request).read();
        StringWriter json = new StringWriter();
        try {
            if (request.redact()) {
                SnapshotWriter.write(redactor(snapshot).document(), json);
            } else {
                SnapshotFiles.write(snapshot, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return new CollectedSnapshot(json.toString(), snapshot.iis().pools().size(),
                snapshot.rights().assignments().size(), request.redact());
    }

    /** The logon rights named by their constants ({@code SeBatchLogonRight}), case-insensitively. */
    public static List<UserRight> parseRights(List<String> names) throws UsageException {
        List<UserRight> rights = new ArrayList<>();
        for (String name : names) {
            rights.add(UserRight.fromConstantName(name).orElseThrow(() -> new UsageException("'" + name
                    + "' is not a logon right; expected one of "
                    + Arrays.stream(UserRight.values()).map(UserRight::constantName).toList())));
        }
        return rights;
    }

    /**
     * The format of a report: the one given with {@code --format}, else the one the output file's
     * extension names ({@code -o report.sarif}), else text. A format and an extension that name two
     * different formats are refused, rather than writing JSON into {@code report.sarif}.
     *
     * @param given the format given, or null
     * @param output the output file, or null for standard output
     */
    public static ReportFormat reportFormat(ReportFormat given, Path output) throws UsageException {
        Path name = output == null ? null : output.getFileName();
        Optional<ReportFormat> implied = name == null ? Optional.empty() : ReportFormat.ofFileName(name.toString());
        if (given != null && implied.isPresent() && implied.get() != given) {
            throw new UsageException("--format " + given.cliName() + " does not match the output file " + output
                    + ", whose extension means --format " + implied.get().cliName() + "; change one of them");
        }
        return given != null ? given : implied.orElse(ReportFormat.TEXT);
    }

    /** The format a {@code rights} report is written in, text or JSON, chosen as {@link #reportFormat} does. */
    public static ReportFormat rightsFormat(String name, Path output) throws UsageException {
        ReportFormat given = null;
        if (name != null) {
            given = ReportFormat.parse(name).orElseThrow(() -> notARightsFormat(name));
        }
        ReportFormat format = reportFormat(given, output);
        if (format.rightsRenderer().isEmpty()) {
            throw notARightsFormat(format.cliName());
        }
        return format;
    }

    private static UsageException notARightsFormat(String name) {
        return new UsageException("rights supports --format text or json, not '" + name + "'");
    }

    /** The exit code of an audit: which verdicts occur, against the {@code --fail-on} threshold. */
    public static ExitCode exitCode(AuditReport report, FailOn failOn) {
        EnumSet<Verdict> present = EnumSet.noneOf(Verdict.class);
        for (PoolResult pool : report.result().pools()) {
            present.add(pool.verdict());
        }
        return failOn.exitCodeFor(present);
    }
}
