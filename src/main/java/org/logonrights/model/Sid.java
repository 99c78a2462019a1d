package org.logonrights.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Windows security identifier in its string form {@code S-1-<authority>-<sub>...}.
 *
 * <p>Only the revision-1 form with a decimal identifier authority is accepted, which is what every
 * Windows tool writes for the authorities that occur in logon rights (MS-DTYP 2.4.2.1).
 */
public final class Sid implements Comparable<Sid> {

    private static final Pattern SHAPE = Pattern.compile("S-1-\\d{1,15}(-\\d{1,10}){0,15}");
    private static final long MAX_SUB_AUTHORITY = 0xFFFF_FFFFL;

    private final long authority;
    /** Unboxed: a right or a membership file can hold hundreds of thousands of SIDs. */
    private final long[] subAuthorities;
    private final String text;

    private Sid(long authority, long[] subAuthorities) {
        this.authority = authority;
        this.subAuthorities = subAuthorities;
        StringBuilder b = new StringBuilder(16 + 11 * subAuthorities.length).append("S-1-").append(authority);
        for (long s : subAuthorities) {
            b.append('-').append(s);
        }
        this.text = b.toString();
    }

    /**
     * Parses a SID string; a leading {@code *} (as in security templates), surrounding blanks and a
     * lower-case {@code s} are tolerated.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not a SID
     */
    public static Sid parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value.strip();
        if (s.startsWith("*")) {
            s = s.substring(1).strip();
        }
        if (s.startsWith("s-")) {
            s = "S-" + s.substring(2);
        }
        if (!SHAPE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a SID (expected S-1-<number>-<number>...): '" + abbreviate(value) + "'");
        }
        String[] parts = s.split("-");
        long authority = Long.parseLong(parts[2]);
        if (authority > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("SID identifier authority out of range: '" + abbreviate(value) + "'");
        }
        long[] subs = new long[parts.length - 3];
        for (int i = 3; i < parts.length; i++) {
            long sub = Long.parseLong(parts[i]);
            if (sub > MAX_SUB_AUTHORITY) {
                throw new IllegalArgumentException("SID sub-authority " + parts[i] + " exceeds 32 bits: '" + abbreviate(value) + "'");
            }
            subs[i - 3] = sub;
        }
        return new Sid(authority, subs);
    }

    /** Parses like {@link #parse} but returns empty instead of throwing. */
    public static Optional<Sid> tryParse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds a SID from its numeric parts, for binary decoders. */
    public static Sid of(long authority, long... subAuthorities) {
        for (long s : subAuthorities) {
            if (s < 0 || s > MAX_SUB_AUTHORITY) {
                throw new IllegalArgumentException("sub-authority out of range: " + s);
            }
        }
        return new Sid(authority, subAuthorities.clone());
    }

    public long authority() {
        return authority;
    }

    /** The sub-authorities, in order (a new unmodifiable list each call: the binary codec is the only user). */
    public List<Long> subAuthorities() {
        return Arrays.stream(subAuthorities).boxed().toList();
    }

    /** True when this SID starts with {@code prefix}'s authority and sub-authorities. */
    public boolean startsWith(Sid prefix) {
        int n = prefix.subAuthorities.length;
        if (prefix.authority != authority || n > subAuthorities.length) {
            return false;
        }
        return Arrays.equals(subAuthorities, 0, n, prefix.subAuthorities, 0, n);
    }

    private boolean isNtAuthority(long first) {
        return authority == 5 && subAuthorities.length > 0 && subAuthorities[0] == first;
    }

    /** A domain or local-machine account or group: S-1-5-21-x-y-z-rid. */
    public boolean isDomainOrMachine() {
        return isNtAuthority(21);
    }

    /** A BUILTIN alias: S-1-5-32-rid. */
    public boolean isBuiltinAlias() {
        return isNtAuthority(32) && subAuthorities.length == 2;
    }

    /** A per-service virtual account SID NT SERVICE\name (S-1-5-80-h0..h4), not ALL SERVICES. */
    public boolean isServiceSid() {
        return isNtAuthority(80) && subAuthorities.length == 6;
    }

    /** An application pool virtual account IIS APPPOOL\name (S-1-5-82-h0..h4), not S-1-5-82-0. */
    public boolean isAppPoolSid() {
        return isNtAuthority(82) && subAuthorities.length == 6;
    }

    /** The SID of the account or group {@code rid} of this domain, e.g. S-1-5-32 and 551: S-1-5-32-551. */
    public Sid child(long rid) {
        long[] subs = Arrays.copyOf(subAuthorities, subAuthorities.length + 1);
        subs[subs.length - 1] = rid;
        return of(authority, subs);
    }

    /** The domain a SID belongs to: everything but its relative identifier (the SID itself when it has none). */
    public Sid domain() {
        return subAuthorities.length == 0 ? this : new Sid(authority, Arrays.copyOf(subAuthorities, subAuthorities.length - 1));
    }

    /** The last sub-authority, the relative identifier. */
    public long rid() {
        return subAuthorities.length == 0 ? authority : subAuthorities[subAuthorities.length - 1];
    }

    @Override
    public int compareTo(Sid o) {
        int c = Long.compare(authority, o.authority);
        for (int i = 0; c == 0 && i < Math.min(subAuthorities.length, o.subAuthorities.length); i++) {
            c = Long.compare(subAuthorities[i], o.subAuthorities[i]);
        }
        return c != 0 ? c : Integer.compare(subAuthorities.length, o.subAuthorities.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String abbreviate(String v) {
        return v.length() <= 80 ? v : v.substring(0, 77) + "...";
    }
}
