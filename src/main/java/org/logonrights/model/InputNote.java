package org.logonrights.model;

/**
 * Something a reader noticed that is not fatal: an unknown right, a duplicate key, an IIS Express
 * configuration. {@code code} is a stable kebab-case key.
 */
public record InputNote(Level level, String code, String message, Provenance provenance) {
    public enum Level { INFO, WARNING }
}
