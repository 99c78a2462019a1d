package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.InputException;
import org.w3c.dom.Element;

/**
 * The bounds of {@link SecureXml}: nesting, attributes, and every kind of entity, which never gets
 * past the refused DOCTYPE. Each hostile document fails with one {@link InputException}.
 */
class SecureXmlBoundsTest {

    private static final String FILE = "hostile.xml";

    /** A loopback server that counts requests: an external entity must never be fetched. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak 'FETCHED-FROM-NETWORK'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static InputException refuse(String xml) {
        InputException e = assertThrows(InputException.class, () -> SecureXml.parse(xml, FILE));
        assertEquals(FILE, e.file());
        assertFalse(e.oneLine().contains("\n"), e.oneLine());
        return e;
    }

    private static void assertDoctypeRefused(InputException e) {
        assertEquals("XML with a DOCTYPE/DTD is refused (DTDs and entities are never processed)", e.getMessage());
        assertTrue(e.position().startsWith("line "), e.position());
    }

    @Test
    void tenThousandNestedElementsStopAtTheDepthBound() {
        String xml = "<a>".repeat(10_000) + "</a>".repeat(10_000);

        InputException e = refuse(xml);

        assertTrue(e.getMessage().contains("nested deeper than " + SecureXml.MAX_DEPTH + " levels"), e.getMessage());
    }

    @Test
    void nestingUpToTheBoundIsAccepted() throws InputException {
        int depth = SecureXml.MAX_DEPTH;
        String xml = "<a>".repeat(depth) + "</a>".repeat(depth);

        Element root = SecureXml.parse(xml, FILE).getDocumentElement();

        assertEquals("a", root.getLocalName());
    }

    @Test
    void oneThousandAttributesAreRefused() {
        StringBuilder xml = new StringBuilder("<configuration><add");
        for (int i = 0; i < 1_000; i++) {
            xml.append(" a").append(i).append("=\"").append(i).append('"');
        }
        xml.append("/></configuration>");

        InputException e = refuse(xml.toString());

        assertTrue(e.getMessage().contains("more than " + SecureXml.MAX_ATTRIBUTES + " attributes"), e.getMessage());
        assertTrue(e.position().startsWith("line 1, column "), e.position());
    }

    @Test
    void attributesUpToTheBoundAreAccepted() throws InputException {
        StringBuilder xml = new StringBuilder("<add");
        for (int i = 0; i < SecureXml.MAX_ATTRIBUTES; i++) {
            xml.append(" a").append(i).append("=\"").append(i).append('"');
        }
        xml.append("/>");

        assertEquals(SecureXml.MAX_ATTRIBUTES, SecureXml.parse(xml.toString(), FILE).getDocumentElement().getAttributes().getLength());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        xml.append("]>\n<configuration>&lol9;</configuration>\n");

        assertDoctypeRefused(refuse(xml.toString()));
    }

    @Test
    void parameterEntitiesAreRefused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [\n  <!ENTITY % remote SYSTEM \"" + url("/dtd")
                + "\">\n  %remote;\n  <!ENTITY % inner \"<!ENTITY leak 'x'>\">\n  %inner;\n]>\n<configuration>&leak;</configuration>\n";

        assertDoctypeRefused(refuse(xml));
        assertEquals(0, requests.get(), "a parameter entity was fetched");
    }

    @Test
    void externalFileEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [\n  <!ENTITY leak SYSTEM \"" + secret.toUri()
                + "\">\n]>\n<configuration><x a=\"&leak;\">&leak;</x></configuration>\n";

        InputException e = refuse(xml);

        assertDoctypeRefused(e);
        assertFalse(e.oneLine().contains("TOP-SECRET"), e.oneLine());
    }

    @Test
    void externalNetworkEntityIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration SYSTEM \"" + url("/external.dtd") + "\" [\n"
                + "  <!ENTITY leak SYSTEM \"" + url("/entity") + "\">\n]>\n<configuration>&leak;</configuration>\n";

        assertDoctypeRefused(refuse(xml));
        assertEquals(0, requests.get(), "an external entity was fetched");
    }

    @Test
    void undeclaredEntityReferenceIsAnErrorNotAFetch() {
        InputException e = refuse("<configuration>&leak;</configuration>");

        assertTrue(e.getMessage().startsWith("malformed XML: "), e.getMessage());
        assertEquals(0, requests.get());
    }

    /**
     * U+2070 may start a name in XML 1.1 but not in 1.0: the scanner accepted it and the DOM, checking
     * names as XML 1.0, threw a DOMException that escaped every reader.
     */
    @Test
    void xml11NamesAreReadAsXml11() throws InputException {
        String xml = "<?xml version=\"1.1\"?>\n<configuration \u2070a=\"1\"><\u2070b/></configuration>";

        Element root = SecureXml.parse(xml, FILE).getDocumentElement();

        assertEquals("1", root.getAttribute("\u2070a"));
        assertEquals("\u2070b", root.getFirstChild().getNodeName());
        assertTrue(refuse(xml.replace("1.1", "1.0")).getMessage().startsWith("malformed XML: "));
    }

    /** Found by fuzzing: the scanner accepts a leading ':' in a name, the DOM threw NAMESPACE_ERR. */
    @Test
    void namesWithAnEmptyPrefixAreMalformedXml() throws Exception {
        for (String xml : List.of("<a :b=\"1\"/>", "<:a/>", "<configuration><x :y=\"\"/></configuration>")) {
            InputException e = refuse(xml);
            assertTrue(e.getMessage().endsWith("has a name that breaks the XML namespace rules"), e.getMessage());
            assertTrue(e.position().startsWith("line 1, column "), e.position());
        }
        assertThrows(InputException.class, () -> ApplicationHostParser.parse("<configuration :a=\"1\"/>", FILE));
        assertThrows(InputException.class, () -> GpresultParser.parse("<Rsop :a=\"1\"/>", FILE));
    }

    @Test
    void everyXmlReaderRefusesTheDoctype() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<configuration/>\n";

        assertDoctypeRefused(assertThrows(InputException.class, () -> ApplicationHostParser.parse(xml, FILE)));
        assertDoctypeRefused(assertThrows(InputException.class, () -> GpresultParser.parse(xml, FILE)));
    }
}
