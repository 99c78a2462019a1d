package org.logonrights.sources;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Namespace URIs and small DOM helpers shared by the Group Policy XML readers. Elements are
 * matched by namespace URI and local name only: the prefixes ({@code q1:}, {@code q3:}, ...)
 * change from one report to the next (docs/input-formats.md §2.3).
 */
final class GroupPolicyXml {

    static final String RSOP = "http://www.microsoft.com/GroupPolicy/Rsop";
    static final String TYPES = "http://www.microsoft.com/GroupPolicy/Types";
    static final String SETTINGS = "http://www.microsoft.com/GroupPolicy/Settings";
    static final String BASE = "http://www.microsoft.com/GroupPolicy/Settings/Base";
    static final String SECURITY = "http://www.microsoft.com/GroupPolicy/Settings/Security";

    private GroupPolicyXml() {
    }

    /** The stripped text of an element, or null when the element is absent or blank. */
    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    /** The stripped text of the first matching child, or null when it is absent or blank. */
    static String childText(Element parent, String ns, String localName) {
        return parent == null ? null : text(SecureXml.child(parent, ns, localName));
    }

    /** All matching elements below {@code parent}, in document order. */
    static List<Element> descendants(Element parent, String ns, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static boolean is(Element e, String ns, String localName) {
        return e != null && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI());
    }

    /** {@code <{uri}local>}, or {@code <local> (no namespace)}, for messages about an unexpected element. */
    static String describe(Element e) {
        String ns = e.getNamespaceURI();
        String local = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        return ns == null || ns.isEmpty() ? "<" + local + "> (no namespace)" : "<{" + ns + "}" + local + ">";
    }

    static String lineRef(Element e) {
        return "line " + SecureXml.lineOf(e);
    }
}
