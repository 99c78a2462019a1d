package org.logonrights.engine;

/** How loudly a finding speaks; maps one-to-one onto SARIF levels. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE
}
