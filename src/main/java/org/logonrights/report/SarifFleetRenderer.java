package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.logonrights.engine.rules.Rules;
import org.logonrights.report.sarif.SarifLog;
import org.logonrights.report.sarif.SarifLog.Run;

/**
 * The SARIF log of a fleet: one run per host, in the order given, each exactly the run of that host's
 * single-host log plus {@code automationDetails.id} {@code logonrights/HOST/}, so that code-scanning
 * views keep each host's alerts apart. A host that could not be read is a run without results whose
 * invocation failed, with the reason as its notification. Written run by run.
 */
public final class SarifFleetRenderer implements FleetRenderer {

    private final SarifLogBuilder builder;
    private final String toolVersion;

    /** With the threshold of {@code options} deciding which results are errors; {@code toolVersion} names the tool of a run not read. */
    public SarifFleetRenderer(RenderOptions options, String toolVersion) {
        this.builder = new SarifLogBuilder(Rules::byId, options);
        this.toolVersion = toolVersion;
    }

    @Override
    public void head(FleetSummary summary, Writer out) throws IOException {
        StreamedJson.head(SarifLog.of(List.of()), out);
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        SarifLog.RunAutomationDetails automation = new SarifLog.RunAutomationDetails("logonrights/" + host.host() + "/",
                new SarifLog.Message("logonrights audit of " + host.host()));
        Run run;
        if (host.audited()) {
            Run single = builder.build(host.report()).runs().get(0);
            run = new Run(single.tool(), automation, null, single.results(), single.properties());
        } else {
            SarifLog.ToolComponent driver = new SarifLog.ToolComponent("logonrights", toolVersion,
                    SarifLogBuilder.INFORMATION_URI, List.of());
            run = new Run(new SarifLog.Tool(driver), automation, List.of(new SarifLog.Invocation(false, host.exitCode(),
                    List.of(new SarifLog.Notification(SarifLog.Level.ERROR, new SarifLog.Message(host.error()))))),
                    List.of(), null);
        }
        StreamedJson.item(run, index, out);
    }

    @Override
    public void tail(FleetSummary summary, Writer out) throws IOException {
        StreamedJson.tail(summary.hosts(), out);
    }
}
