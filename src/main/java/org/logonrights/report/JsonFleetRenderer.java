package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;

/**
 * The fleet JSON report (docs/json-report.md, "Fleet report"), written host by host: the same bytes
 * as the whole {@link FleetJsonModel.Fleet} pretty-printed at once, never holding more than one host.
 */
public final class JsonFleetRenderer implements FleetRenderer {

    @Override
    public void head(FleetSummary summary, Writer out) throws IOException {
        StreamedJson.head(FleetJsonModel.head(summary), out);
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        StreamedJson.item(FleetJsonModel.host(host), index, out);
    }

    @Override
    public void tail(FleetSummary summary, Writer out) throws IOException {
        StreamedJson.tail(summary.hosts(), out);
    }
}
