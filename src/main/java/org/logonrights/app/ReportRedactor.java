package org.logonrights.app;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.logonrights.app.Pseudonyms.Kind;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolEvents;
import org.logonrights.engine.PoolIdentity;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.RightsAnalysis.Holding;
import org.logonrights.engine.RightsAnalysis.RightSummary;
import org.logonrights.model.Application;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.InputNote;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;
import org.logonrights.report.AuditReport;
import org.logonrights.report.RightsReport;
import org.logonrights.sources.snapshot.SnapshotDocument.GpoDoc;

/**
 * Redacts what the engine concluded, after it concluded it: every string of an audit or rights report
 * that can carry a name goes through the run's one pseudonym table ({@link SnapshotRedactor#names()}).
 * Typed fields (pool, site, account, SID, GPO, file) are replaced as the snapshot's fields are;
 * sentences (reasons, messages, remediations, notes, XML paths) are scrubbed of every value the table
 * learned. Verdicts, confidences, rule ids and decisions are copied, never recomputed: a redacted
 * report says exactly what the plain one says, under other names.
 *
 * <p>There is no textual pass over the rendered output: JSON, SARIF and JUnit escape backslashes and
 * quotes, so a pass over rendered bytes would miss {@code CORP\\svc} where the model has {@code CORP\svc}.
 * Every string the renderers print comes from this model or from the tool's own wording; the model is
 * walked whole, and a test fills every string of it with a name that must not survive.
 */
final class ReportRedactor {

    private final SnapshotRedactor redactor;
    private final Pseudonyms names;

    ReportRedactor(SnapshotRedactor redactor) {
        this.redactor = redactor;
        this.names = redactor.names();
    }

    /** The report under pseudonyms; pools and machine findings sorted again, as the engine sorts them. */
    AuditReport audit(AuditReport plain) {
        // Twice, as for the snapshot: a value first met in a typed field of a later pool is then known to
        // the sentences of an earlier one.
        result(plain.result());
        return new AuditReport(result(plain.result()), map(plain.inputs(), this::provenance), plain.toolVersion());
    }

    /** The rights report under pseudonyms. */
    RightsReport rights(RightsReport plain) {
        rightsOnce(plain);
        return rightsOnce(plain);
    }

    private RightsReport rightsOnce(RightsReport plain) {
        return new RightsReport(machine(plain.machine()), map(plain.rights(), this::right));
    }

    private AuditResult result(AuditResult r) {
        List<PoolResult> pools = map(r.pools(), this::pool).stream()
                .sorted(Comparator.comparing((PoolResult p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(PoolResult::name))
                .toList();
        List<Finding> machine = map(r.machineFindings(), this::finding).stream()
                .sorted(Comparator.comparing(Finding::ruleId).thenComparing(Finding::message)).toList();
        return new AuditResult(machine(r.machine()), pools, machine, map(r.notes(), this::note));
    }

    private MachineInfo machine(MachineInfo m) {
        return m == null ? null : new MachineInfo(names.of(m.name(), Kind.HOST), names.of(m.domain(), Kind.DOMAIN),
                m.osVersion(), m.iisVersion());
    }

    private PoolResult pool(PoolResult p) {
        PoolIdentity id = p.identity();
        PoolIdentity identity = id == null ? null
                : new PoolIdentity(id.type(), redactor.account(id.account()), names.sid(id.sid()), id.scope());
        return new PoolResult(names.pool(p.name()), identity, p.logon(), p.requiredRight(), p.verdict(), p.confidence(),
                p.decidedBy(), map(p.reasons(), this::reason), map(p.findings(), this::finding),
                map(p.applications(), this::application), events(p.events()));
    }

    private ReasonStep reason(ReasonStep s) {
        return new ReasonStep(s.step(), names.text(s.message()), provenance(s.source()));
    }

    private Finding finding(Finding f) {
        return new Finding(f.ruleId(), f.ruleName(), f.severity(), names.pool(f.pool()), redactor.account(f.account()),
                names.text(f.message()), names.text(f.remediation()), provenance(f.location()));
    }

    private Application application(Application a) {
        return new Application(names.of(a.siteName(), Kind.SITE), names.virtualPath(a.path()), names.pool(a.poolName()),
                a.poolSource(), provenance(a.provenance()));
    }

    private PoolEvents events(PoolEvents e) {
        return e == null ? null : new PoolEvents(e.agreement(), map(e.events(), this::event), event(e.decidedBy()));
    }

    private LoggedEvent event(LoggedEvent e) {
        return e == null ? null : new LoggedEvent(e.kind(), e.time(), e.recordId(), names.of(e.computer(), Kind.HOST),
                names.pool(e.poolName()), redactor.account(e.account()), names.sid(e.accountSid()), e.failure(), e.code(),
                provenance(e.source()));
    }

    private InputNote note(InputNote n) {
        Provenance source = provenance(n.provenance()); // first, so a message naming the note's own file reads as its source
        return new InputNote(n.level(), n.code(), names.text(n.message()), source);
    }

    private RightSummary right(RightSummary r) {
        return new RightSummary(r.right(), gpo(r.definedBy()), map(r.losing(), this::gpo), r.groupPolicyKnown(),
                map(r.holders(), h -> new Holding(redactor.account(h.name()), names.sid(h.sid()), h.origin(), h.drift(),
                        h.driftCertain(), provenance(h.source()))),
                map(r.unread(), this::gap));
    }

    private GpoGap gap(GpoGap g) {
        return new GpoGap(gpo(g.gpo()), g.reason(), g.precedence(), provenance(g.provenance()), names.text(g.detail()));
    }

    private GpoInfo gpo(GpoInfo g) {
        if (g == null) {
            return null;
        }
        GpoDoc d = redactor.gpo(new GpoDoc(g.id(), g.displayName(), g.domain()));
        return new GpoInfo(d.id(), d.name(), d.domain());
    }

    /** As a snapshot's sources: a file keeps only its kind, and the element is scrubbed. */
    private Provenance provenance(Provenance p) {
        if (p == null) {
            return null;
        }
        String file = null;
        if (p.file() != null) {
            file = SnapshotRedactor.canonicalFile(p.kind().name());
            names.fix(p.file(), file);
        }
        return new Provenance(p.kind(), file, p.line(), names.text(p.element()));
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list == null ? null : list.stream().map(f).toList();
    }
}
