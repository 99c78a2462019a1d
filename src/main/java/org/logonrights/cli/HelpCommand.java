package org.logonrights.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logonrights help [COMMAND [SUBCOMMAND]]}: the usage help of any command, nested ones
 * included. Picocli's own help command looks one level down only, so {@code help sid apppool}
 * printed the help of {@code sid}.
 */
@Command(name = "help", helpCommand = true, usageHelpAutoWidth = true,
        description = "Prints the help of a command: 'help audit', 'help sid apppool'.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and subcommand, to print the help of.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(target, "'" + name + "' is not a command of '"
                        + target.getCommandSpec().qualifiedName() + "'; its commands are "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(out, colors);
        return target.getCommandSpec().exitCodeOnUsageHelp();
    }
}
