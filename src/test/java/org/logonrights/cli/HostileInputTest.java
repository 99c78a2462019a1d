package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.app.ExitCode;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/**
 * Hostile and broken inputs through the CLI, in-process (docs/bad-input.md): a refused input gives exit
 * code 2 and exactly one stderr line {@code logonrights: <file>: <position>: <message>} with no stack
 * trace, unless {@code --debug}; an odd but readable input gives a report. Hostile files are generated
 * here, never committed.
 */
class HostileInputTest {

    private static final String TRACE = "\tat ";
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Za-z.]*(Exception|Error)\\b");
    private static final int MB = 1024 * 1024;

    /** A loopback web server that counts requests: no input may make the tool fetch anything. */
    private static HttpServer server;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "<!ENTITY leak 'FETCHED-FROM-NETWORK'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        assertEquals(0, REQUESTS.get(), "an input made the tool fetch a URL");
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    // ---- inputs ---------------------------------------------------------------------------------

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Samples.dir(Samples.DEFAULT_IIS).resolve(name));
    }

    /** The default-iis secedit export as text (it is UTF-16LE with a BOM on disk). */
    static String seceditText() throws IOException {
        byte[] b = sample("secedit.inf");
        return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }

    static byte[] utf16le(String text, boolean bom) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String appHost(String pools) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n  <system.applicationHost>\n"
                + "    <applicationPools>\n" + pools + "    </applicationPools>\n    <sites>\n"
                + "      <site name=\"Default Web Site\" id=\"1\">\n"
                + "        <application path=\"/\" applicationPool=\"DefaultAppPool\" />\n      </site>\n"
                + "    </sites>\n  </system.applicationHost>\n</configuration>\n";
    }

    static String seceditWith(String line) throws IOException {
        return seceditText().replace("[Privilege Rights]\r\n", "[Privilege Rights]\r\n" + line + "\r\n");
    }

    static String doctypeConfig(String doctype) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<configuration>&leak;</configuration>\n";
    }

    /** A file given for one option; the others get the default-iis sample. */
    record Input(String option, String fileName, byte[] content) {
    }

    /**
     * One hostile case. {@code position} is a regex for the position part of the error line, or null
     * when the error has none; {@code message} a fragment of the message.
     */
    record Refused(String name, Input input, String position, String message, List<String> extraArgs) {
        Refused(String name, Input input, String position, String message) {
            this(name, input, position, message, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refusedInputs() throws IOException {
        String secretFile = "/nonexistent-logonrights-secret/passwd";
        List<Refused> cases = new ArrayList<>(List.of(
                new Refused("external file entity", new Input("--applicationhost", "xxe-file.config", utf8(doctypeConfig(
                        "<!DOCTYPE configuration [<!ENTITY leak SYSTEM \"file://" + secretFile + "\">]>"))),
                        "line 2, column \\d+", "XML with a DOCTYPE/DTD is refused"),
                new Refused("external network entity", new Input("--applicationhost", "xxe-network.config", utf8(doctypeConfig(
                        "<!DOCTYPE configuration SYSTEM \"" + url("/dtd") + "\" [<!ENTITY leak SYSTEM \"" + url("/e") + "\">]>"))),
                        "line 2, column \\d+", "XML with a DOCTYPE/DTD is refused"),
                new Refused("billion laughs", new Input("--gpresult", "billion-laughs.xml", utf8(billionLaughs())),
                        "line 2, column \\d+", "XML with a DOCTYPE/DTD is refused"),
                new Refused("parameter entities", new Input("--applicationhost", "parameter-entities.config", utf8(doctypeConfig(
                        "<!DOCTYPE configuration [<!ENTITY % p SYSTEM \"" + url("/p") + "\"> %p; "
                                + "<!ENTITY % q \"<!ENTITY leak 'x'>\"> %q;]>"))),
                        "line 2, column \\d+", "XML with a DOCTYPE/DTD is refused"),
                new Refused("truncated UTF-16 (odd byte count)", new Input("--secedit", "truncated-utf16.inf",
                        Arrays.copyOf(sample("secedit.inf"), sample("secedit.inf").length - 1)),
                        "byte \\d+", "UTF-16LE text has an odd number of bytes"),
                new Refused("NUL bytes in a template", new Input("--secedit", "nul.inf",
                        utf8("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatch\0LogonRight = *S-1-5-32-544\r\n")),
                        "line 4", "contains a NUL character"),
                new Refused("NUL bytes in XML", new Input("--applicationhost", "nul.config",
                        utf8(appHost("      <add name=\"Default\0AppPool\" />\n"))), "line 5, column \\d+", "malformed XML"),
                new Refused("binary garbage", new Input("--secedit", "garbage.inf", garbage()), null, ""),
                new Refused("empty template", new Input("--secedit", "empty.inf", new byte[0]), null, "empty file"),
                new Refused("empty applicationHost.config", new Input("--applicationhost", "empty.config", new byte[0]),
                        "line 1, column 1", "malformed XML"),
                new Refused("20 MB over a lowered --max-input-size", new Input("--applicationhost", "huge.config",
                        padded(appHost(""), 20 * MB)), null,
                        "file is " + 20 * MB + " bytes, over the limit of " + MB + " bytes (raise it with --max-input-size)",
                        List.of("--max-input-size", String.valueOf(MB))),
                new Refused("malformed SID", new Input("--secedit", "bad-sid.inf", utf16le(seceditWith(
                        "SeBatchLogonRight = *S-1-5-32-544,*S-1-X-5-32-545"), true)),
                        "line \\d+", "malformed SID '*S-1-X-5-32-545' in SeBatchLogonRight"),
                new Refused("duplicate pool names", new Input("--applicationhost", "duplicate-pools.config", utf8(appHost(
                        "      <add name=\"DefaultAppPool\" />\n      <add name=\"defaultapppool\" />\n"))),
                        "line 6", "duplicate application pool name 'defaultapppool'"),
                new Refused("pool without a name", new Input("--applicationhost", "nameless-pool.config",
                        utf8(appHost("      <add managedRuntimeVersion=\"v4.0\" />\n"))),
                        "line 5", "application pool <add> without a name"),
                new Refused("gpresult with the wrong root element", new Input("--gpresult", "wrong-root.xml",
                        utf8("<?xml version=\"1.0\"?>\n<Report><ComputerResults/></Report>\n")),
                        "line 2", "not a gpresult report: root element is <Report> (no namespace)"),
                new Refused("truncated memberships JSON", new Input("--memberships", "truncated.json",
                        utf8("{\"accounts\": [{\"account\": \"CONTOSO\\\\svc\", \"groups\": [")),
                        ".*line 1, column \\d+.*", "malformed JSON")));
        return cases.stream();
    }

    static String billionLaughs() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Rsop [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]>\n<Rsop xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\">&lol9;</Rsop>\n").toString();
    }

    static byte[] garbage() {
        byte[] b = new byte[64 * 1024];
        new Random(20260101L).nextBytes(b);
        return b;
    }

    /** {@code text} followed by blanks up to {@code size} bytes: well-formed, just big. */
    static byte[] padded(String text, int size) {
        byte[] head = utf8(text);
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private List<String> args(Input input) throws IOException {
        Path file = dir.resolve(input.fileName());
        Files.write(file, input.content());
        return args(input.option(), file);
    }

    private List<String> args(String option, Path file) throws IOException {
        List<String> args = new ArrayList<>(List.of("audit"));
        for (String o : List.of("--secedit", "--applicationhost")) {
            if (!o.equals(option)) {
                args.add(o);
                args.add(Samples.dir(Samples.DEFAULT_IIS).resolve(o.equals("--secedit") ? "secedit.inf"
                        : "applicationHost.config").toString());
            }
        }
        args.add(option);
        args.add(file.toString());
        return args;
    }

    /** Exit 2 and one line {@code logonrights: FILE: [POSITION: ]MESSAGE}, nothing else. */
    static String assertRefused(CliResult r, String file, String position, String message) {
        assertEquals(ExitCode.INVALID_INPUT.code(), r.exitCode(), r::toString);
        assertEquals(1, r.stderrLines().size(), () -> "not exactly one line on stderr: " + r);
        String line = r.stderrLines().get(0);
        String prefix = "logonrights: " + file + ": ";
        assertTrue(line.startsWith(prefix), () -> "the line does not start with '" + prefix + "': " + line);
        String rest = line.substring(prefix.length());
        if (position != null) {
            assertTrue(Pattern.compile("^(" + position + "): .+").matcher(rest).matches(),
                    () -> "no position /" + position + "/ in: " + line);
        }
        assertTrue(rest.contains(message), () -> "'" + message + "' is not in: " + line);
        assertFalse(r.stderr().contains(TRACE), r::toString);
        assertFalse(EXCEPTION_NAME.matcher(r.stderr()).find(), () -> "an exception class is named: " + r);
        assertEquals("", r.stdout(), "a refused input printed a report");
        return line;
    }

    // ---- tests ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInputs")
    void refusedWithOneLine(Refused c) throws Exception {
        List<String> args = args(c.input());
        args.addAll(c.extraArgs());

        CliResult r = Cli.run(args);

        assertRefused(r, dir.resolve(c.input().fileName()).toString(), c.position(), c.message());
        assertFalse(r.stderr().contains("FETCHED-FROM-NETWORK"), r::toString);
    }

    /** With --debug the same first line comes, then the stack trace that was hidden. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"external file entity", "truncated UTF-16 (odd byte count)", "duplicate pool names",
        "truncated memberships JSON"})
    void debugAddsTheStackTrace(String name) throws Exception {
        Refused c = refusedInputs().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<String> args = args(c.input());
        String plain = assertRefused(Cli.run(args), dir.resolve(c.input().fileName()).toString(),
                c.position(), c.message());
        args.add("--debug");

        CliResult r = Cli.run(args);

        assertEquals(ExitCode.INVALID_INPUT.code(), r.exitCode(), r::toString);
        assertEquals(plain, r.stderrLines().get(0));
        assertTrue(r.stderr().contains(TRACE), r::toString);
    }

    @Test
    void directoryInsteadOfAFile() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("a-directory.inf"));

        assertRefused(Cli.run(args("--secedit", sub)), sub.toString(), null, "is a directory, not a file");
    }

    @Test
    void fileThatDoesNotExist() throws Exception {
        Path missing = dir.resolve("missing/applicationHost.config");

        assertRefused(Cli.run(args("--applicationhost", missing)), missing.toString(), null, "no such file");
    }

    @Test
    void fileWithoutReadPermission() throws Exception {
        Path file = Files.write(dir.resolve("unreadable.inf"), sample("secedit.inf"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        Assumptions.assumeFalse(Files.isReadable(file),
                "skipped: this user reads files without read permission (root); see HostileInputIT");

        assertRefused(Cli.run(args("--secedit", file)), file.toString(), null, "permission denied");
    }

    @Test
    void nonPositiveMaxInputSizeIsAUsageError() throws Exception {
        List<String> args = args("--secedit", Samples.dir(Samples.DEFAULT_IIS).resolve("secedit.inf"));
        args.addAll(List.of("--max-input-size", "0"));

        CliResult r = Cli.run(args);

        assertEquals(ExitCode.INVALID_INPUT.code(), r.exitCode(), r::toString);
        assertEquals(List.of("logonrights: --max-input-size must be a positive number of bytes, not 0"), r.stderrLines());
    }

    // ---- odd but readable inputs: a report, nothing on stderr -------------------------------------

    static Stream<Input> readableInputs() throws IOException {
        String iisExpress = Files.readString(Samples.project().resolve("src/test/resources/fixtures/applicationhost/iis-express-visual-studio.config"));
        return Stream.of(
                new Input("--secedit", "utf16-without-bom.inf", utf16le(seceditText(), false)),
                new Input("--secedit", "utf8-with-bom.inf", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        utf8(seceditText()))),
                new Input("--secedit", "unknown-right.inf", utf16le(seceditWith("SeFrobnicateLogonRight = *S-1-5-32-544"), true)),
                new Input("--applicationhost", "iis-express.config", utf8(iisExpress)),
                new Input("--secedit", "twenty-mb-of-sids.inf", twentyMbOfSids()));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A valid secedit export whose SeBatchLogonRight line lists 20 MB of SIDs (UTF-16LE, as secedit writes). */
    static byte[] twentyMbOfSids() throws IOException {
        StringBuilder line = new StringBuilder("SeBatchLogonRight = *S-1-5-32-544");
        for (int i = 0; line.length() * 2 < 20 * MB; i++) {
            line.append(",*S-1-5-21-1004336348-1177238915-682003330-").append(100_000 + i);
        }
        return utf16le(seceditWith(line.toString()), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableInputs")
    void readableWithAReport(Input input) throws Exception {
        CliResult r = Cli.run(args(input));

        assertTrue(List.of(0, 1, 4).contains(r.exitCode()), r::toString);
        assertEquals("", r.stderr());
        assertTrue(r.stdout().contains("application pool"), r.stdout());
    }
}
