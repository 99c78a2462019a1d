package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help ends with examples a user can paste into a shell: one command per line (a
 * long one continued after a backslash), no line wider than an 80-column terminal, and every value
 * with a backslash quoted, since an unquoted {@code CONTOSO\admin} reaches the tool as CONTOSOadmin.
 */
class HelpExamplesTest {

    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(LogonRightsCommand.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandLine> all) {
        if (!cl.getCommandSpec().helpCommand()) {
            all.add(cl);
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    void everyCommandHasExamples() {
        List<CommandLine> commands = everyCommand();
        assertEquals(9, commands.size(), "logonrights, audit, explain, rights, collect, sid and its three commands");
        for (CommandLine cl : commands) {
            String name = cl.getCommandSpec().qualifiedName();
            assertTrue(cl.getCommandSpec().usageMessage().footerHeading().contains("Examples:"), name);
            assertTrue(examples(cl).stream().anyMatch(l -> l.startsWith("  " + name + " ") || l.startsWith("  logonrights ")), name);
        }
    }

    @Test
    void examplesArePasteableLines() {
        for (CommandLine cl : everyCommand()) {
            List<String> lines = examples(cl);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertTrue(line.length() <= 78, cl.getCommandSpec().qualifiedName() + ": " + line.length() + ": " + line);
                boolean continued = i > 0 && lines.get(i - 1).endsWith(" \\");
                if (line.startsWith("  ") && !line.isBlank()) {
                    assertTrue(continued ? line.startsWith("      -")
                            : line.startsWith("  logonrights ") || line.startsWith("  source <(logonrights "), line);
                }
                String withoutContinuation = line.endsWith(" \\") ? line.substring(0, line.length() - 2) : line;
                boolean quoted = false;
                for (char c : withoutContinuation.toCharArray()) {
                    quoted ^= c == '\'';
                    assertFalse(c == '\\' && !quoted, "quote the value with a backslash for the shell: " + line);
                }
            }
        }
    }

    @Test
    void unquotedDomainAccountsAreGone() {
        for (CommandLine cl : everyCommand()) {
            for (String line : examples(cl)) {
                assertFalse(line.matches(".*--user [A-Za-z]+\\\\.*"), line);
            }
        }
    }

    /** The example lines: up to a blank line (after which the footer has notes). */
    private static List<String> examples(CommandLine cl) {
        List<String> lines = new ArrayList<>();
        for (String line : cl.getCommandSpec().usageMessage().footer()) {
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }
}
