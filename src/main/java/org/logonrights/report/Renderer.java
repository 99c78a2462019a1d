package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Turns an audit report into one output format. Implementations are stateless; {@link #render} is
 * called once per report and must not close the writer.
 */
public interface Renderer {

    void render(AuditReport report, Writer out) throws IOException;
}
