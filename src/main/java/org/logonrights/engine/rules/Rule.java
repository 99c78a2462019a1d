package org.logonrights.engine.rules;

import org.logonrights.engine.Severity;

/**
 * A rule's metadata, shared by every renderer: a stable id ({@code LR###}, never reused), a
 * kebab-case name, a one-line title, a description of the mechanism, and its documentation page.
 */
public interface Rule {

    String id();

    String name();

    String title();

    /** What the rule detects and why it matters, in one or two sentences. */
    String description();

    Severity defaultSeverity();

    /** The rule's page, relative to the repository root. */
    default String docPath() {
        return "docs/rules/" + id() + ".md";
    }
}
