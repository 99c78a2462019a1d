package org.logonrights.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.logonrights.model.InputException;
import org.w3c.dom.Attr;
import org.w3c.dom.DOMException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one XML parser factory of the project. It refuses any DTD (so no entity can be declared,
 * expanded or fetched), bounds depth and attribute count, and builds a namespace-aware DOM whose
 * elements remember their line ({@link #lineOf(Node)}) so that facts can cite it.
 *
 * <p>Callers pass already-decoded text ({@link TextDecoder}): the declared encoding is ignored,
 * because real files declare {@code utf-16} while being UTF-8.
 */
public final class SecureXml {

    /** Deeper than any applicationHost.config or gpresult report; stops stack-exhaustion inputs. */
    public static final int MAX_DEPTH = 200;
    /** IIS elements carry a few dozen attributes at most. */
    public static final int MAX_ATTRIBUTES = 500;

    /** The document's user data under this key maps each element to its line (one map, not one entry per node). */
    private static final String LINES_KEY = "logonrights.lines";

    /**
     * Configured once: creating a factory costs more than parsing a small applicationHost.config.
     * Parsers come from the factory under the class lock, since JAXP promises no thread safety for
     * factories; the DOM implementation only instantiates empty documents.
     */
    private static final SAXParserFactory SAX = newFactory();
    private static final DOMImplementation DOM = newDomImplementation();

    private SecureXml() {
    }

    /** Parses decoded XML text into a DOM; {@code file} names the input in errors. */
    public static Document parse(String text, String file) throws InputException {
        try {
            SAXParser parser = newParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DomBuilder builder = new DomBuilder(file, newDocument());
            InputSource source = new InputSource(withoutDeclaredEncoding(text));
            source.setSystemId(null);
            parser.parse(source, builder);
            return builder.document;
        } catch (SAXParseException e) {
            throw new InputException(file, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    friendly(e.getMessage()), e);
        } catch (SAXException e) {
            throw new InputException(file, null, friendly(e.getMessage()), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read XML: " + e.getMessage(), e);
        }
    }

    /** The 1-based line where an element starts, or 0. */
    public static int lineOf(Node node) {
        Document doc = node == null ? null : node.getOwnerDocument();
        Object lines = doc == null ? null : doc.getUserData(LINES_KEY);
        Object v = lines instanceof Map<?, ?> m ? m.get(node) : null;
        return v instanceof Integer i ? i : 0;
    }

    /** Child elements of {@code parent} with the given namespace URI (null for none) and local name. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && sameNs(ns, e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first such child, or null. */
    public static Element child(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The attribute value, or null when absent (DOM returns "" for absent attributes). */
    public static String attr(Element e, String name) {
        // One look-up, not hasAttribute then getAttribute: pools are read by the ten thousand.
        Attr a = e.getAttributeNode(name);
        return a == null ? null : a.getValue();
    }

    private static boolean sameNs(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }

    private static synchronized SAXParser newParser() throws ParserConfigurationException, SAXException {
        return SAX.newSAXParser();
    }

    /**
     * An empty document from the DOM implementation, not from a new DocumentBuilder: a builder sets up
     * a whole second parser configuration that would never parse anything here. Under the class lock
     * like the parsers: inputs are parsed on two threads, and the DOM promises no thread safety.
     */
    private static synchronized Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    private static SAXParserFactory newFactory() {
        try {
            // The JDK's own parser, without the service-loader search of the class path newInstance() does.
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    private static DOMImplementation newDomImplementation() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM implementation", e);
        }
    }

    /**
     * The text without the {@code encoding} pseudo-attribute: the text is already decoded, and a
     * declaration of {@code utf-16} on a character stream is harmless but confusing in error messages.
     * Only the declaration is rewritten; the rest is read in place rather than copied (6 MB on large servers).
     */
    static Reader withoutDeclaredEncoding(String text) {
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            if (end > 0 && end < 200) {
                String decl = text.substring(0, end).replaceFirst("\\s+encoding\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
                return new ConcatReader(decl, text, end);
            }
        }
        return new StringReader(text);
    }

    /** {@code head} followed by {@code text} from {@code from} on, without building the joined string. */
    private static final class ConcatReader extends Reader {
        private final String head;
        private final String text;
        private int headAt;
        private int at;

        ConcatReader(String head, String text, int from) {
            this.head = head;
            this.text = text;
            this.at = from;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            Objects.checkFromIndexSize(off, len, buf.length);
            if (len == 0) {
                return 0;
            }
            if (headAt < head.length()) {
                int n = Math.min(len, head.length() - headAt);
                head.getChars(headAt, headAt + n, buf, off);
                headAt += n;
                return n;
            }
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(len, text.length() - at);
            text.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
            // Nothing to release: both parts are strings.
        }
    }

    private static String friendly(String parserMessage) {
        if (parserMessage == null) {
            return "malformed XML";
        }
        if (parserMessage.contains("DOCTYPE")) {
            return "XML with a DOCTYPE/DTD is refused (DTDs and entities are never processed)";
        }
        return "malformed XML: " + parserMessage;
    }

    /** Builds a DOM from SAX events, recording each element's line. */
    private static final class DomBuilder extends DefaultHandler {
        private final String file;
        private final Document document;
        private final Deque<Node> stack = new ArrayDeque<>();
        private Locator locator;
        private final StringBuilder text = new StringBuilder();
        /**
         * Element lines, kept in one identity map on the document: per-node user data costs a weak
         * reference and a map per element, which a 20,000-pool configuration turns into GC work.
         */
        private final Map<Node, Integer> lines = new IdentityHashMap<>();

        DomBuilder(String file, Document document) {
            this.file = file;
            this.document = document;
            this.document.setUserData(LINES_KEY, lines, null);
            stack.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            flushText();
            if (stack.size() > MAX_DEPTH) {
                throw new SAXParseException("elements nested deeper than " + MAX_DEPTH + " levels", locator);
            }
            if (atts.getLength() > MAX_ATTRIBUTES) {
                throw new SAXParseException("element <" + qName + "> has more than " + MAX_ATTRIBUTES + " attributes", locator);
            }
            if (stack.size() == 1 && locator instanceof Locator2 l2 && "1.1".equals(l2.getXMLVersion())) {
                // XML 1.1 allows more name characters; the DOM checks names against the document's version.
                document.setXmlVersion("1.1");
            }
            Element e;
            try {
                e = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
                for (int i = 0; i < atts.getLength(); i++) {
                    String aUri = atts.getURI(i);
                    String aName = atts.getQName(i);
                    if (aName.startsWith("xmlns")) {
                        continue;
                    }
                    e.setAttributeNS(aUri == null || aUri.isEmpty() ? null : aUri, aName, atts.getValue(i));
                }
            } catch (DOMException ex) {
                // The scanner lets through names such as ":a" or "a:b:c" that break the namespace rules the DOM enforces.
                throw new SAXParseException("element <" + qName + "> or one of its attributes has a name that breaks"
                        + " the XML namespace rules", locator);
            }
            lines.put(e, locator == null ? 0 : locator.getLineNumber());
            stack.peek().appendChild(e);
            stack.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (stack.peek() instanceof Element) {
                text.append(ch, start, length);
            }
        }

        /**
         * Whitespace between elements is dropped: no reader uses it (text values are stripped), and in
         * an indented applicationHost.config it would be every other node of the DOM.
         */
        private void flushText() {
            if (text.length() > 0 && !isBlank(text)) {
                stack.peek().appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }

        private static boolean isBlank(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "DomBuilder[" + file + "]";
        }
    }
}
