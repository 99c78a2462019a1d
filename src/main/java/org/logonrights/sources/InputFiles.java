package org.logonrights.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.logonrights.model.InputException;

/**
 * Reads input files with one size limit and one set of error messages, so every reader fails the
 * same way on a missing file, a directory or an oversized file. The limit is a value passed from
 * {@code --max-input-size} down to every read, never process-wide state: two audits in one JVM (the
 * tests, a future multi-host run) may use different limits.
 *
 * @param maxBytes the largest file accepted, in bytes
 */
public record InputFiles(long maxBytes) {

    /** Default maximum size of one input file; applicationHost.config of large shared hosts is a few MB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Reads with the default limit. */
    public static final InputFiles DEFAULT = new InputFiles(DEFAULT_MAX_BYTES);

    /** The largest byte array the JVM allocates; above it a file cannot be read whole, whatever the limit. */
    static final long MAX_READABLE_BYTES = Integer.MAX_VALUE - 16;

    public InputFiles {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Reads a whole file, enforcing the size limit before reading it. */
    public byte[] readAll(Path file) throws InputException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, null, "is a directory, not a file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputException(name, null, "file is " + size + " bytes, over the limit of " + maxBytes
                        + " bytes (raise it with --max-input-size)");
            }
            // A limit raised past what one array holds must not turn into a silently truncated read.
            long limit = Math.min(maxBytes, MAX_READABLE_BYTES);
            if (size > limit) {
                throw new InputException(name, null, "file is " + size + " bytes, more than the " + limit
                        + " bytes logonrights can read");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Into an array of the size just read, not through growing buffers: a 22 MB file would
                // otherwise be copied several times over.
                byte[] data = new byte[(int) size];
                int n = in.readNBytes(data, 0, data.length);
                if (n < data.length) {
                    return Arrays.copyOf(data, n); // the file shrank since it was measured
                }
                byte[] more = in.readNBytes((int) (limit - size + 1));
                if (more.length == 0) {
                    return data;
                }
                if (size + more.length > limit) {
                    throw new InputException(name, null, "file grew over the limit of " + limit + " bytes while reading");
                }
                byte[] grown = Arrays.copyOf(data, data.length + more.length);
                System.arraycopy(more, 0, grown, data.length, more.length);
                return grown;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads and decodes a text file (see {@link TextDecoder}). */
    public DecodedText readText(Path file) throws InputException {
        return TextDecoder.decode(readAll(file), file.toString());
    }
}
