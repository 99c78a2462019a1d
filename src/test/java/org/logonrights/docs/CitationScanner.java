package org.logonrights.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.logonrights.model.InputException;
import org.logonrights.sources.TextDecoder;

/**
 * Finds references that do not resolve inside a repository tree: mentions of the project's former
 * knowledge files, which never shipped; {@code docs/….md} paths and relative markdown links to
 * files that do not exist; anchors that no heading or {@code <a id>} defines; and citations
 * {@code docs/windows-facts.md §N.M}, {@code docs/input-formats.md §N.M},
 * {@code docs/verdicts.md (Dn)} and {@code docs/<page>.md, "Heading"} whose target is missing.
 */
final class CitationScanner {

    /** A reference that does not resolve, at a 1-based line of a file relative to the root. */
    record Problem(String file, int line, String reference, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + why + ": " + reference;
        }
    }

    /**
     * Documents that lived outside the repository. {@code formats.md} counts only as a whole file
     * name, so that {@code input-formats.md} and {@code report-formats.md} stay legal.
     */
    static final Pattern UNSHIPPED = Pattern.compile(
            "DECISIONS\\.md|domain-facts|(?<![\\w-])formats\\.md|remote-lsa-testing|remote-groups-and-gpo"
                    + "|shared/knowledge|(?<![\\w-])events\\.md");
    /** A repository path to a page, not part of a longer path or URL. */
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w./-])docs/[\\w./-]*\\.md");
    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    /** {@code windows-facts.md §6.4}, {@code input-formats.md §1.1, §2.4}, {@code §7.1–§7.3}, across a comment's line break. */
    private static final Pattern SECTION_CITATION = Pattern.compile(
            "(windows-facts|input-formats)\\.md,?(?:\\s|\\*)+§(" + NUMBER + ")((?:(?:,\\s*|\\s+and\\s+|–|-)§" + NUMBER + ")*)");
    private static final Pattern SECTION_NUMBER = Pattern.compile("§(" + NUMBER + ")");
    private static final Pattern DECISION_CITATION = Pattern.compile("verdicts\\.md \\(D(\\d+)\\)");
    /** {@code verdicts.md, "Which SIDs count"}, also inside a Java string ({@code \"…\"}). */
    private static final Pattern HEADING_CITATION = Pattern.compile(
            "(verdicts|windows-facts|input-formats)\\.md, \\\\?\"([^\"\\\\]+)\\\\?\"");
    /** A line break inside a citation, with the {@code *} of a Javadoc line that may follow it. */
    private static final Pattern COMMENT_BREAK = Pattern.compile("\\s*\\R\\s*(?:\\*\\s*)?");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(" + NUMBER + ")[.\\s]");

    private final Path root;
    private final Set<Path> skipped;
    private final Map<Path, Page> pages = new HashMap<>();

    /**
     * @param root the repository root
     * @param skipped files not scanned (relative to root): the scanner's own sources, which must name
     *     the unshipped documents to look for them
     */
    CitationScanner(Path root, Set<Path> skipped) {
        this.root = root.toAbsolutePath().normalize();
        this.skipped = new HashSet<>();
        for (Path p : skipped) {
            this.skipped.add(this.root.resolve(p).normalize());
        }
    }

    /** Every problem in the given files and folders (relative to root), sorted by file and line. */
    List<Problem> scan(List<String> paths) {
        List<Problem> problems = new ArrayList<>();
        for (String p : paths) {
            Path start = root.resolve(p);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!skipped.contains(file.toAbsolutePath().normalize())) {
                        scanFile(file, problems);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return problems;
    }

    private void scanFile(Path file, List<Problem> problems) {
        String text = read(file);
        String name = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        LineIndex lines = new LineIndex(text);
        Matcher m = UNSHIPPED.matcher(text);
        while (m.find()) {
            problems.add(new Problem(name, lines.of(m.start()), m.group(), "names a document that is not in the repository"));
        }
        m = DOCS_PATH.matcher(text);
        while (m.find()) {
            if (!Files.isRegularFile(root.resolve(m.group()))) {
                problems.add(new Problem(name, lines.of(m.start()), m.group(), "no such file in the repository"));
            }
        }
        checkSections(text, name, lines, problems);
        m = DECISION_CITATION.matcher(text);
        while (m.find()) {
            if (!page(root.resolve("docs/verdicts.md")).anchors.contains("d" + m.group(1))) {
                problems.add(new Problem(name, lines.of(m.start()), m.group(), "docs/verdicts.md has no anchor d" + m.group(1)));
            }
        }
        m = HEADING_CITATION.matcher(text);
        while (m.find()) {
            String target = "docs/" + m.group(1) + ".md";
            String heading = COMMENT_BREAK.matcher(m.group(2)).replaceAll(" ");
            if (!page(root.resolve(target)).headings.contains(heading)) {
                problems.add(new Problem(name, lines.of(m.start()), m.group(), target + " has no heading \"" + heading + "\""));
            }
        }
        if (name.endsWith(".md")) {
            checkLinks(file, text, name, problems);
        }
    }

    private void checkSections(String text, String name, LineIndex lines, List<Problem> problems) {
        Matcher m = SECTION_CITATION.matcher(text);
        while (m.find()) {
            String target = "docs/" + m.group(1) + ".md";
            Set<String> sections = page(root.resolve(target)).sections;
            List<String> cited = new ArrayList<>();
            cited.add(m.group(2));
            Matcher more = SECTION_NUMBER.matcher(m.group(3));
            while (more.find()) {
                cited.add(more.group(1));
            }
            for (String section : cited) {
                if (!sections.contains(section)) {
                    problems.add(new Problem(name, lines.of(m.start()), m.group(), target + " has no section " + section));
                }
            }
        }
    }

    private void checkLinks(Path file, String text, String name, List<Problem> problems) {
        String outsideCode = blankFencedCode(text);
        LineIndex lines = new LineIndex(outsideCode); // blanking keeps the line breaks, not the offsets
        for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = p.matcher(outsideCode);
            while (m.find()) {
                String why = unresolved(file, m.group(1));
                if (why != null) {
                    problems.add(new Problem(name, lines.of(m.start(1)), m.group(1), why));
                }
            }
        }
    }

    /** Why a link target does not resolve, or null when it does (or is not a repository link). */
    private String unresolved(Path from, String target) {
        if (SCHEME.matcher(target).find()) {
            return null; // a URL: outside what the repository can vouch for
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? from : from.toAbsolutePath().getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return "links outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file in the repository";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !page(resolved).anchors.contains(anchor)) {
            return "no heading or anchor '" + anchor + "' in " + root.relativize(resolved).toString().replace('\\', '/');
        }
        return null;
    }

    /** Anchors, heading texts and section numbers of a markdown page (empty when it is missing). */
    private record Page(Set<String> anchors, Set<String> headings, Set<String> sections) {
    }

    private Page page(Path file) {
        return pages.computeIfAbsent(file.toAbsolutePath().normalize(), CitationScanner::readPage);
    }

    private static Page readPage(Path file) {
        Set<String> anchors = new HashSet<>();
        Set<String> headings = new HashSet<>();
        Set<String> sections = new HashSet<>();
        if (!Files.isRegularFile(file)) {
            return new Page(anchors, headings, sections);
        }
        String text = read(file);
        Matcher explicit = EXPLICIT_ANCHOR.matcher(text);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        Map<String, Integer> slugCount = new HashMap<>();
        for (String line : blankFencedCode(text).split("\n", -1)) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                continue;
            }
            String heading = TAG.matcher(h.group(1)).replaceAll("").strip();
            headings.add(heading);
            Matcher number = LEADING_NUMBER.matcher(heading + " ");
            if (number.find()) {
                sections.add(number.group(1));
            }
            String slug = slug(heading);
            int seen = slugCount.merge(slug, 1, Integer::sum) - 1;
            anchors.add(seen == 0 ? slug : slug + "-" + seen);
        }
        return new Page(anchors, headings, sections);
    }

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        String text = LINK_TEXT.matcher(TAG.matcher(heading).replaceAll("")).replaceAll("$1")
                .strip().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    /** The text with fenced code blocks blanked (line breaks kept), so that code is not read as links. */
    private static String blankFencedCode(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            boolean fence = line.stripLeading().startsWith("```");
            b.append(inFence || fence ? "" : line).append('\n');
            if (fence) {
                inFence = !inFence;
            }
        }
        return b.substring(0, b.length() - 1);
    }

    /** The file as text, whatever its encoding; bytes that decode as nothing sensible find nothing. */
    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return TextDecoder.decode(bytes, file.toString()).text();
        } catch (InputException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // a truncated UTF-16 fixture, say
        }
    }

    /** Offsets to 1-based line numbers. */
    private static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        int of(int offset) {
            int lo = 0;
            int hi = starts.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts.get(mid) <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }
    }
}
