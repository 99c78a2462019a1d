package org.logonrights.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.engine.Rule;
import org.logonrights.engine.rules.Rules;

/**
 * Every reference in code, tests, documentation and scripts points at something the repository
 * ships: no mention of the project's former, unshipped knowledge files, no {@code docs/….md} path
 * or relative link to a missing file or anchor, and no citation of a section, decision or heading
 * that the cited page lacks. Runs with the project root as working directory.
 */
class CitationsTest {

    /** What users and contributors read; {@code target/} and {@code .git/} are not in it. */
    private static final List<String> SCANNED = List.of(
            "src/main", "src/test", "docs", "README.md", "bench", "scripts", ".github", "samples", "pom.xml");
    /** The scanner's own sources name the unshipped documents in order to look for them. */
    private static final Set<Path> SELF = Set.of(
            Path.of("src/test/java/org/logonrights/docs/CitationScanner.java"),
            Path.of("src/test/java/org/logonrights/docs/CitationsTest.java"));

    @Test
    void everyReferenceInTheRepositoryResolves() {
        List<CitationScanner.Problem> problems = new CitationScanner(Path.of(""), SELF).scan(SCANNED);
        assertTrue(problems.isEmpty(), problems.size() + " references do not resolve:\n"
                + problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    /** Rule titles and descriptions reach SARIF and JSON output as they are at run time, not only as source text. */
    @Test
    void ruleTextsCiteOnlyShippedDocuments() {
        for (Rule rule : Rules.all()) {
            String text = rule.metadata().title() + " " + rule.metadata().description();
            assertFalse(CitationScanner.UNSHIPPED.matcher(text).find(), rule.metadata().id() + ": " + text);
        }
    }

    @Test
    void theScannedTreeIsTheRepository() {
        for (String p : List.of("docs/verdicts.md", "docs/windows-facts.md", "docs/input-formats.md", "README.md")) {
            assertTrue(Files.isRegularFile(Path.of(p)), p + " not found: the test must run from the project root");
        }
    }

    @Test
    void reportsAMentionOfAnUnshippedDocumentWithFileAndLine(@TempDir Path root) throws IOException {
        pages(root);
        write(root, "src/main/A.java", "/**\n * Decided in DECISIONS.md D5 (domain-facts §3.4).\n */\n"
                + "// formats.md §1, shared/knowledge/events.md, remote-lsa-testing.md, remote-groups-and-gpo.md\n"
                + "// legal: docs/input-formats.md §1, docs/report-formats.md\n");

        assertEquals(List.of(
                        "src/main/A.java:2: names a document that is not in the repository: DECISIONS.md",
                        "src/main/A.java:2: names a document that is not in the repository: domain-facts",
                        "src/main/A.java:4: names a document that is not in the repository: formats.md",
                        "src/main/A.java:4: names a document that is not in the repository: shared/knowledge",
                        "src/main/A.java:4: names a document that is not in the repository: events.md",
                        "src/main/A.java:4: names a document that is not in the repository: remote-lsa-testing",
                        "src/main/A.java:4: names a document that is not in the repository: remote-groups-and-gpo"),
                problems(root, "src"));
    }

    @Test
    void reportsPathsAndLinksThatDoNotResolve(@TempDir Path root) throws IOException {
        pages(root);
        write(root, "src/main/B.java", "// see docs/verdicts.md and docs/missing.md\n");
        write(root, "docs/page.md", "# Page\n\n## Two words\n\n"
                + "[ok](verdicts.md#d1) [ok](#two-words) [ok](rules/) [url](https://example.com/x.md)\n"
                + "[gone](gone.md) [no anchor](verdicts.md#d9) [here](#nowhere)\n"
                + "[escape](../../outside.md)\n\n"
                + "```\n[in code](not-checked.md)\n```\n\n"
                + "[ref]: missing-ref.md\n");
        Files.createDirectories(root.resolve("docs/rules"));

        assertEquals(List.of(
                        "docs/page.md:6: no such file in the repository: gone.md",
                        "docs/page.md:6: no heading or anchor 'd9' in docs/verdicts.md: verdicts.md#d9",
                        "docs/page.md:6: no heading or anchor 'nowhere' in docs/page.md: #nowhere",
                        "docs/page.md:7: links outside the repository: ../../outside.md",
                        "docs/page.md:13: no such file in the repository: missing-ref.md",
                        "src/main/B.java:1: no such file in the repository: docs/missing.md"),
                problems(root, "src", "docs"));
    }

    @Test
    void reportsSectionsDecisionsAndHeadingsThePageLacks(@TempDir Path root) throws IOException {
        pages(root);
        write(root, "src/main/C.java", "/** docs/windows-facts.md §6.4 and §6.9, docs/input-formats.md §0.1, §2.7.\n"
                + " * docs/windows-facts.md\n * §3.5 wrapped; docs/windows-facts.md §6.3–§6.8; docs/verdicts.md (D7), docs/verdicts.md (D8)\n"
                + " * docs/verdicts.md, \"Which SIDs count\" and docs/verdicts.md, \"Which SIDs matter\"\n"
                + " * wrapped: docs/verdicts.md, \"Which SIDs\n * count\", docs/verdicts.md, \"Which\n * SIDs matter\" */\n"
                + "String s = \"(docs/verdicts.md, \\\"No such heading\\\")\";\n");

        assertEquals(List.of(
                        "src/main/C.java:1: docs/windows-facts.md has no section 6.9: windows-facts.md §6.4 and §6.9",
                        "src/main/C.java:1: docs/input-formats.md has no section 2.7: input-formats.md §0.1, §2.7",
                        "src/main/C.java:2: docs/windows-facts.md has no section 3.5: windows-facts.md\n * §3.5",
                        "src/main/C.java:3: docs/windows-facts.md has no section 6.8: windows-facts.md §6.3–§6.8",
                        "src/main/C.java:3: docs/verdicts.md has no anchor d8: verdicts.md (D8)",
                        "src/main/C.java:4: docs/verdicts.md has no heading \"Which SIDs matter\": "
                                + "verdicts.md, \"Which SIDs matter\"",
                        "src/main/C.java:6: docs/verdicts.md has no heading \"Which SIDs matter\": "
                                + "verdicts.md, \"Which\n * SIDs matter\"",
                        "src/main/C.java:8: docs/verdicts.md has no heading \"No such heading\": "
                                + "verdicts.md, \\\"No such heading\\\""),
                problems(root, "src"));
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("start-up-the-floor-of-a-picocli-command", CitationScanner.slug("Start-up: the floor of a picocli command"));
        assertEquals("d1-injected-iis_iusrs", CitationScanner.slug("<a id=\"d1\"></a>D1. Injected IIS_IUSRS"));
        assertEquals("the---redact-flag", CitationScanner.slug("The `--redact` flag"));
        assertEquals("see-verdictsmd", CitationScanner.slug("See [verdicts.md](verdicts.md)"));
    }

    /** Minimal cited pages: sections 6.3, 6.4, 3.4 and 0.1, decisions d1–d7, one named heading. */
    private static void pages(Path root) throws IOException {
        write(root, "docs/windows-facts.md", "# Facts\n\n## <a id=\"s3\"></a>3. IIS_IUSRS\n\n### 3.4 Injected\n\n"
                + "## 6. SIDs\n\n### <a id=\"s6.3\"></a>6.3 Vectors\n\n### 6.4 Non-ASCII\n\n```\n### 6.9 inside code\n```\n");
        write(root, "docs/input-formats.md", "# Formats\n\n## 0. Rules\n\n### 0.1 Encoding\n\n## 1. Templates\n");
        StringBuilder verdicts = new StringBuilder("# Verdicts\n\n## Which SIDs count\n\n");
        for (int d = 1; d <= 7; d++) {
            verdicts.append("### <a id=\"d").append(d).append("\"></a>D").append(d).append(". Decision\n\n");
        }
        write(root, "docs/verdicts.md", verdicts.toString());
        write(root, "docs/report-formats.md", "# Report formats\n");
    }

    private static List<String> problems(Path root, String... paths) {
        return new CitationScanner(root, Set.of()).scan(List.of(paths)).stream().map(Object::toString).toList();
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
