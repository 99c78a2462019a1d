package org.logonrights.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.AuditService;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Snapshot;
import org.logonrights.report.AuditReport;
import org.logonrights.report.RenderOptions;
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
        Snapshot snapshot = remote.requested()
                ? inputs.redactIfAsked(remote.load(inputs.selection(), inputs.maxInputSize)) : inputs.load();
        AuditReport report = AuditService.audit(snapshot, pools);
        RenderOptions options = Terminal.renderOptions(output.output == null);
        ReportOutput.write(output.format.renderer(options), report, output.output, spec.commandLine().getOut());
        return exitCode(report, output.failOn);
    }

    static int exitCode(AuditReport report, FailOn failOn) {
        EnumSet<Verdict> present = EnumSet.noneOf(Verdict.class);
        for (PoolResult p : report.result().pools()) {
            present.add(p.verdict());
        }
        return failOn.exitCodeFor(present).code();
    }
}
