package org.logonrights.app;

/**
 * The environment cannot provide what was asked: live reading on a non-Windows OS, an unelevated
 * prompt, an LSA error. The CLI prints the one-line message and exits 3.
 */
public class EnvironmentException extends Exception {
    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
