package org.logonrights.report;

/**
 * Presentation choices that do not change content: colours (only for terminals) and the focus on
 * one pool (for {@code explain}).
 */
public record RenderOptions(boolean color, int width) {
    public static final RenderOptions PLAIN = new RenderOptions(false, 120);
}
