package org.logonrights.cli;

import org.logonrights.report.RenderOptions;

/** Decides on colours: only for an interactive terminal, never when NO_COLOR is set (no-color.org). */
final class Terminal {

    private Terminal() {
    }

    static RenderOptions renderOptions(boolean toStdout) {
        boolean tty = toStdout && System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        boolean color = tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
        int width = 100;
        String columns = System.getenv("COLUMNS");
        if (tty && columns != null && columns.matches("\\d{2,4}")) {
            width = Math.max(60, Integer.parseInt(columns) - 1);
        }
        return new RenderOptions(color, width, RenderOptions.DEFAULT_FAILING);
    }
}
