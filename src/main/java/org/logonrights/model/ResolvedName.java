package org.logonrights.model;

import java.util.Objects;

/**
 * The name LSA translated a SID to. Either part may be empty, never both: Everyone has no domain,
 * and a domain SID has only the domain.
 *
 * @param domain the NetBIOS domain or machine name ({@code CONTOSO}, {@code BUILTIN}, {@code NT AUTHORITY}), or ""
 * @param name the isolated account name ({@code svc-web}, {@code Administrators}), or ""
 * @param use what kind of account the SID names
 */
public record ResolvedName(String domain, String name, SidNameUse use) {

    public ResolvedName {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(use, "use");
        if (domain.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException("a resolved name needs a domain or a name");
        }
    }

    /** {@code DOMAIN\name}, or whichever part is present. */
    public String qualifiedName() {
        if (domain.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? domain : domain + "\\" + name;
    }
}
