package org.logonrights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.ExitCode;
import org.logonrights.app.LogonRightsService;
import org.logonrights.model.UserRight;
import org.logonrights.report.RightsRenderer;
import org.logonrights.report.RightsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logonrights rights}: every logon right's holders, who owns the right, and drift. */
@Command(name = "rights", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Lists, for each logon right, its holders with resolved names, whether each comes from the GPO "
                + "that defines the right or from local policy, and what the next Group Policy refresh adds or removes."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights rights --secedit secedit.inf --gpresult gpresult.xml",
                "  logonrights rights --snapshot srv-web01.json --right SeBatchLogonRight \\",
                "      --format json"})
public final class RightsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RemoteOptions remote;

    @Option(names = "--right", paramLabel = "NAME",
            description = "Only this right (repeatable), e.g. SeBatchLogonRight; case-insensitive.")
    List<String> rights = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text or json. Default: json for an --output file named *.json, else text.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output; - is standard output.")
    java.nio.file.Path output;

    @Override
    public Integer call() throws Exception {
        List<UserRight> selected = LogonRightsService.parseRights(rights);
        RightsRenderer renderer = LogonRightsService.rightsFormat(format, output)
                .rightsRenderer(Terminal.renderOptions(output == null)).orElseThrow();
        RightsReport report = inputs.service().rights(inputs.request(remote), selected);
        ReportOutput.write(out -> renderer.render(report, out), output, spec.commandLine().getOut());
        inputs.writeRedactMap();
        return ExitCode.OK.code();
    }
}
