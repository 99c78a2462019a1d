package org.logonrights.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.logonrights.app.UsageException;

/**
 * Writes a rendered report to standard output or, atomically, to a file: the report is rendered in
 * memory first, then written to a temporary file beside the target and moved over it, so a failed
 * run never leaves a half-written report.
 */
final class ReportOutput {

    private ReportOutput() {
    }

    /** Content rendered into a writer: a report and its renderer. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Renders in memory, then writes to standard output, or atomically to {@code output} when given. */
    static void write(Content content, Path output, PrintWriter stdout) throws IOException, UsageException {
        StringWriter buffer = new StringWriter();
        content.writeTo(buffer);
        write(buffer.toString(), output, stdout);
    }

    /** Writes already rendered content to standard output, or atomically to {@code output} when given. */
    static void write(String content, Path output, PrintWriter stdout) throws IOException, UsageException {
        if (output == null) {
            stdout.print(content);
            stdout.flush();
            return;
        }
        writeAtomically(output, content);
    }

    static void writeAtomically(Path output, String content) throws IOException, UsageException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(output + ": the folder for the output file does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException(output + ": is a directory, not a file");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content);
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
}
