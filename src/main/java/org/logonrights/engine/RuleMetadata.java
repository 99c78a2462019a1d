package org.logonrights.engine;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a rule is, as data every renderer and the documentation read: a stable id ({@code LR###},
 * never reused), a kebab-case name, a one-line title, what it looks at, its severity, the verdicts
 * it can force (none for a machine rule), the decision of docs/verdicts.md it implements, the
 * release that introduced it, public references for the mechanism, and a description of it in one
 * or two sentences.
 */
public record RuleMetadata(String id, String name, String title, RuleCategory category, Severity severity,
                           Set<Verdict> verdicts, Optional<Decision> decision, String since, List<URI> references,
                           String description) {

    private static final Pattern ID = Pattern.compile("LR\\d{3}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    public RuleMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(description, "description");
        require(ID.matcher(Objects.requireNonNull(id, "id")).matches(), "a rule id is LR and three digits: " + id);
        require(NAME.matcher(Objects.requireNonNull(name, "name")).matches(), "a rule name is kebab-case: " + name);
        require(VERSION.matcher(Objects.requireNonNull(since, "since")).matches(), "since is a release number: " + since);
        // An EnumSet iterates in verdict order, so every listing of a rule's verdicts reads the same.
        Set<Verdict> forced = EnumSet.noneOf(Verdict.class);
        forced.addAll(verdicts);
        verdicts = Collections.unmodifiableSet(forced);
        references = List.copyOf(references);
        for (URI reference : references) {
            require("https".equals(reference.getScheme()) && reference.getHost() != null,
                    id + ": a reference is a public https address: " + reference);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True when the rule can force {@code verdict} on a pool. */
    public boolean forces(Verdict verdict) {
        return verdicts.contains(verdict);
    }

    /** The rule's page, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
