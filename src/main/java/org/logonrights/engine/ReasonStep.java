package org.logonrights.engine;

import java.util.Objects;
import org.logonrights.model.Provenance;

/**
 * One link in a pool's reason chain: identity, logon type, required right, grants, denies, Group
 * Policy, verdict. {@code source} points at the evidence when there is one.
 */
public record ReasonStep(Step step, String message, Provenance source) {

    public enum Step { IDENTITY, LOGON, REQUIRED_RIGHT, GRANT, DENY, MEMBERSHIP, GROUP_POLICY, VERDICT }

    public ReasonStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
    }

    public static ReasonStep of(Step step, String message) {
        return new ReasonStep(step, message, null);
    }
}
