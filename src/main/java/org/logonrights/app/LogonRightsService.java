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
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.RightsAnalysis;
import org.logonrights.engine.Verdict;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.report.AuditReport;
import org.logonrights.report.ReportFormat;
import org.logonrights.report.RightsReport;

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

    /** The service over the real sources: files, snapshot files, the local and remote machines. */
    public LogonRightsService() {
        this(SnapshotSources::select, SnapshotSources::selectForRights);
    }

    /** With one selector for every use case. */
    public LogonRightsService(SourceSelector sources) {
        this(sources, sources);
    }

    /** {@code rightsSources} serves {@code rights}, which needs no IIS configuration. */
    private LogonRightsService(SourceSelector sources, SourceSelector rightsSources) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.rightsSources = Objects.requireNonNull(rightsSources, "rightsSources");
    }

    /** The snapshot a request names, redacted when it asks for it. */
    public Snapshot snapshot(SnapshotRequest request) throws InputException, UsageException, EnvironmentException {
        return read(sources, request);
    }

    private static Snapshot read(SourceSelector selector, SnapshotRequest request)
            throws InputException, UsageException, EnvironmentException {
        Snapshot snapshot = selector.select(request).read();
        return request.redact() ? SnapshotRedactor.redact(snapshot) : snapshot;
    }

    /** A verdict for every pool, or for the named pools only (case-insensitive; an unknown name is refused). */
    public AuditReport audit(SnapshotRequest request, List<String> pools)
            throws InputException, UsageException, EnvironmentException {
        return AuditService.audit(snapshot(request), pools);
    }

    /**
     * The audit of one pool, for its full reason chain. Redacted, the pool may be named by its real name
     * (what the engineer on the server knows) or by its pseudonym (what the ticket shows).
     */
    public AuditReport explain(SnapshotRequest request, String pool)
            throws InputException, UsageException, EnvironmentException {
        if (!request.redact()) {
            return AuditService.audit(snapshot(request), List.of(pool));
        }
        Snapshot plain = sources.select(request).read();
        Snapshot redacted = SnapshotRedactor.redact(plain);
        List<org.logonrights.model.AppPool> real = plain.iis().pools();
        List<org.logonrights.model.AppPool> pseudonymous = redacted.iis().pools();
        String name = pool;
        for (int i = 0; i < real.size() && real.size() == pseudonymous.size(); i++) {
            if (real.get(i).name().equalsIgnoreCase(pool)) {
                name = pseudonymous.get(i).name(); // redaction maps the pools in order
                break;
            }
        }
        return AuditService.audit(redacted, List.of(name));
    }

    /** Every logon right's holders, owner and drift, or only those of {@code rights} when not empty. */
    public RightsReport rights(SnapshotRequest request, List<UserRight> rights)
            throws InputException, UsageException, EnvironmentException {
        Snapshot snapshot = read(rightsSources, request);
        return new RightsReport(snapshot.machine(), RightsAnalysis.analyze(snapshot, rights));
    }

    /** The snapshot document of a request, for {@code collect}. */
    public CollectedSnapshot collect(SnapshotRequest request)
            throws InputException, UsageException, EnvironmentException {
        if (request.files().snapshot() != null && !request.redact()) {
            throw new UsageException("collect reads inputs; to redact an existing snapshot add --redact");
        }
        Snapshot snapshot = snapshot(request);
        StringWriter json = new StringWriter();
        try {
            SnapshotFiles.write(snapshot, json);
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
