package org.logonrights.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.logonrights.app.CollectedSnapshot;
import org.logonrights.app.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logonrights collect}: one snapshot file with everything an audit needs, for tickets. */
@Command(name = "collect", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Writes one versioned JSON snapshot (docs/snapshot.md) with the rights, pools, memberships, "
                + "GPO ownership and how each fact was obtained; 'audit --snapshot FILE' audits it on any OS.",
                "On Windows without input options it reads the live machine; elsewhere give the exported files."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights collect --output srv-web01.json --redact",
                "  logonrights collect --secedit secedit.inf \\",
                "      --applicationhost applicationHost.config --gpresult gpresult.xml \\",
                "      --output srv-web01.json",
                "  logonrights collect --remote web01 --user 'CONTOSO\\admin' \\",
                "      --password-env PW --output web01.json"})
public final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RemoteOptions remote;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The snapshot file to write (atomically); - is standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        CollectedSnapshot collected = inputs.service().collect(inputs.request(remote));
        ReportOutput.write(collected.json(), output, spec.commandLine().getOut());
        inputs.writeRedactMap();
        spec.commandLine().getErr().println("logonrights: wrote "
                + (ReportOutput.toStandardOutput(output) ? "standard output" : output) + " (" + collected.pools() + " pools, "
                + collected.rights() + " logon rights" + (collected.redacted() ? ", redacted" : "") + ")");
        return ExitCode.OK.code();
    }
}
