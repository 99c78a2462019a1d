package org.logonrights.model;

import java.util.Objects;

/**
 * An account or group as an input names it: by SID, by name, or both. At least one is present.
 * Names are kept as written ({@code CONTOSO\svc-web}, {@code Guest}, {@code Administrators}).
 */
public record Principal(Sid sid, String name) {

    public Principal {
        if (sid == null && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a principal needs a SID or a name");
        }
        if (name != null) {
            name = name.strip();
            if (name.isEmpty()) {
                name = null;
            }
        }
    }

    public static Principal ofSid(Sid sid) {
        return new Principal(Objects.requireNonNull(sid), null);
    }

    public static Principal ofName(String name) {
        return new Principal(null, name);
    }

    public boolean hasSid() {
        return sid != null;
    }

    /** The best label for people: name with SID, or whichever is known (well-known SIDs get their name). */
    public String display() {
        String n = name != null ? name : (sid != null ? WellKnownSids.nameOf(sid).orElse(null) : null);
        if (n == null) {
            return sid.toString();
        }
        return sid != null ? n + " (" + sid + ")" : n;
    }
}
