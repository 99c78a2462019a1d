package org.logonrights.engine.rules;

import org.logonrights.engine.Confidence;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolContext;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Provenance;

/** Holds a rule's metadata and builds its findings and outcomes. */
abstract class BaseRule implements Rule {

    private final String id;
    private final String name;
    private final String title;
    private final String description;
    private final Severity severity;

    BaseRule(String id, String name, String title, Severity severity, String description) {
        this.id = id;
        this.name = name;
        this.title = title;
        this.severity = severity;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    Finding finding(PoolContext c, String message, String remediation, Provenance location) {
        return new Finding(id, name, severity, c.pool().name(), c.identity().account(), message, remediation, location);
    }

    Finding machineFinding(String message, String remediation, Provenance location) {
        return new Finding(id, name, severity, null, null, message, remediation, location);
    }

    RuleOutcome outcome(Verdict verdict, Confidence confidence, PoolContext c, String message, String remediation,
                        Provenance location) {
        return new RuleOutcome(verdict, confidence, finding(c, message, remediation, location));
    }
}
