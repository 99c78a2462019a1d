package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.ReasonStep;
import org.logonrights.engine.Verdict;
import org.logonrights.model.InputNote;

/**
 * JUnit XML for CI test reports: one test suite per machine, one test case per pool. A pool fails
 * exactly when its verdict fails the run under {@code --fail-on} ({@link RenderOptions#failing()}),
 * so the failure count and the exit code never disagree: WILL_FAIL and AT_RISK under the default,
 * UNKNOWN too with {@code --fail-on unknown}. An UNKNOWN that does not fail the run is skipped, since
 * nothing was proved either way (exit 4); a WILL_FAIL or AT_RISK below the threshold passes, with its
 * reason chain in {@code <system-out>}. Times are always 0, so the same report gives the same bytes.
 *
 * <p>The XML declares UTF-8: the caller's writer must encode UTF-8.
 */
public final class JunitRenderer implements Renderer {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final RenderOptions options;

    /** Under the default threshold ({@code --fail-on risk}). */
    public JunitRenderer() {
        this(RenderOptions.PLAIN);
    }

    public JunitRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            write(report, options, xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    /** What a pool's test case is: "failure", "skipped", or null for a pass. */
    static String outcome(Verdict verdict, RenderOptions options) {
        if (options.fails(verdict)) {
            return "failure";
        }
        return verdict == Verdict.UNKNOWN ? "skipped" : null;
    }

    private static void write(AuditReport report, RenderOptions options, XMLStreamWriter xml) throws XMLStreamException {
        AuditResult r = report.result();
        String machine = ReportFacts.machineLabel(r.machine());
        String tests = String.valueOf(r.pools().size());
        String failures = String.valueOf(r.pools().stream().filter(p -> "failure".equals(outcome(p.verdict(), options))).count());
        String skipped = String.valueOf(r.pools().stream().filter(p -> "skipped".equals(outcome(p.verdict(), options))).count());

        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        counts(xml, "logonrights", tests, failures, "0", skipped);
        newline(xml, 1);
        suite(report, machine, options, xml);
        newline(xml, 0);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    /** How many of a report's pools fail the run, and how many are skipped (UNKNOWN below the threshold). */
    static long[] failuresAndSkipped(AuditReport report, RenderOptions options) {
        List<PoolResult> pools = report.result().pools();
        return new long[] {pools.stream().filter(p -> "failure".equals(outcome(p.verdict(), options))).count(),
            pools.stream().filter(p -> "skipped".equals(outcome(p.verdict(), options))).count()};
    }

    /** One {@code testsuite} named {@code name}, at depth 1 of {@code testsuites}. */
    static void suite(AuditReport report, String name, RenderOptions options, XMLStreamWriter xml) throws XMLStreamException {
        AuditResult r = report.result();
        long[] counted = failuresAndSkipped(report, options);
        xml.writeStartElement("testsuite");
        counts(xml, name, String.valueOf(r.pools().size()), String.valueOf(counted[0]), "0", String.valueOf(counted[1]));
        newline(xml, 2);
        xml.writeStartElement("properties");
        newline(xml, 3);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "logonrights.version");
        attribute(xml, "value", report.toolVersion());
        newline(xml, 2);
        xml.writeEndElement();
        for (PoolResult p : r.pools()) {
            newline(xml, 2);
            testcase(xml, name, p, outcome(p.verdict(), options));
        }
        String systemOut = machineText(r);
        if (!systemOut.isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("system-out");
            text(xml, systemOut);
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    static void counts(XMLStreamWriter xml, String name, String tests, String failures, String errors, String skipped)
            throws XMLStreamException {
        attribute(xml, "name", name);
        xml.writeAttribute("tests", tests);
        xml.writeAttribute("failures", failures);
        xml.writeAttribute("errors", errors);
        xml.writeAttribute("skipped", skipped);
        xml.writeAttribute("time", "0");
    }

    private static void testcase(XMLStreamWriter xml, String machine, PoolResult p, String outcome) throws XMLStreamException {
        List<Finding> findings = p.findings();
        if (outcome == null && findings.isEmpty() && p.verdict() == Verdict.WILL_START && !ReportFacts.eventsDisagree(p)) {
            xml.writeEmptyElement("testcase");
            testcaseAttributes(xml, machine, p);
            return;
        }
        xml.writeStartElement("testcase");
        testcaseAttributes(xml, machine, p);
        newline(xml, 3);
        if (outcome != null) {
            xml.writeStartElement(outcome);
            attribute(xml, "message", p.verdict().name() + ": " + ReportFacts.headline(p));
            if (outcome.equals("failure")) {
                xml.writeAttribute("type", p.verdict().name());
            }
            text(xml, chain(p));
        } else {
            // A pool that passes can still have findings worth reading (LocalSystem, a risk below --fail-on),
            // or events that say it fails for another reason.
            xml.writeStartElement("system-out");
            text(xml, chain(p));
        }
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void testcaseAttributes(XMLStreamWriter xml, String machine, PoolResult p) throws XMLStreamException {
        attribute(xml, "classname", machine);
        attribute(xml, "name", p.name());
        xml.writeAttribute("time", "0");
    }

    /** The pool's full reason chain, its findings and their fixes, one fact per line. */
    static String chain(PoolResult p) {
        List<String> lines = new ArrayList<>();
        lines.add(p.name() + ": " + p.verdict().name() + " (confidence " + ReportFacts.confidence(p) + ")");
        for (ReasonStep s : p.reasons()) {
            lines.add("  " + ReportFacts.stepLabel(s) + ": " + s.message() + ReportFacts.where(s.source()));
        }
        if (p.events() != null) {
            for (org.logonrights.model.LoggedEvent e : p.events().events()) {
                lines.add("  event: " + EventTexts.event(e) + ReportFacts.where(e.source()));
            }
            lines.add("  agreement: " + EventTexts.agreement(p));
        }
        for (Finding f : p.findings()) {
            lines.add("  finding: " + ReportFacts.ruleLabel(f) + ": " + f.message() + ReportFacts.where(f.location()));
            if (f.remediation() != null) {
                lines.add("  fix: " + f.remediation());
            }
        }
        return "\n" + String.join("\n", lines) + "\n";
    }

    /** Machine findings and input notes, which belong to no pool. */
    private static String machineText(AuditResult r) {
        List<String> lines = new ArrayList<>();
        for (Finding f : r.machineFindings()) {
            lines.add(ReportFacts.ruleLabel(f) + ": " + f.message() + ReportFacts.where(f.location()));
            if (f.remediation() != null) {
                lines.add("  fix: " + f.remediation());
            }
        }
        for (InputNote n : r.notes()) {
            lines.add("input note (" + n.level().name().toLowerCase(Locale.ROOT) + "): " + n.message()
                    + ReportFacts.where(n.provenance()));
        }
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines) + "\n";
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Attribute values are one line: a parser would turn a raw line break into a space anyway. */
    static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlSafe(value).replaceAll("[\r\n\t]+", " "));
    }

    private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters(xmlSafe(value).replace("\r\n", "\n").replace('\r', '\n'));
    }

    /**
     * Replaces what XML 1.0 cannot carry at all (control characters, lone surrogates) with U+FFFD:
     * names and messages come from input files, and one stray byte must not make the report unreadable.
     */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            b.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return b.toString();
    }
}
