package org.logonrights.cli;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.logonrights.app.UsageException;
import org.logonrights.engine.RightsAnalysis;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.report.RightsRenderer;
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
        footer = {"  logonrights rights --secedit secedit.inf --applicationhost applicationHost.config --gpresult gpresult.xml",
                "  logonrights rights --snapshot srv-web01.json --right SeBatchLogonRight --format json"})
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

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    java.nio.file.Path output;

    @Override
    public Integer call() throws Exception {
        List<UserRight> selected = new ArrayList<>();
        for (String r : rights) {
            selected.add(UserRight.fromConstantName(r).orElseThrow(() -> new UsageException("'" + r
                    + "' is not a logon right; expected one of " + java.util.Arrays.stream(UserRight.values())
                    .map(UserRight::constantName).toList())));
        }
        if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
            throw new UsageException("rights supports --format text or json, not '" + format + "'");
        }
        Snapshot snapshot = remote.requested()
                ? inputs.redactIfAsked(remote.load(inputs.selection(), inputs.maxInputSize)) : inputs.load();
        List<RightsAnalysis.RightSummary> summaries = RightsAnalysis.analyze(snapshot, selected);
        StringWriter buffer = new StringWriter();
        if (format.equalsIgnoreCase("json")) {
            RightsRenderer.json(snapshot.machine(), summaries, buffer);
        } else {
            RightsRenderer.text(summaries, buffer);
        }
        ReportOutput.write(buffer.toString(), output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
