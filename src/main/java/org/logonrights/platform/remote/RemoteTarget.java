package org.logonrights.platform.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * The machine to audit and how to reach it: a host name or address, the SMB port (445 unless a
 * test says otherwise) and the bound on connecting and on each answer.
 */
public record RemoteTarget(String host, int port, Duration timeout) {

    public static final int SMB_PORT = 445;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public RemoteTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '\\' || c == '/')) {
            throw new IllegalArgumentException("not a host name or address: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Parses {@code HOST}, {@code \\HOST}, {@code HOST:PORT} or {@code [IPv6]:PORT}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RemoteTarget parse(String value) {
        Objects.requireNonNull(value, "value");
        String s = value.strip();
        if (s.startsWith("\\\\")) {
            s = s.substring(2);
        }
        int port = SMB_PORT;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in host '" + value + "'");
            }
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(rest, value);
            }
            s = s.substring(1, close);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            port = port(s.substring(s.indexOf(':')), value);
            s = s.substring(0, s.indexOf(':'));
        }
        return new RemoteTarget(s, port, DEFAULT_TIMEOUT);
    }

    private static int port(String colonAndDigits, String value) {
        if (!colonAndDigits.matches(":\\d{1,5}")) {
            throw new IllegalArgumentException("bad port in '" + value + "' (expected HOST or HOST:PORT)");
        }
        return Integer.parseInt(colonAndDigits.substring(1));
    }

    public RemoteTarget withTimeout(Duration newTimeout) {
        return new RemoteTarget(host, port, newTimeout);
    }

    /** {@code \\HOST}, the way Windows names a machine in UNC paths (and our provenance). */
    public String unc() {
        return "\\\\" + host;
    }

    /** {@code HOST} or {@code HOST port N} for messages. */
    public String describe() {
        return port == SMB_PORT ? host : host + " port " + port;
    }
}

