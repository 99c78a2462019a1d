package org.logonrights.app;

import org.logonrights.model.InputException;

/**
 * What a failed use case means for the user: the exit code, and the one line that says what is wrong.
 * Every front end reports failures through this, so that a given error reads the same everywhere.
 */
public record Failure(ExitCode exitCode, String message) {

    /** The failure an exception stands for; anything unexpected is an internal error (a bug). */
    public static Failure of(Exception ex, boolean debug) {
        ExitCode code;
        String message;
        if (ex instanceof InputException ie) {
            code = ExitCode.INVALID_INPUT;
            message = ie.oneLine();
        } else if (ex instanceof UsageException ue) {
            code = ExitCode.INVALID_INPUT;
            message = ue.getMessage();
        } else if (ex instanceof EnvironmentException ee) {
            code = ExitCode.ENVIRONMENT;
            message = ee.getMessage();
        } else {
            code = ExitCode.INTERNAL_ERROR;
            message = "internal error: " + ex + (debug ? "" : " (rerun with --debug for details)");
        }
        return new Failure(code, message.replaceAll("[\\r\\n]+", " "));
    }
}
