package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.logonrights.engine.Verdict;

/**
 * JUnit XML of a fleet: one {@code testsuite} per host, each exactly the suite of that host's
 * single-host report (named after the host), and a host that could not be read as a suite of one
 * errored test case whose message is the reason. The totals of {@code testsuites} add up the suites.
 */
public final class JunitFleetRenderer implements FleetRenderer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private final RenderOptions options;

    public JunitFleetRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void head(FleetSummary s, Writer out) throws IOException {
        long failures = 0;
        long skipped = 0;
        for (Verdict v : Verdict.values()) {
            String outcome = JunitRenderer.outcome(v, options);
            if ("failure".equals(outcome)) {
                failures += s.count(v);
            } else if ("skipped".equals(outcome)) {
                skipped += s.count(v);
            }
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"logonrights\" tests=\""
                + (s.pools() + s.failed()) + "\" failures=\"" + failures + "\" errors=\"" + s.failed() + "\" skipped=\""
                + skipped + "\" time=\"0\">");
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        out.write("\n  ");
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            if (host.audited()) {
                JunitRenderer.suite(host.report(), host.host(), options, xml);
            } else {
                xml.writeStartElement("testsuite");
                JunitRenderer.counts(xml, host.host(), "1", "0", "1", "0");
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                JunitRenderer.attribute(xml, "name", "read " + host.host());
                JunitRenderer.attribute(xml, "classname", host.host());
                xml.writeAttribute("time", "0");
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("error");
                JunitRenderer.attribute(xml, "message", host.error());
                xml.writeAttribute("type", "exit " + host.exitCode());
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    @Override
    public void tail(FleetSummary summary, Writer out) throws IOException {
        out.write("\n</testsuites>\n");
    }
}
