package org.logonrights.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.FleetAudit;
import org.logonrights.app.FleetTargets;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.SnapshotRequest;
import org.logonrights.app.ToolVersion;
import org.logonrights.report.AuditReport;
import org.logonrights.report.Renderer;
import org.logonrights.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logonrights explain POOL}: the full reason chain of one pool. */
@Command(name = "explain", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Explains step by step why one pool will start or fail: its identity, the logon WAS performs, "
                + "the right LSA checks, where that right is granted or denied (file and line), Group Policy, and what to change."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights explain Reports --secedit secedit.inf \\",
                "      --applicationhost applicationHost.config --memberships memberships.json",
                "  logonrights explain DefaultAppPool --snapshot srv-web01.json --format json",
                "  logonrights explain 'Orders API' --remote web01 --user 'CONTOSO\\admin' \\",
                "      --password-env LR_PASSWORD",
                "  logonrights explain OrdersApi --snapshot snapshots/"})
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

    @Mixin
    FleetOptions fleet;

    @Option(names = "--no-glossary", negatable = false,
            description = "Leave out the closing list of what LSA, WAS, SID, token and the confidence level mean.")
    boolean noGlossary;

    /** A redacted fleet's heading cannot name the pool: each host has its own pseudonym for it. */
    private static final String REDACTED_POOL = "The pool asked for";

    @Override
    public Integer call() throws Exception {
        ReportFormat format = output.format(); // before reading: a clash with --output is a usage error
        FleetAudit audit = fleet.fleetAudit();
        try (FleetTargets targets = inputs.targets(remote)) {
            if (targets.isFleet()) {
                inputs.refuseRedactMapForFleet();
                return fleet.run(audit, targets, FleetAudit.explain(pool), List.of(pool), output,
                        format.fleetExplainRenderer(output.renderOptions(),
                        inputs.redact ? REDACTED_POOL : pool, ToolVersion.get()));
            }
            return explainOne(targets.single(), format);
        }
    }

    private int explainOne(SnapshotRequest request, ReportFormat format) throws Exception {
        AuditReport report = inputs.service().explain(request, pool);
        // The pool as the report names it: redacted, a real name given here is reported by its pseudonym.
        String reported = report.poolNames().get(0);
        Renderer renderer = format.explainRenderer(output.renderOptions(), reported, !noGlossary);
        ReportOutput.write(out -> renderer.render(report, out), output.output, spec.commandLine().getOut());
        inputs.writeRedactMap();
        return LogonRightsService.exitCode(report, output.failOn).code();
    }
}
