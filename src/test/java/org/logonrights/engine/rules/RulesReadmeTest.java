package org.logonrights.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.Rule;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;

/**
 * docs/rules/README.md's table says what the metadata says: one row per rule in catalogue order,
 * whose id, name, severity, verdict and decision cells are the rule's. The last cell, what the rule
 * says, is prose and stays free. Runs with the project root as working directory.
 */
class RulesReadmeTest {

    private static final Path README = Path.of("docs", "rules", "README.md");
    /** The cells the metadata decides, before "what it says". */
    private static final int METADATA_CELLS = 5;

    @Test
    void theTableListsEveryRuleAsItsMetadataDescribesIt() throws IOException {
        List<String> rows = Files.readAllLines(README, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("| [LR")).toList();
        List<Rule> rules = Rules.all();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.max(rows.size(), rules.size()); i++) {
            String expected = i < rules.size() ? String.join(" | ", cells(rules.get(i).metadata())) : "(no rule)";
            String actual = i < rows.size()
                    ? Stream.of(rows.get(i).substring(2).split(" \\| ")).limit(METADATA_CELLS).collect(Collectors.joining(" | "))
                    : "(no row)";
            if (!expected.equals(actual)) {
                wrong.add("row " + (i + 1) + ": '" + actual + "', the metadata says '" + expected + "'");
            }
        }
        assertEquals(List.of(), wrong, README + " lists the rules otherwise than their metadata (id, name, severity, "
                + "verdict, decision; one row per rule, in catalogue order)");
    }

    /** The table cells for one rule: {@code [LR002](LR002.md)}, its name, {@code error}, {@code `WILL_FAIL`}, {@code [D2](../verdicts.md#d2)}. */
    static List<String> cells(RuleMetadata rule) {
        String none = rule.category() == RuleCategory.EVENTS ? "none (from events)" : "none (machine)";
        String verdicts = rule.verdicts().isEmpty() ? none
                : rule.verdicts().stream().map(v -> "`" + v + "`").collect(Collectors.joining(" or "));
        String decision = rule.decision().map(d -> "[" + d + "](../verdicts.md#" + d.anchor() + ")").orElse("–");
        return List.of("[" + rule.id() + "](" + rule.id() + ".md)", rule.name(), rule.severity().name().toLowerCase(Locale.ROOT),
                verdicts, decision);
    }
}
