package org.logonrights.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.AuditService;
import org.logonrights.model.Snapshot;
import org.logonrights.report.AuditReport;
import org.logonrights.report.ReportFormat;
import org.logonrights.report.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logonrights explain POOL}: the full reason chain of one pool. */
@Command(name = "explain", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Explains step by step why one pool will start or fail: its identity, the logon WAS performs, "
                + "the right LSA checks, where that right is granted or denied (file and line), Group Policy, and what to change."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights explain Reports --secedit secedit.inf --applicationhost applicationHost.config",
                "  logonrights explain DefaultAppPool --snapshot srv-web01.json --format json"})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POOL", description = "The application pool's name (case-insensitive).")
    String pool;

    @Mixin
    InputOptions inputs;

    @Mixin
    RemoteOptions remote;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        Snapshot snapshot = remote.requested()
                ? inputs.redactIfAsked(remote.load(inputs.selection(), inputs.maxInputSize)) : inputs.load();
        AuditReport report = AuditService.audit(snapshot, List.of(pool));
        var options = Terminal.renderOptions(output.output == null);
        var renderer = output.format == ReportFormat.TEXT ? new TextRenderer(options, pool) : output.format.renderer(options);
        ReportOutput.write(renderer, report, output.output, spec.commandLine().getOut());
        return AuditCommand.exitCode(report, output.failOn);
    }
}
