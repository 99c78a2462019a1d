package org.logonrights.app;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.RightsAnalysis;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.report.AuditReport;
import org.logonrights.report.ReportFormat;
import org.logonrights.report.RightsReport;
import org.logonrights.sources.InputException;

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

    /** The service over the real sources: files, snapshot files, the local and remote machines. */
    public LogonRightsService() {
        this(SnapshotSources::select);
    }

    public LogonRightsService(SourceSelector sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** The snapshot a request names, redacted when it asks for it. */
    public Snapshot snapshot(SnapshotRequest request) throws InputException, UsageException, EnvironmentException {
        Snapshot snapshot = sources.select(request).read();
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
        Snapshot snapshot = snapshot(request);
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

    /** The format a {@code rights} report is written in: text or JSON. */
    public static ReportFormat rightsFormat(String name) throws UsageException {
        return ReportFormat.parse(name).filter(f -> f.rightsRenderer().isPresent())
                .orElseThrow(() -> new UsageException("rights supports --format text or json, not '" + name + "'"));
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
