package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;

/** Turns a {@code rights} report into one output format; the formats that have one say so in {@link ReportFormat}. */
public interface RightsRenderer {

    void render(RightsReport report, Writer out) throws IOException;
}
