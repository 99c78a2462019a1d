package org.logonrights.report;

import java.util.List;
import java.util.Objects;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.PoolResult;
import org.logonrights.model.Provenance;

/**
 * What every renderer receives: the engine's result, the inputs it was computed from, and the
 * tool version. Contains no timestamps, so the same inputs always render the same bytes.
 */
public record AuditReport(AuditResult result, List<Provenance> inputs, String toolVersion) {
    public AuditReport {
        Objects.requireNonNull(result, "result");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** The names of the reported pools, in report order (as the report names them: pseudonyms when redacted). */
    public List<String> poolNames() {
        return result.pools().stream().map(PoolResult::name).toList();
    }
}
