package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import org.logonrights.json.JsonMapping;

/** The JSON report (docs/json-report.md): pretty-printed, LF line ends on every OS, stable field order. */
public final class JsonRenderer implements Renderer {

    static void write(Object value, Writer out) throws IOException {
        JsonMapping.writePretty(value, out);
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        write(JsonReportModel.from(report), out);
    }
}
