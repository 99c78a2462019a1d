package org.logonrights.platform.remote;

import java.util.Objects;

/**
 * The account that logs on to the target, as NTLM needs it: a domain (empty: the target's own
 * accounts, or a UPN in {@code name}) and a user name. Never holds the password.
 */
public record RemoteAccount(String domain, String name) {

    public RemoteAccount {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the user name is empty");
        }
    }

    /**
     * Parses {@code DOMAIN\name}, {@code name@dns.domain} (kept whole, as NTLM accepts a UPN with no
     * domain) or a bare {@code name}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RemoteAccount parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value.strip();
        int slash = s.indexOf('\\');
        if (slash < 0) {
            return new RemoteAccount("", s);
        }
        if (slash != s.lastIndexOf('\\') || slash == 0 || slash == s.length() - 1) {
            throw new IllegalArgumentException("expected DOMAIN\\name, name@domain or name, got '" + value + "'");
        }
        return new RemoteAccount(s.substring(0, slash), s.substring(slash + 1));
    }

    /** {@code DOMAIN\name} or {@code name}, for messages. */
    public String display() {
        return domain.isEmpty() ? name : domain + "\\" + name;
    }
}
