package org.logonrights.cli;

import java.util.OptionalInt;
import org.logonrights.report.RenderOptions;

/**
 * What the terminal allows: colours only for an interactive terminal, never when NO_COLOR is set
 * (no-color.org); text as wide as the terminal. Written to a file or a pipe, the width is fixed
 * ({@value #PIPE_WIDTH} columns), so the same inputs always give the same bytes.
 */
final class Terminal {

    /** The width of text written to a file or a pipe. */
    static final int PIPE_WIDTH = 100;
    /** The width of help written to a file or a pipe, picocli's usual. */
    static final int HELP_WIDTH = 80;
    /** Help is not wrapped narrower than this, however narrow the terminal says it is. */
    private static final int MIN_HELP_WIDTH = 55;

    private Terminal() {
    }

    static RenderOptions renderOptions(boolean toStdout) {
        boolean tty = toStdout && isInteractive();
        String noColor = System.getenv("NO_COLOR");
        boolean color = tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
        // One column is left free: a terminal that wraps at the last column would add blank lines.
        int width = tty ? columns().orElse(PIPE_WIDTH + 1) - 1 : PIPE_WIDTH;
        return new RenderOptions(color, width, tty, RenderOptions.DEFAULT_FAILING);
    }

    /**
     * The help width on a terminal ({@code COLUMNS}, else what the terminal reports); empty off a
     * terminal. Asked only when help is printed, so other runs never pay for it.
     */
    static OptionalInt helpWidth() {
        if (!isInteractive()) {
            return OptionalInt.empty();
        }
        OptionalInt columns = columns();
        return columns.isPresent() ? OptionalInt.of(Math.max(MIN_HELP_WIDTH, columns.getAsInt())) : OptionalInt.empty();
    }

    /**
     * Whether standard error is a terminal, for the progress line of a fleet run. Java 17 cannot ask
     * this of one stream, so on a POSIX system {@code test -t 2} answers with our standard error
     * inherited; on Windows a console on standard input and output stands for it.
     */
    static boolean isStandardErrorInteractive() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return isInteractive();
        }
        try {
            Process test = new ProcessBuilder("sh", "-c", "test -t 2").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return test.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && test.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isInteractive() {
        return System.console() != null;
    }

    /**
     * The terminal's width: {@code COLUMNS} when the shell exports it, else, on a POSIX system, what
     * {@code stty size} reports for the terminal on standard input (one short process, only for an
     * interactive run); else empty, and the caller's default applies.
     */
    private static OptionalInt columns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.strip().matches("\\d{2,4}")) {
            return OptionalInt.of(Integer.parseInt(columns.strip()));
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return OptionalInt.empty();
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            if (stty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && size.matches("\\d+ \\d{2,4}")) {
                int width = Integer.parseInt(size.substring(size.indexOf(' ') + 1));
                return width > 0 ? OptionalInt.of(width) : OptionalInt.empty(); // 0: a terminal with no size
            }
        } catch (java.io.IOException e) {
            return OptionalInt.empty(); // no stty: the default width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }
}
