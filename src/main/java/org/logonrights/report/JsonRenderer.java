package org.logonrights.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** The JSON report (docs/json-report.md): pretty-printed, LF line ends on every OS, stable field order. */
public final class JsonRenderer implements Renderer {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A pretty printer that writes "\n" whatever the platform, so reports are byte-identical everywhere. */
    static DefaultPrettyPrinter printer() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf);
    }

    static void write(Object value, Writer out) throws IOException {
        MAPPER.writer(printer()).writeValue(out, value);
        out.write("\n");
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        write(JsonReportModel.from(report), out);
    }
}
