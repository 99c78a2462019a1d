package org.logonrights.model;

/**
 * Whether a credential has a password, and how it is stored; never the value itself. The provider
 * name (e.g. {@code IISWASOnlyCngProvider}) is configuration, not a secret.
 */
public record PasswordState(Kind kind, String provider) {

    public enum Kind { NONE, ENCRYPTED, CLEAR_TEXT }

    public static final PasswordState NONE = new PasswordState(Kind.NONE, null);

    /** Classifies an attribute value without keeping it. */
    public static PasswordState classify(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        if (value.startsWith("[enc:") && value.endsWith(":enc]")) {
            String body = value.substring(5, value.length() - 5);
            int colon = body.indexOf(':');
            String provider = colon < 0 ? body : body.substring(0, colon);
            String payload = colon < 0 ? "" : body.substring(colon + 1);
            return payload.isEmpty() ? NONE : new PasswordState(Kind.ENCRYPTED, provider);
        }
        return new PasswordState(Kind.CLEAR_TEXT, null);
    }
}
