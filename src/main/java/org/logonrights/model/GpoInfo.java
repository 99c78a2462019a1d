package org.logonrights.model;

import java.util.Locale;

/**
 * A Group Policy object: its GUID (with braces, or {@code LocalGPO}), display name and domain.
 * GUIDs are compared case-insensitively, because real reports mix cases for the same GPO.
 */
public record GpoInfo(String id, String displayName, String domain) {

    public GpoInfo {
        if ((id == null || id.isBlank()) && (displayName == null || displayName.isBlank())) {
            throw new IllegalArgumentException("a GPO needs an id or a display name");
        }
    }

    /** The GUID normalised for comparison (upper case), or null. */
    public String normalizedId() {
        return id == null ? null : id.strip().toUpperCase(Locale.ROOT);
    }

    public boolean sameGpo(GpoInfo other) {
        return other != null && normalizedId() != null && normalizedId().equals(other.normalizedId());
    }

    /** "Display Name {GUID}", the form every message uses. */
    public String label() {
        if (displayName == null || displayName.isBlank()) {
            return id;
        }
        return id == null || id.isBlank() || id.equalsIgnoreCase(displayName) ? "'" + displayName + "'" : "'" + displayName + "' " + id;
    }
}
