package org.logonrights.cli;

import java.util.concurrent.Callable;
import org.logonrights.app.ExitCode;
import org.logonrights.app.UsageException;
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
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required ("
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    @Command(name = "apppool", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Prints the SID of IIS APPPOOL\\NAME (S-1-5-82-…, SHA-1 of the lower-cased name), computed offline.",
                    "An account name as IIS shows it ('IIS APPPOOL\\NAME') is accepted: the prefix is dropped, with a note."},
            footerHeading = "%nExamples:%n",
            footer = {"  logonrights sid apppool DefaultAppPool",
                    "  logonrights sid apppool 'IIS APPPOOL\\Orders API'"})
    static final class AppPool implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The application pool's name (quote it when it has spaces).")
        String name;

        @Override
        public Integer call() throws UsageException {
            String pool = bareName(spec, name, VirtualAccounts.APP_POOL_DOMAIN, "pool", "the application pool",
                    "as IIS Manager lists it");
            spec.commandLine().getOut().print(VirtualAccounts.appPoolSid(pool) + "\n");
            if (VirtualAccounts.hasUncertainFolding(pool)) {
                spec.commandLine().getErr().println("logonrights: note: the name has non-ASCII characters; Windows may fold "
                        + "their case differently, so verify the SID on the server");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "service", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Prints the SID of NT SERVICE\\NAME (S-1-5-80-…, SHA-1 of the upper-cased name), computed offline.",
                    "An account name ('NT SERVICE\\NAME') is accepted: the prefix is dropped, with a note."},
            footerHeading = "%nExamples:%n",
            footer = {"  logonrights sid service MSSQLSERVER",
                    "  logonrights sid service 'NT SERVICE\\W3SVC'"})
    static final class Service implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The service's name (sc query shows it as SERVICE_NAME), not its display name.")
        String name;

        @Override
        public Integer call() throws UsageException {
            String service = bareName(spec, name, VirtualAccounts.SERVICE_DOMAIN, "service", "the service",
                    "as 'sc query' shows it in SERVICE_NAME");
            spec.commandLine().getOut().print(VirtualAccounts.serviceSid(service) + "\n");
            return ExitCode.OK.code();
        }
    }

    /**
     * The name to hash: without a {@code DOMAIN\} prefix copied from an account name (with a note
     * saying so), and never empty, since an empty name hashes to a SID no account has.
     *
     * @param kind "pool", as the note names it
     * @param what "the application pool", as the error names it
     * @param where where the user finds the right name
     */
    private static String bareName(CommandSpec spec, String typed, String domain, String kind, String what, String where)
            throws UsageException {
        String bare = VirtualAccounts.withoutDomain(typed, domain);
        if (!bare.equals(typed)) {
            spec.commandLine().getErr().println("logonrights: note: computing the SID of " + kind + " '" + bare
                    + "' (the '" + domain + "\\' prefix is not part of the " + kind + " name)");
        }
        if (bare.isBlank()) {
            throw new UsageException("the name of " + what + " is empty; give its name " + where);
        }
        return bare;
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Names a well-known SID, or says what kind of SID it is, offline.",
            footerHeading = "%nExamples:%n",
            footer = {"  logonrights sid describe S-1-5-32-568",
                    "  logonrights sid describe S-1-15-2-1",
                    "  logonrights sid describe '*S-1-5-21-1004336348-1177238915-682003330-512'"})
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
                throw new UsageException(e.getMessage());
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
                case APP_CONTAINER -> "an AppContainer package SID (a packaged or UWP app's identity), not an account "
                        + "an IIS pool runs as";
                case CAPABILITY -> "a capability SID (APPLICATION PACKAGE AUTHORITY\\...), which AppContainer tokens carry "
                        + "for what the app may use; not an account";
                case OTHER -> "not a well-known SID";
            };
        }
    }
}
