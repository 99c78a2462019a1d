package org.logonrights.engine;

import java.util.Objects;
import org.logonrights.model.Provenance;

/**
 * One finding of one rule: about a pool ({@code pool} set) or about the machine. {@code location}
 * is the input file and line of the decisive fact, when there is one.
 */
public record Finding(String ruleId, String ruleName, Severity severity, String pool, String account,
                      String message, String remediation, Provenance location) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
