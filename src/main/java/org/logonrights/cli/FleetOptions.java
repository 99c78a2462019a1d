package org.logonrights.cli;

import java.io.PrintWriter;
import java.util.List;
import org.logonrights.app.FleetAudit;
import org.logonrights.app.FleetTargets;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.UsageException;
import org.logonrights.report.FleetRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a run over several hosts or snapshots goes (a picocli mixin of audit and explain). */
public final class FleetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + FleetAudit.DEFAULT_PARALLEL,
            description = "With several --remote hosts or --snapshot files: how many are read at once, 1 to "
                    + FleetAudit.MAX_PARALLEL + " (default: ${DEFAULT-VALUE}).")
    int parallel;

    /** The fleet audit these options set up; an out-of-range --parallel is a usage error, fleet or not. */
    FleetAudit fleetAudit() throws UsageException {
        return new FleetAudit(new LogonRightsService(), parallel, debug());
    }

    /** Runs the fleet and writes its report as {@code output} says; returns the exit code. */
    int run(FleetAudit audit, FleetTargets targets, FleetAudit.Job job, List<String> asked, OutputOptions output,
            FleetRenderer renderer) throws Exception {
        PrintWriter err = mixee.commandLine().getErr();
        FleetProgress progress = new FleetProgress(err, Terminal.isStandardErrorInteractive(), debug());
        FleetAudit.Outcome[] outcome = new FleetAudit.Outcome[1];
        try {
            ReportOutput.stream(out -> outcome[0] = audit.run(targets.targets(), job, asked, output.failOn, renderer, progress,
                    out), output.output, mixee.commandLine().getOut());
        } finally {
            progress.finish();
        }
        return outcome[0].exitCode().code();
    }

    private boolean debug() {
        return mixee.root() != null && mixee.root().userObject() instanceof LogonRightsCommand root && root.debug;
    }
}
