package org.logonrights.app;

/** The inputs named do not make a valid request (e.g. --secedit without --applicationhost); exit 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
