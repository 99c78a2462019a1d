package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** The JUnit XML parses back with a hardened parser and says per pool what its verdict says. */
class JunitRendererTest {

    /** No DTD, no external entities or schemas, no XInclude: what any parser of untrusted XML should be. */
    static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e; // rethrown quietly: the default handler also prints to stderr
            }
        });
        return builder;
    }

    static Document parse(String xml) throws Exception {
        return hardenedBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ReportScenarios.class)
    void oneTestCasePerPoolFailingForWillFailAndAtRiskSkippedForUnknown(ReportScenarios scenario) throws Exception {
        AuditReport report = scenario.report();
        AuditResult r = report.result();
        Document doc = parse(Golden.render(ReportFormat.JUNIT, report));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        List<Element> suite = children(suites, "testsuite");
        assertEquals(1, suite.size());
        Element s = suite.get(0);
        assertEquals("SRV-WEB01", s.getAttribute("name"));
        assertEquals(String.valueOf(r.pools().size()), s.getAttribute("tests"));
        assertEquals(String.valueOf(count(r, Verdict.WILL_FAIL) + count(r, Verdict.AT_RISK)), s.getAttribute("failures"));
        assertEquals(String.valueOf(count(r, Verdict.UNKNOWN)), s.getAttribute("skipped"));
        assertEquals("0", s.getAttribute("errors"));

        List<Element> cases = children(s, "testcase");
        assertEquals(r.pools().stream().map(PoolResult::name).toList(), cases.stream().map(c -> c.getAttribute("name")).toList());
        for (int i = 0; i < cases.size(); i++) {
            Element c = cases.get(i);
            PoolResult p = r.pools().get(i);
            assertEquals("SRV-WEB01", c.getAttribute("classname"));
            assertEquals("0", c.getAttribute("time"));
            List<Element> failures = children(c, "failure");
            List<Element> skipped = children(c, "skipped");
            switch (p.verdict()) {
                case WILL_FAIL, AT_RISK -> {
                    assertEquals(1, failures.size(), p.name());
                    assertEquals(0, skipped.size(), p.name());
                    Element failure = failures.get(0);
                    assertEquals(p.verdict().name(), failure.getAttribute("type"));
                    assertEquals(p.verdict().name() + ": " + p.findings().get(0).message(), failure.getAttribute("message"));
                    for (var step : p.reasons()) {
                        assertTrue(failure.getTextContent().contains(step.message()), step.message());
                    }
                }
                case UNKNOWN -> {
                    assertEquals(0, failures.size(), p.name());
                    assertEquals(1, skipped.size(), p.name());
                    assertTrue(skipped.get(0).getAttribute("message").startsWith("UNKNOWN: "));
                }
                case WILL_START -> assertEquals(0, failures.size() + skipped.size(), p.name());
            }
        }
    }

    private static long count(AuditResult r, Verdict v) {
        return r.pools().stream().filter(p -> p.verdict() == v).count();
    }

    @Test
    void machineFindingsAndNotesGoToTheSuiteOutput() throws Exception {
        Document doc = parse(Golden.render(ReportFormat.JUNIT, ReportScenarios.MIXED.report()));
        Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
        String out = children(suite, "system-out").get(0).getTextContent();
        assertTrue(out.contains("LR015 orphan-apppool-sid (note)"), out);
        assertTrue(out.contains("input note (warning)"), out);
    }

    @Test
    void charactersXmlCannotCarryAreReplacedNotWritten() throws Exception {
        assertEquals("bad\uFFFDname\tok", JunitRenderer.xmlSafe("bad\u0001name\tok"));
        assertEquals("\uFFFD", JunitRenderer.xmlSafe("\uD800"));
        assertEquals("\uD83D\uDE00", JunitRenderer.xmlSafe("\uD83D\uDE00"));
    }

    @Test
    void theTestParserRefusesADoctype() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThrows(SAXException.class, () -> parse(hostile));
    }

    @Test
    void rendersUtf8Declaration() throws IOException {
        assertTrue(Golden.render(ReportFormat.JUNIT, ReportScenarios.EMPTY_SERVER.report())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    }
}
