package org.logonrights.model;

/**
 * Whether a credential has a password, and how it is stored; never the value itself. The provider
 * name (e.g. {@code IISWASOnlyCngProvider}) is configuration, not a secret.
 */
public record PasswordState(Kind kind, String provider) {

    private static final String ENC_START = "[enc:";
    private static final String ENC_END = ":enc]";

    public enum Kind { NONE, ENCRYPTED, CLEAR_TEXT }

    public static final PasswordState NONE = new PasswordState(Kind.NONE, null);

    /** Classifies an attribute value without keeping it. */
    public static PasswordState classify(String value) {
        if (value == null || value.isEmpty()) {
            return NONE;
        }
        // "[enc:enc]" starts and ends with the markers, which overlap: it is not an encrypted value.
        if (value.length() >= ENC_START.length() + ENC_END.length() && value.startsWith(ENC_START)
                && value.endsWith(ENC_END)) {
            String body = value.substring(ENC_START.length(), value.length() - ENC_END.length());
            int colon = body.indexOf(':');
            String provider = colon < 0 ? body : body.substring(0, colon);
            String payload = colon < 0 ? "" : body.substring(colon + 1);
            return payload.isEmpty() ? NONE : new PasswordState(Kind.ENCRYPTED, provider);
        }
        return new PasswordState(Kind.CLEAR_TEXT, null);
    }
}
