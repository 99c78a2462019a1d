package org.logonrights.report;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;

/**
 * Turns the file of a {@link Provenance} into a SARIF {@code artifactLocation.uri} (a URI reference,
 * RFC 3986): a relative path stays relative, an absolute Windows or POSIX path becomes a {@code file:}
 * URI, backslashes become forward slashes, and characters a URI cannot hold are percent-encoded.
 */
final class ArtifactUris {

    private static final Pattern DRIVE_PATH = Pattern.compile("^[A-Za-z]:/.*");
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://.*");
    private static final String HEX = "0123456789ABCDEF";

    private ArtifactUris() {
    }

    /**
     * The URI of the file a fact was read from; empty for facts that come from no file: the live LSA
     * policy or RSoP (their "file" names a host), and computed facts.
     */
    static Optional<String> of(Provenance p) {
        if (p == null || p.file() == null || p.file().isBlank()) {
            return Optional.empty();
        }
        if (p.kind() == SourceKind.LSA || p.kind() == SourceKind.RSOP || p.kind() == SourceKind.COMPUTED) {
            return Optional.empty();
        }
        return Optional.of(toUri(p.file().strip()));
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
