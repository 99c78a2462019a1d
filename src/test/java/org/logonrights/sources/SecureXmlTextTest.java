package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** How {@link SecureXml} presents decoded text to the parser and which text nodes it keeps. */
class SecureXmlTextTest {

    private static String readAll(Reader r, int chunk) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n; (n = r.read(buf, 0, chunk)) != -1; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    @Test
    void theDeclaredEncodingIsDroppedAndEverythingElseReadAsIs() throws IOException {
        String text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<configuration a='1'>\u00e9</configuration>";
        String expected = "<?xml version=\"1.0\"?>\r\n<configuration a='1'>\u00e9</configuration>";
        for (int chunk : new int[] {1, 3, 7, 8192}) {
            assertEquals(expected, readAll(SecureXml.withoutDeclaredEncoding(text), chunk), "chunk " + chunk);
        }
    }

    @Test
    void textWithoutADeclarationOrWithoutAnEncodingIsUnchanged() throws IOException {
        for (String text : new String[] {"<a/>", "<?xml version=\"1.0\"?><a/>", "", "<?xml"}) {
            assertEquals(text, readAll(SecureXml.withoutDeclaredEncoding(text), 5));
        }
    }

    @Test
    void errorsStillCiteTheLineOfTheOriginalText() {
        String text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<a>\n<b>\n</a>";
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> SecureXml.parse(text, "x.config"));
        assertTrue(e.position().startsWith("line 4,"), e.oneLine());
    }

    @Test
    void whitespaceBetweenElementsIsNotANodeButTextIsKept() throws InputException {
        Document d = SecureXml.parse("<r>\n  <Name>  CONTOSO\\web  </Name>\n  <e/>\n</r>", "t.xml");
        Element r = d.getDocumentElement();
        for (Node n = r.getFirstChild(); n != null; n = n.getNextSibling()) {
            assertEquals(Node.ELEMENT_NODE, n.getNodeType(), "only elements under <r>");
        }
        Element name = SecureXml.child(r, null, "Name");
        assertEquals("  CONTOSO\\web  ", name.getTextContent());
        assertNull(SecureXml.child(r, null, "e").getFirstChild());
        assertEquals(2, SecureXml.lineOf(name));
    }
}
