package org.logonrights.report;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;

/**
 * Turns the source of a fact into a SARIF {@code artifactLocation.uri} (a URI reference, RFC 3986),
 * so that every result has the physical location GitHub code scanning requires. A file keeps its
 * path: a relative path stays relative, an absolute Windows or POSIX path becomes a {@code file:}
 * URI, backslashes become forward slashes, and characters a URI cannot hold are percent-encoded.
 * Evidence read from a live or remote machine has no file, so it is named by machine and store:
 * {@code lsa://HOST/} (the LSA policy, followed by the right when the evidence names one),
 * {@code rsop://HOST/RIGHT} (Group Policy results over WMI) and {@code groups://HOST/ACCOUNT}
 * (an account's groups looked up on the machine). docs/report-formats.md documents the schemes.
 */
final class ArtifactUris {

    private static final Pattern DRIVE_PATH = Pattern.compile("^[A-Za-z]:/.*");
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://.*");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** A right named in an element: {@code SeBatchLogonRight} or {@code RSOP_UserPrivilegeRight[SeBatchLogonRight]}. */
    private static final Pattern RIGHT_NAME = Pattern.compile("(?:.*\\[)?(Se[A-Za-z]+Right)\\]?");
    private static final Set<SourceKind> LIVE_STORES = EnumSet.of(SourceKind.LSA, SourceKind.RSOP,
            SourceKind.ACCOUNT_LOOKUP);
    private static final String HEX = "0123456789ABCDEF";

    private ArtifactUris() {
    }

    /**
     * The URI of the file or live store a fact was read from; empty for computed facts and for no
     * provenance at all, which have no artifact of their own.
     *
     * @param machine the audited machine's label, for live evidence that does not name its host
     */
    static Optional<String> of(Provenance p, String machine) {
        if (p == null || p.kind() == SourceKind.COMPUTED) {
            return Optional.empty();
        }
        return switch (p.kind()) {
            case LSA -> Optional.of("lsa://" + host(p.file(), machine) + "/" + right(p.element()));
            case RSOP -> Optional.of("rsop://" + host(null, machine) + "/" + right(p.element()));
            case ACCOUNT_LOOKUP -> Optional.of("groups://" + host(null, machine) + "/"
                    + (p.element() == null ? "" : encode(p.element(), false)));
            default -> p.file() == null || p.file().isBlank() ? Optional.empty() : Optional.of(toUri(p.file().strip()));
        };
    }

    /** Whether the fact has a line of its artifact: only files have lines, live stores do not. */
    static boolean hasLine(Provenance p) {
        return p != null && p.line() > 0 && !LIVE_STORES.contains(p.kind()) && of(p, "").isPresent();
    }

    /**
     * The host of live evidence: a remote read names it ({@code \\WEB01}); a local read
     * ("local LSA policy") or an RSoP namespace does not, so the audited machine stands in.
     */
    private static String host(String file, String machine) {
        String named = file == null ? "" : file.strip().replaceFirst("^[\\\\/]+", "");
        String host = HOST_NAME.matcher(named).matches() ? named : machine;
        return encode(host == null || host.isBlank() ? ReportFacts.LOCALHOST : host, false);
    }

    private static String right(String element) {
        if (element == null) {
            return "";
        }
        Matcher m = RIGHT_NAME.matcher(element.strip());
        return m.matches() ? m.group(1) : "";
    }

    static String toUri(String file) {
        if (HAS_SCHEME.matcher(file).matches()) {
            return file;
        }
        String path = file.replace('\\', '/');
        if (DRIVE_PATH.matcher(path).matches()) {
            return "file:///" + path.substring(0, 2) + encode(path.substring(2), true);
        }
        if (path.startsWith("//")) {
            return "file:" + encode(path, true);
        }
        if (path.startsWith("/")) {
            return "file://" + encode(path, true);
        }
        // In a relative reference a colon would read as the end of a scheme ("C:file.inf").
        return encode(path, false);
    }

    private static String encode(String path, boolean colonAllowed) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0
                    || (colonAllowed && c == ':'))) {
                b.append(c);
            } else {
                b.append('%').append(HEX.charAt((x >> 4) & 0xf)).append(HEX.charAt(x & 0xf));
            }
        }
        return b.toString();
    }
}
