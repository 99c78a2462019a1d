package org.logonrights.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.report.AuditReport;

/** Runs the engine over a snapshot and packs the result for the renderers. */
public final class AuditService {

    private AuditService() {
    }

    /**
     * Audits a snapshot; with {@code poolNames} non-empty only those pools are reported.
     *
     * @throws UsageException when a named pool does not exist
     */
    public static AuditReport audit(Snapshot snapshot, List<String> poolNames) throws UsageException {
        AuditResult full = Rules.standardEngine().audit(snapshot);
        return select(new AuditReport(full, inputsOf(snapshot), ToolVersion.get()), poolNames);
    }

    /**
     * The report of the named pools only (all when {@code poolNames} is empty), matched case-insensitively
     * against the names the report shows.
     *
     * @throws UsageException when a named pool is not in the report
     */
    static AuditReport select(AuditReport report, List<String> poolNames) throws UsageException {
        if (poolNames == null || poolNames.isEmpty()) {
            return report;
        }
        AuditResult full = report.result();
        List<PoolResult> selected = new ArrayList<>();
        for (String name : poolNames) {
            PoolResult p = full.pools().stream().filter(x -> x.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new UsageException("no application pool named '" + name + "'; the pools are: "
                            + full.pools().stream().map(PoolResult::name).collect(Collectors.joining(", "))));
            if (!selected.contains(p)) {
                selected.add(p);
            }
        }
        selected.sort(java.util.Comparator.comparing((PoolResult p) -> p.name().toLowerCase(Locale.ROOT)));
        return new AuditReport(new AuditResult(full.machine(), selected, full.machineFindings(), full.notes()),
                report.inputs(), report.toolVersion());
    }

    /** The sources a snapshot was built from, in a fixed order. */
    static List<Provenance> inputsOf(Snapshot s) {
        List<Provenance> inputs = new ArrayList<>();
        inputs.add(s.rights().source());
        inputs.add(s.iis().source());
        s.memberships().accounts().stream().map(a -> Provenance.of(a.provenance().kind(), a.provenance().file()))
                .distinct().forEach(inputs::add);
        if (s.groupPolicy() != null) {
            inputs.addAll(s.groupPolicy().sources());
        }
        return inputs.stream().distinct().toList();
    }

    /** The report with no pool: its machine findings and notes only. */
    static AuditReport withoutPools(AuditReport report) {
        AuditResult r = report.result();
        return new AuditReport(new AuditResult(r.machine(), List.of(), r.machineFindings(), r.notes()), report.inputs(),
                report.toolVersion());
    }
}
