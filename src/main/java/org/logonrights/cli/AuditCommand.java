package org.logonrights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.LogonRightsService;
import org.logonrights.report.AuditReport;
import org.logonrights.report.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logonrights audit}: a verdict for every application pool. */
@Command(name = "audit", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Decides for every application pool whether its identity can log on: WILL_START, WILL_FAIL, "
                + "AT_RISK or UNKNOWN, with the reasons and the fix.",
                "Offline (any OS): give --secedit and --applicationhost (plus --memberships, --gpresult), or --snapshot.",
                "Remote (any OS): --remote HOST --user DOMAIN\\name reads HOST's rights and applicationHost.config over SMB."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights audit --secedit secedit.inf --applicationhost applicationHost.config",
                "  logonrights audit --secedit secedit.inf --applicationhost applicationHost.config \\",
                "      --memberships memberships.json --gpresult gpresult.xml --format json --output report.json",
                "  logonrights audit --snapshot srv-web01.json --pool Reports --fail-on fail",
                "  logonrights audit --remote web01.contoso.com --user CONTOSO\\admin --password-env LR_PASSWORD"})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RemoteOptions remote;

    @Mixin
    OutputOptions output;

    @Option(names = "--pool", paramLabel = "NAME", description = "Audit only this pool (repeatable).")
    List<String> pools = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        AuditReport report = new LogonRightsService().audit(inputs.request(remote), pools);
        Renderer renderer = output.format.renderer(Terminal.renderOptions(ReportOutput.toStandardOutput(output.output)));
        ReportOutput.write(out -> renderer.render(report, out), output.output, spec.commandLine().getOut());
        return LogonRightsService.exitCode(report, output.failOn).code();
    }
}
