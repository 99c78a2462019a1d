package org.logonrights.engine.rules;

import org.logonrights.engine.Confidence;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.RuleOutcome;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Provenance;

/** Holds a rule's metadata and builds its findings and outcomes from it. */
abstract class BaseRule {

    /** The release every rule of the first catalogue came with. */
    static final String FIRST_RELEASE = "0.1.0";

    private final RuleMetadata metadata;

    BaseRule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    public final RuleMetadata metadata() {
        return metadata;
    }

    Finding finding(PoolContext c, String message, String remediation, Provenance location) {
        return new Finding(metadata.id(), metadata.name(), metadata.severity(), c.pool().name(), c.identity().account(),
                message, remediation, location);
    }

    Finding machineFinding(String message, String remediation, Provenance location) {
        return new Finding(metadata.id(), metadata.name(), metadata.severity(), null, null, message, remediation, location);
    }

    /** An outcome forcing {@code verdict}, one of those the metadata declares (the engine checks). */
    RuleOutcome outcome(Verdict verdict, Confidence confidence, PoolContext c, String message, String remediation,
                        Provenance location) {
        return new RuleOutcome(verdict, confidence, finding(c, message, remediation, location));
    }
}
