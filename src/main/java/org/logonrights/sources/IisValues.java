package org.logonrights.sources;

import java.util.Optional;

/**
 * Reads IIS bool and enum attribute values the way the IIS configuration system does: names
 * case-insensitively, enums also by their numeric schema value.
 */
final class IisValues {

    private static final int MAX_QUOTED = 60;

    private IisValues() {
    }

    static Optional<Boolean> parseBool(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (v.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    /** Returns the canonical name of an enum whose schema values are 0, 1, 2... in the order given. */
    static Optional<String> parseEnum(String value, String... names) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(v) || String.valueOf(i).equals(v)) {
                return Optional.of(names[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * Quotes a non-secret attribute value for an error message: control characters replaced and long
     * values cut, so a hostile file cannot flood or break the one-line error. Never call it on a password.
     */
    static String quote(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "?");
        if (v.length() > MAX_QUOTED) {
            v = v.substring(0, MAX_QUOTED) + "...";
        }
        return "'" + v + "'";
    }
}
