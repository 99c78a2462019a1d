package org.logonrights.cli;

import org.logonrights.app.EnvironmentException;
import org.logonrights.app.ToolVersion;
import org.logonrights.app.UsageException;
import org.logonrights.sources.InputException;
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
        subcommands = {AuditCommand.class, ExplainCommand.class, RightsCommand.class, CollectCommand.class, SidCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights audit --secedit secedit.inf --applicationhost applicationHost.config",
                "  logonrights explain Reports --secedit secedit.inf --applicationhost applicationHost.config",
                "  logonrights sid apppool DefaultAppPool"})
public final class LogonRightsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces and debug logging on errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (audit, explain, sid)");
    }

    /** Builds the configured command line: exit codes in every help, one-line errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LogonRightsCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        applyExitCodeList(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("logonrights: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.INVALID_INPUT.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, c));
        return cl;
    }

    private static void applyExitCodeList(CommandLine cl) {
        boolean computesOnly = cl.getCommandSpec().userObject() instanceof SidCommand
                || (cl.getParent() != null && cl.getParent().getCommandSpec().userObject() instanceof SidCommand);
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(computesOnly ? ExitCode.helpListWithoutVerdicts() : ExitCode.helpList());
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyExitCodeList(sub);
        }
    }

    private static int handle(Exception ex, CommandLine c) {
        boolean debug = ((LogonRightsCommand) c.getCommandSpec().root().userObject()).debug;
        ExitCode code;
        String message;
        if (ex instanceof InputException ie) {
            code = ExitCode.INVALID_INPUT;
            message = ie.oneLine();
        } else if (ex instanceof UsageException ue) {
            code = ExitCode.INVALID_INPUT;
            message = ue.getMessage();
        } else if (ex instanceof EnvironmentException ee) {
            code = ExitCode.ENVIRONMENT;
            message = ee.getMessage();
        } else {
            code = ExitCode.INTERNAL_ERROR;
            message = "internal error: " + ex + (debug ? "" : " (rerun with --debug for details)");
        }
        c.getErr().println("logonrights: " + message.replaceAll("[\\r\\n]+", " "));
        if (debug) {
            ex.printStackTrace(c.getErr());
        }
        c.getErr().flush();
        return code.code();
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
