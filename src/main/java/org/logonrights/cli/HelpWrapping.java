package org.logonrights.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Usage help that fits the terminal and never splits a word. Picocli wraps at any line-break
 * opportunity of {@link java.text.BreakIterator}, which include '.', '%' and '\\', so it split
 * "applicationHost.config" and "%windir%\System32" in two. Here picocli lays every section out
 * unwrapped, and each line is then wrapped at spaces only, continuing under the column the line's
 * text starts in (an option's description, an exit code's meaning, the synopsis after the command).
 */
final class HelpWrapping {

    /** Wide enough that picocli wraps nothing. */
    private static final int UNWRAPPED = 1000;
    /** The second column of a table row: text after a run of two or more spaces. */
    private static final Pattern SECOND_COLUMN = Pattern.compile("^\\s*\\S.*?\\s{2,}(?=\\S)");
    private static final Pattern OPTION_ROW = Pattern.compile("^\\s+-");
    private static final Pattern LEADING_SPACE = Pattern.compile("^\\s*");
    private static final Pattern SYNOPSIS = Pattern.compile("^Usage: \\S+(?: [a-z][a-z-]*)* ");

    private HelpWrapping() {
    }

    /**
     * Makes the help of {@code cl} and of every subcommand it has fit the width {@code width} gives,
     * which is asked once, when help is first printed.
     */
    static void apply(CommandLine cl, java.util.function.IntSupplier width) {
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(UNWRAPPED);
        // Colour codes would count as width; help is read, not scanned for verdicts.
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        int[] known = {0};
        java.util.function.IntSupplier once = () -> known[0] > 0 ? known[0] : (known[0] = width.getAsInt());
        wrapSections(cl, once);
    }

    private static void wrapSections(CommandLine cl, java.util.function.IntSupplier width) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS.equals(key)
                ? help -> synopsis(help, renderer, width.getAsInt())
                : help -> wrap(renderer.render(help), width.getAsInt()));
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(sub -> wrapSections(sub, width));
    }

    /** The synopsis follows its heading ("Usage: ") on the same line, so it is wrapped with it. */
    private static String synopsis(Help help, IHelpSectionRenderer renderer, int width) {
        String heading = help.synopsisHeading();
        return wrap(heading + renderer.render(help), width).substring(heading.length());
    }

    /** Every line of {@code text} wrapped at spaces to {@code width}, continuing under its own column. */
    static String wrap(String text, int width) {
        String newline = System.lineSeparator();
        String[] lines = text.split("\\r?\\n", -1);
        int column = tableColumn(lines);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(wrapLine(line, width, column));
        }
        return String.join(newline, out);
    }

    /** Where a section's second column starts: the most common start among its rows; 0 for no table. */
    private static int tableColumn(String[] lines) {
        Map<Integer, Integer> starts = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = SECOND_COLUMN.matcher(line);
            if (m.find()) {
                starts.merge(m.end(), 1, Integer::sum);
            }
        }
        return starts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
    }

    /** One line cut at spaces; the spacing inside each piece, such as between table columns, is kept. */
    private static List<String> wrapLine(String line, int width, int column) {
        if (line.length() <= width) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        String hanging = " ".repeat(hangingIndent(line, width, column));
        String rest = line;
        int minimum = leadingSpaces(line);
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= minimum || rest.substring(minimum, cut).isBlank()) {
                cut = rest.indexOf(' ', width); // a word longer than the line: it stays whole
                if (cut < 0) {
                    break;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = hanging + rest.substring(cut).stripLeading();
            minimum = hanging.length();
        }
        out.add(rest);
        return out;
    }

    private static int leadingSpaces(String line) {
        Matcher lead = LEADING_SPACE.matcher(line);
        lead.find();
        return lead.end();
    }

    /** Where continuation lines start: under the second column, the synopsis's options, or the text itself. */
    private static int hangingIndent(String line, int width, int column) {
        Matcher m = SYNOPSIS.matcher(line);
        int indent;
        if (m.find()) {
            indent = m.end();
        } else if ((m = SECOND_COLUMN.matcher(line)).find()) {
            indent = m.end();
        } else if (column > 0 && OPTION_ROW.matcher(line).find()) {
            indent = column; // an option name that fills its column, one space before the description
        } else {
            indent = leadingSpaces(line);
        }
        // A column so far right that little fits after it: continue near the margin instead.
        return indent > width / 2 ? Math.min(8, indent) : indent;
    }
}
