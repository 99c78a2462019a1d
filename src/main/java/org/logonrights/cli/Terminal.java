package org.logonrights.cli;

import java.util.OptionalInt;
import org.logonrights.report.RenderOptions;
import picocli.CommandLine.Model.UsageMessageSpec;

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

    /** The help width on a terminal ({@code COLUMNS}, else what the terminal reports); empty off a terminal. */
    static OptionalInt helpWidth() {
        if (!isInteractive()) {
            return OptionalInt.empty();
        }
        OptionalInt columns = columns();
        return columns.isPresent() ? OptionalInt.of(Math.max(MIN_HELP_WIDTH, columns.getAsInt())) : OptionalInt.empty();
    }

    private static boolean isInteractive() {
        return System.console() != null;
    }

    /**
     * The terminal's width: {@code COLUMNS} when the shell exports it, else the size the terminal
     * reports (picocli asks {@code stty}, or {@code mode con} on Windows), else empty.
     */
    private static OptionalInt columns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.strip().matches("\\d{2,4}")) {
            return OptionalInt.of(Integer.parseInt(columns.strip()));
        }
        int detected = new UsageMessageSpec().autoWidth(true).width();
        // picocli answers its default (80) when it cannot tell, and its minimum for a size-less pseudo-terminal.
        return detected > MIN_HELP_WIDTH ? OptionalInt.of(detected) : OptionalInt.empty();
    }
}
