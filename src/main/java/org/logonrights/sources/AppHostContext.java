package org.logonrights.sources;

import java.util.ArrayList;
import java.util.List;
import org.logonrights.model.InputException;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The file being read and the namespace of its root, shared by the applicationHost.config readers
 * so that every fact and error names the same file and line.
 *
 * @param ns the root's namespace URI (null for IIS-written files), used for every child look-up
 */
record AppHostContext(String file, String ns) {

    List<Element> children(Element parent, String localName) {
        return SecureXml.children(parent, ns, localName);
    }

    Element child(Element parent, String localName) {
        return SecureXml.child(parent, ns, localName);
    }

    /** The element at the end of a path of child names, or null. */
    Element descendant(Element parent, String... localNames) {
        Element e = parent;
        for (String name : localNames) {
            if (e == null) {
                return null;
            }
            e = child(e, name);
        }
        return e;
    }

    /** All child elements, in document order. */
    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    Provenance at(Element e, String element) {
        return new Provenance(SourceKind.APPLICATION_HOST, file, SecureXml.lineOf(e), element);
    }

    InputException error(Element e, String message) {
        return new InputException(file, "line " + SecureXml.lineOf(e), message);
    }
}
