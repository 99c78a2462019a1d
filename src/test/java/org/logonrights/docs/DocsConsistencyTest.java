package org.logonrights.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logonrights.app.ExitCode;
import org.logonrights.app.FailOn;
import org.logonrights.engine.Rule;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.rules.Rules;

/**
 * Keeps the documentation tied to the code: every rule has its page and every page a rule, each
 * page's title names its rule, and docs/exit-codes.md carries every exit code with its exact
 * description and every --fail-on level. Runs with the project root as working directory.
 */
class DocsConsistencyTest {

    private static final Path RULES_DIR = Path.of("docs", "rules");
    private static final Path EXIT_CODES = Path.of("docs", "exit-codes.md");
    /** Pages that are not rule pages. */
    private static final Set<String> NON_RULE_PAGES = Set.of("README.md");

    @Test
    void everyRuleHasItsPage() {
        List<String> missing = Rules.all().stream().map(Rule::metadata)
                .filter(r -> !Files.isRegularFile(Path.of(r.docPath())))
                .map(r -> r.id() + " (" + r.docPath() + ")")
                .toList();
        assertTrue(missing.isEmpty(), "rules without a documentation page: " + missing);
    }

    @Test
    void everyPageBelongsToARule() throws IOException {
        Set<String> ids = Rules.all().stream().map(r -> r.metadata().id()).collect(Collectors.toSet());
        List<String> unknown;
        try (Stream<Path> pages = Files.list(RULES_DIR)) {
            unknown = pages.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !NON_RULE_PAGES.contains(name))
                    .filter(name -> !ids.contains(name.substring(0, name.length() - ".md".length())))
                    .sorted()
                    .toList();
        }
        assertTrue(unknown.isEmpty(), "pages in " + RULES_DIR + " for unknown rule ids: " + unknown);
    }

    @Test
    void everyPageTitleNamesItsRule() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (RuleMetadata rule : Rules.all().stream().map(Rule::metadata).toList()) {
            Path page = Path.of(rule.docPath());
            if (!Files.isRegularFile(page)) {
                continue; // reported by everyRuleHasItsPage
            }
            String first = firstLine(page);
            if (!first.contains(rule.id()) || !first.contains(rule.name())) {
                wrong.add(rule.id() + ": '" + first + "' does not contain '" + rule.id() + "' and '" + rule.name() + "'");
            }
        }
        assertTrue(wrong.isEmpty(), "rule pages whose first line does not name the rule: " + wrong);
    }

    @Test
    void exitCodesPageListsEveryCodeWithItsDescription() throws IOException {
        List<String> lines = Files.readAllLines(EXIT_CODES, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (ExitCode code : ExitCode.values()) {
            Pattern codeCell = Pattern.compile("\\|\\s*" + code.code() + "\\s*\\|");
            boolean listed = lines.stream()
                    .anyMatch(l -> codeCell.matcher(l).find() && l.contains(code.description()));
            if (!listed) {
                missing.add(code.code() + " " + code.name() + ": \"" + code.description() + "\"");
            }
        }
        assertTrue(missing.isEmpty(), EXIT_CODES + " lacks a table row with these codes and exact descriptions: " + missing);
    }

    @Test
    void exitCodesPageNamesEveryFailOnLevel() throws IOException {
        String page = Files.readString(EXIT_CODES, StandardCharsets.UTF_8);
        List<String> missing = Stream.of(FailOn.values()).map(FailOn::toString)
                .filter(level -> !page.contains("`" + level + "`"))
                .toList();
        assertEquals(List.of(), missing, EXIT_CODES + " does not name these --fail-on levels");
    }

    private static String firstLine(Path page) throws IOException {
        try (Stream<String> lines = Files.lines(page, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("");
        }
    }
}
