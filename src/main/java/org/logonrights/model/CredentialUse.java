package org.logonrights.model;

/**
 * An account other than a pool identity that IIS logs on with (a virtual directory's UNC user, an
 * anonymous-authentication user), and the logon right that logon needs.
 */
public record CredentialUse(String userName, String context, UserRight requiredRight, PasswordState password,
                            Provenance provenance) {
}
