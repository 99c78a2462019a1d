package org.logonrights.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.logonrights.app.EnvironmentException;
import org.logonrights.app.UsageException;

/**
 * Writes a rendered report where {@code --output} says, as the tools admins know do: {@code -} (or no
 * option) is standard output; a device, a FIFO or {@code /dev/fd/N} is written directly; a regular
 * file is written to a temporary file beside it and renamed over it, so a failed run never leaves half
 * a report, and it keeps the mode an existing file had (a new file gets the umask's). A symbolic link
 * is followed and its target written, never the link replaced. A read-only file or a folder without
 * write permission is a usage error ("permission denied: PATH", exit 2); any other I/O failure is an
 * environment error (exit 3), never an internal one.
 */
final class ReportOutput {

    /** The {@code --output} value that means standard output. */
    static final String STANDARD_OUTPUT = "-";
    /** Paths that name an open file descriptor: writing them through a temporary file would miss the descriptor. */
    private static final List<String> DESCRIPTOR_PATHS = List.of("/dev/fd/", "/proc/self/fd/");
    private static final Set<String> STANDARD_STREAMS = Set.of("/dev/stdout", "/dev/stderr");
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportOutput() {
    }

    /** Content rendered into a writer: a report and its renderer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException, UsageException;
    }

    /** True when {@code output} means standard output: no option, or {@code -}. */
    static boolean toStandardOutput(Path output) {
        return output == null || output.toString().equals(STANDARD_OUTPUT);
    }

    /** Renders in memory, then writes to standard output or to {@code output}. */
    static void write(Content content, Path output, PrintWriter stdout)
            throws IOException, UsageException, EnvironmentException {
        StringWriter buffer = new StringWriter();
        content.writeTo(buffer);
        write(buffer.toString(), output, stdout);
    }

    /** Writes already rendered content to standard output or to {@code output}. */
    static void write(String content, Path output, PrintWriter stdout) throws UsageException, EnvironmentException {
        if (toStandardOutput(output)) {
            stdout.print(content);
            stdout.flush();
            return;
        }
        writeFile(output, content);
    }

    /**
     * Writes content as it is rendered, never holding all of it: to standard output directly, to a
     * file through the same temporary file and rename as {@link #write(Content, Path, PrintWriter)}.
     */
    static void stream(Content content, Path output, PrintWriter stdout) throws IOException, UsageException, EnvironmentException {
        if (toStandardOutput(output)) {
            Writer out = new java.io.FilterWriter(stdout) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open
                }
            };
            content.writeTo(out);
            stdout.flush();
            return;
        }
        writeContent(output, content);
    }

    /** Writes content to the file {@code output} names (never standard output). */
    static void writeFile(Path output, String content) throws UsageException, EnvironmentException {
        writeContent(output, out -> out.write(content));
    }

    /** Renders content into the file {@code output} names; a failure to render or write is an environment error. */
    private static void writeContent(Path output, Content bytes) throws UsageException, EnvironmentException {
        try {
            if (namesDescriptor(output)) {
                writeDirectly(output, bytes);
                return;
            }
            Path target = followLinks(output.toAbsolutePath());
            if (Files.isDirectory(target)) {
                throw new UsageException(output + ": is a directory, not a file");
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                writeDirectly(target, bytes);
                return;
            }
            Path dir = target.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new UsageException(output + ": the folder for the output file does not exist");
            }
            Set<PosixFilePermission> mode = Files.exists(target) ? modeOf(target) : null;
            if (Files.exists(target) && isReadOnly(target, mode)) {
                throw new UsageException("permission denied: " + output);
            }
            replaceAtomically(target, bytes, mode);
        } catch (AccessDeniedException e) {
            throw new UsageException("permission denied: " + output);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + output + ": " + reason(e), e);
        }
    }

    private static boolean namesDescriptor(Path output) {
        String s = output.toString();
        return STANDARD_STREAMS.contains(s) || DESCRIPTOR_PATHS.stream().anyMatch(s::startsWith);
    }

    /** The file a chain of symbolic links ends at (which need not exist yet). */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    /** Devices, FIFOs and descriptors: opened for writing as they are, nothing created, nothing renamed. */
    private static void writeDirectly(Path target, Content content) throws IOException, UsageException {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE);
             Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            content.writeTo(w);
        }
    }

    /** The permission bits of a file, or null where the file system has none (Windows). */
    private static Set<PosixFilePermission> modeOf(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null ? null : view.readAttributes().permissions();
    }

    /**
     * Read-only for us, or marked read-only for everybody: root may write a 0444 file, but its owner
     * said not to, as {@code cp} and editors ask before they do.
     */
    private static boolean isReadOnly(Path file, Set<PosixFilePermission> mode) {
        if (!Files.isWritable(file)) {
            return true;
        }
        return mode != null && !mode.contains(PosixFilePermission.OWNER_WRITE)
                && !mode.contains(PosixFilePermission.GROUP_WRITE) && !mode.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /**
     * Writes a temporary file beside the target, flushed to disk, then renames it over the target. The
     * temporary file is created without attributes, so it gets the umask's mode as any new file does,
     * and then the mode the target had.
     */
    private static void replaceAtomically(Path target, Content content, Set<PosixFilePermission> mode)
            throws IOException, UsageException {
        Path tmp = createSibling(target);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8));
                content.writeTo(w);
                w.flush();
                channel.force(true);
            }
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, mode);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createSibling(Path target) throws IOException {
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
