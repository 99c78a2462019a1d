package org.logonrights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.FleetAudit;
import org.logonrights.app.FleetTargets;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.ToolVersion;
import org.logonrights.report.AuditReport;
import org.logonrights.report.Renderer;
import org.logonrights.report.ReportFormat;
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
                "Remote (any OS): --remote HOST --user DOMAIN\\name reads HOST's rights and applicationHost.config over SMB.",
                "Fleet: several --remote hosts (or --remote @FILE), or several --snapshot files (or a folder), give one "
                        + "report over all of them, host by host (docs/fleet.md). Its exit code: 2 on bad usage (nothing "
                        + "audited); else 1 if an audited pool reaches --fail-on; else 3 if a host could not be read; else 4 "
                        + "if a pool is UNKNOWN; else 0."},
        footerHeading = "%nExamples:%n",
        footer = {"  logonrights audit --secedit secedit.inf \\",
                "      --applicationhost applicationHost.config",
                "  logonrights audit --secedit secedit.inf \\",
                "      --applicationhost applicationHost.config \\",
                "      --memberships memberships.json --gpresult gpresult.xml \\",
                "      --output report.json",
                "  logonrights audit --snapshot srv-web01.json --pool Reports --fail-on fail",
                "  logonrights audit --snapshot srv-web01.json --output logonrights.sarif",
                "  logonrights audit --remote web01.contoso.com --user 'CONTOSO\\admin' \\",
                "      --password-env LR_PASSWORD",
                "  logonrights audit --remote @web-servers.txt --user 'CONTOSO\\admin' \\",
                "      --password-env LR_PASSWORD --parallel 16 --format json",
                "  logonrights audit --snapshot snapshots/ --fail-on fail"})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    RemoteOptions remote;

    @Mixin
    OutputOptions output;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--pool", paramLabel = "NAME", description = "Audit only this pool (repeatable).")
    List<String> pools = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ReportFormat format = output.format(); // before reading: a clash with --output is a usage error
        FleetAudit audit = fleet.fleetAudit();
        try (FleetTargets targets = inputs.targets(remote)) {
            if (targets.isFleet()) {
                inputs.refuseRedactMapForFleet();
                return fleet.run(audit, targets, FleetAudit.audit(pools), pools, output,
                        format.fleetRenderer(output.renderOptions(), ToolVersion.get()));
            }
            AuditReport report = inputs.service().audit(targets.single(), pools);
            Renderer renderer = format.renderer(output.renderOptions());
            ReportOutput.write(out -> renderer.render(report, out), output.output, spec.commandLine().getOut());
            inputs.writeRedactMap();
            return LogonRightsService.exitCode(report, output.failOn).code();
        }
    }
}
