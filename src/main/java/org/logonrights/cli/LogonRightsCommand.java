package org.logonrights.cli;

import java.util.List;
import org.logonrights.app.ExitCode;
import org.logonrights.app.Failure;
import org.logonrights.app.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code logonrights} command: subcommands only. */
@Command(name = "logonrights", mixinStandardHelpOptions = true, versionProvider = LogonRightsCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Predicts, per IIS application pool, whether its identity can log on (WILL_START, WILL_FAIL, "
                + "AT_RISK, UNKNOWN) and why, from Windows logon rights, Group Policy and applicationHost.config."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights audit --secedit secedit.inf \\",
                "      --applicationhost applicationHost.config",
                "  logonrights explain Reports --snapshot srv-web01.json",
                "  logonrights rights --secedit secedit.inf --right SeBatchLogonRight",
                "  logonrights collect --output srv-web01.json --redact",
                "  logonrights sid apppool DefaultAppPool",
                "  logonrights help sid apppool",
                "  source <(logonrights generate-completion)",
                "",
                "Each command's --help has more; a long example continues on the next line",
                "after a backslash, as a POSIX shell reads it (PowerShell: a backtick)."})
public final class LogonRightsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces and debug logging on errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required ("
                + String.join(", ", SUBCOMMANDS.stream().filter(c -> !ABOUT_THE_CLI.contains(c)).toList()) + ")");
    }

    /**
     * The subcommands, in the order help lists them. Building a subcommand's model costs start-up time
     * (reflection over its options and mixins), so {@link #commandLine(String...)} builds only the one
     * a run names.
     */
    private static final List<String> SUBCOMMANDS = List.of("audit", "explain", "rights", "collect", "sid", "help",
            "generate-completion");
    /** The commands that are about the command line itself and need all of it built. */
    private static final List<String> ABOUT_THE_CLI = List.of("help", "generate-completion");

    /** A new subcommand object; a switch rather than a map of constructor references, which start-up would link. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "audit" -> new AuditCommand();
            case "explain" -> new ExplainCommand();
            case "rights" -> new RightsCommand();
            case "collect" -> new CollectCommand();
            case "sid" -> new SidCommand();
            case "help" -> new HelpCommand();
            case "generate-completion" -> new picocli.AutoComplete.GenerateCompletion();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Builds the configured command line with every subcommand: exit codes in every help, one-line errors. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Builds the command line for these arguments. When they name a subcommand other than help
     * (after the root's flags, which take no value) only that subcommand is built: parsing and help
     * of a subcommand never look at its siblings. Anything else gets every subcommand.
     */
    public static CommandLine commandLine(String... arguments) {
        CommandLine cl = new CommandLine(new LogonRightsCommand());
        String named = subcommandNamed(arguments);
        for (String name : SUBCOMMANDS) {
            if (named == null || named.equals(name)) {
                cl.addSubcommand(subcommand(name));
            }
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // --remote @FILE is a host list: picocli would otherwise read @FILE as a file of arguments.
        cl.setExpandAtFiles(false);
        applyExitCodeList(cl);
        HelpWrapping.apply(cl, () -> Terminal.helpWidth().orElse(Terminal.HELP_WIDTH));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("logonrights: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: audit --secedit?" for a near miss.
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, c.getErr());
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.INVALID_INPUT.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, c));
        return cl;
    }

    private static String subcommandNamed(String[] args) {
        for (String a : args) {
            if (!"--debug".equals(a)) {
                return SUBCOMMANDS.contains(a) && !ABOUT_THE_CLI.contains(a) ? a : null;
            }
        }
        return null;
    }

    /** Each command's help lists the exit codes that command can return, and no other. */
    private static void applyExitCodeList(CommandLine cl) {
        Object command = cl.getCommandSpec().userObject();
        boolean computesOnly = cl.getCommandSpec().helpCommand() || command instanceof SidCommand
                || (cl.getParent() != null && cl.getParent().getCommandSpec().userObject() instanceof SidCommand);
        boolean noVerdicts = command instanceof RightsCommand || command instanceof CollectCommand;
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(computesOnly ? ExitCode.helpListWithoutVerdicts()
                        : noVerdicts ? ExitCode.helpListOfReadersWithoutVerdicts() : ExitCode.helpList());
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyExitCodeList(sub);
        }
    }

    private static int handle(Exception ex, CommandLine c) {
        boolean debug = ((LogonRightsCommand) c.getCommandSpec().root().userObject()).debug;
        Failure failure = Failure.of(ex, debug);
        c.getErr().println("logonrights: " + failure.message());
        if (debug) {
            ex.printStackTrace(c.getErr());
        }
        c.getErr().flush();
        return failure.exitCode().code();
    }

    /** Reads the version filtered into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"logonrights " + ToolVersion.get(),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
