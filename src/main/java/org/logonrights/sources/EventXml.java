package org.logonrights.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.logonrights.model.InputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads events exported as XML: {@code wevtutil qe … /f:xml} (a sequence of {@code <Event>} elements
 * with no root), {@code wevtutil qe … /e:Events} or Event Viewer's "Save as XML" (a root around
 * them), and {@code Get-WinEvent | ForEach-Object { $_.ToXml() }} (one event per line, no root).
 * The text goes through {@link SecureXml} like every XML input: no DTD, bounded depth.
 */
public final class EventXml {

    private static final Pattern DECLARATION = Pattern.compile("<\\?xml[^?]*\\?>");

    private EventXml() {
    }

    /** An event read from XML, with the line its {@code <Event>} starts on. */
    public record LineEvent(EventElement event, int line) {
    }

    /** Every {@code <Event>} element of the export. */
    public static List<LineEvent> parse(String text, String file) throws InputException {
        // A concatenation of exports repeats the declaration; without a root there is nowhere for it.
        String body = DECLARATION.matcher(text).replaceAll("");
        String first = firstElementName(body);
        if (first == null) {
            throw new InputException(file, null, "no XML element: not an event export");
        }
        boolean rootless = first.equals("Event");
        Document doc = SecureXml.parse(rootless ? "<Events>" + body + "</Events>" : body, file);
        Element root = doc.getDocumentElement();
        List<LineEvent> events = new ArrayList<>();
        if ("Event".equals(root.getLocalName()) && !rootless) {
            events.add(new LineEvent(element(root), SecureXml.lineOf(root)));
            return events;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Event".equals(e.getLocalName())) {
                events.add(new LineEvent(element(e), SecureXml.lineOf(e)));
            }
        }
        if (events.isEmpty() && !"Events".equals(root.getLocalName())) {
            throw new InputException(file, null, "the root element <" + root.getLocalName()
                    + "> holds no <Event> elements: not an event export");
        }
        return events;
    }

    private static String firstElementName(String text) {
        int i = 0;
        while (true) {
            i = text.indexOf('<', i);
            if (i < 0 || i + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(i + 1);
            if (next == '!' || next == '?') {
                i += 2; // a comment or processing instruction
                continue;
            }
            int end = i + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                    && text.charAt(end) != '/') {
                end++;
            }
            String name = text.substring(i + 1, end);
            int colon = name.indexOf(':');
            return colon >= 0 ? name.substring(colon + 1) : name;
        }
    }

    /** One DOM element as an {@link EventElement}: local names, namespace declarations left out. */
    static EventElement element(Element e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            String name = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (!"xmlns".equals(a.getPrefix()) && !"xmlns".equals(a.getNodeName())) {
                attributes.put(name, a.getNodeValue());
            }
        }
        List<EventElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                children.add(element(c));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        // Indentation between child elements is layout, not a value.
        String own = children.isEmpty() ? text.toString() : text.toString().strip();
        return new EventElement(e.getLocalName(), attributes, children, own);
    }
}
