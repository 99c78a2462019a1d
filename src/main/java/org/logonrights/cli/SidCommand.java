package org.logonrights.cli;

import java.util.concurrent.Callable;
import org.logonrights.app.ExitCode;
import org.logonrights.model.Sid;
import org.logonrights.model.SidKind;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logonrights sid}: computes and describes SIDs offline. */
@Command(name = "sid", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Computes virtual-account SIDs and describes SIDs, offline.",
        subcommands = {SidCommand.AppPool.class, SidCommand.Service.class, SidCommand.Describe.class},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights sid apppool DefaultAppPool", "  logonrights sid service MSSQLSERVER",
                "  logonrights sid describe S-1-5-32-568"})
public final class SidCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (apppool, service, describe)");
    }

    @Command(name = "apppool", mixinStandardHelpOptions = true,
            description = "Prints the SID of IIS APPPOOL\\NAME (S-1-5-82-…, SHA-1 of the lower-cased name).")
    static final class AppPool implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The application pool's name.")
        String name;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(VirtualAccounts.appPoolSid(name) + "\n");
            if (VirtualAccounts.hasUncertainFolding(name)) {
                spec.commandLine().getErr().println("logonrights: note: the name has non-ASCII characters; Windows may fold "
                        + "their case differently, so verify the SID on the server");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "service", mixinStandardHelpOptions = true,
            description = "Prints the SID of NT SERVICE\\NAME (S-1-5-80-…, SHA-1 of the upper-cased name).")
    static final class Service implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The service's name (not its display name).")
        String name;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(VirtualAccounts.serviceSid(name) + "\n");
            return ExitCode.OK.code();
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Names a well-known SID, or says what kind of SID it is.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SID", description = "A SID such as S-1-5-32-568 (a leading * is accepted).")
        String text;

        @Override
        public Integer call() throws Exception {
            Sid sid;
            try {
                sid = Sid.parse(text);
            } catch (IllegalArgumentException e) {
                throw new org.logonrights.app.UsageException(e.getMessage());
            }
            spec.commandLine().getOut().print(sid + ": " + describe(sid) + "\n");
            return ExitCode.OK.code();
        }

        static String describe(Sid sid) {
            return switch (SidKind.of(sid)) {
                case WELL_KNOWN -> WellKnownSids.nameOf(sid).orElseThrow() + " (well-known)";
                case APP_POOL -> "an IIS application pool virtual account (IIS APPPOOL\\<pool>); compare with "
                        + "'logonrights sid apppool NAME'";
                case SERVICE -> "a per-service virtual account (NT SERVICE\\<service>); compare with "
                        + "'logonrights sid service NAME'";
                case DOMAIN_OR_MACHINE -> "an account or group of a domain or of a machine's local SAM (RID " + sid.rid()
                        + WellKnownSids.domainRidName(sid.rid()).map(name -> " " + name).orElse("") + ")";
                case BUILTIN_ALIAS -> "a BUILTIN alias with RID " + sid.rid() + " (not in the well-known table)";
                case OTHER -> "not a well-known SID";
            };
        }
    }
}
