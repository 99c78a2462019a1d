package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads real .evtx files: the ones committed under {@code src/test/resources/evtx} (licences in its
 * README) and the rest of the corpus in {@code ../shared/realworld/evtx} when it is there. Every file
 * must be read, and every record kept must equal what Debian's independent reader {@code evtxexport}
 * (libevtx-utils) prints for it: provider, event id, time, channel, computer and every EventData
 * field; and, for the small files, the records python-evtx (python3-evtx) renders. Without these
 * readers the comparison is skipped visibly, except under CI, which installs them.
 */
class EvtxRealWorldTest {

    private static final Path COMMITTED = Path.of("src/test/resources/evtx");

    @TestFactory
    Stream<DynamicTest> everyRecordKeptEqualsEvtxexport() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> compare(file)));
        }
        return tests.stream();
    }

    /** python-evtx is slow (minutes for the 2 MB logs on a busy machine): the small files only. */
    private static final long PYTHON_EVTX_MAX_BYTES = 256 * 1024;

    @TestFactory
    Stream<DynamicTest> everyRecordKeptIsOneThatPythonEvtxReadsAlike() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : corpus()) {
            if (Files.size(file) <= PYTHON_EVTX_MAX_BYTES) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> compareWithPythonEvtx(file)));
            }
        }
        return tests.stream();
    }

    /** Record id, provider and event id of every record python-evtx renders, against ours. */
    private static void compareWithPythonEvtx(Path file) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean installed = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import Evtx.Evtx")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        if (!installed) {
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail("python3-evtx (Debian package) is not installed; CI installs it (.ci/run)");
            }
            Assumptions.abort("python3-evtx (Debian package python3-evtx) is not installed: not compared");
        }
        Process p = new ProcessBuilder(python.toString(), COMMITTED.resolve("python-evtx-records.py").toString(),
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python-evtx did not finish on " + file);
        }
        Map<Long, String> theirs = new LinkedHashMap<>();
        int failed = 0;
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3 && !f[0].equals("FAILED")) {
                theirs.put(Long.parseLong(f[0].strip()), f[1] + " " + f[2].strip());
            } else if (f[0].equals("FAILED")) {
                failed++;
            }
        }
        EvtxLog log = EvtxReader.read(Files.readAllBytes(file), file.toString());
        int compared = 0;
        for (EvtxLog.Record r : log.records()) {
            EventElement system = r.event().child("System").orElseThrow();
            String mine = system.child("Provider").map(x -> x.attribute("Name")).orElse("") + " "
                    + system.childText("EventID");
            String other = theirs.get(recordId(r.event()));
            if (other != null) {
                assertEquals(other, mine, file + ": record " + recordId(r.event()));
                compared++;
            } else {
                assertTrue(failed > 0, file + ": record " + recordId(r.event()) + " is not in python-evtx's output");
            }
        }
        for (Long id : theirs.keySet()) {
            assertTrue(log.records().stream().anyMatch(r -> recordId(r.event()) == id) || inSkippedChunk(log, id),
                    file + ": python-evtx has record " + id + ", which was neither read nor reported skipped");
        }
        System.out.printf("%s: %d records read, %d compared with python-evtx (%d it could not render)%n",
                file.getFileName(), log.records().size(), compared, failed);
    }

    @Test
    void truncatedFileKeepsItsWholeChunksAndSaysItIsCut() throws Exception {
        EvtxLog log = read("struct_truncated_plaso.evtx");
        assertEquals(194, log.records().size());
        assertEquals(1, log.skipped().size());
        assertTrue(log.skipped().get(0).reason().contains("truncated"), log.skipped().toString());
    }

    @Test
    void clearedLogReportsNoRecordsThoughItsSlackHoldsOldOnes() throws Exception {
        EvtxLog log = read("struct_cleared_slack_museum.evtx");
        assertEquals(0, log.records().size());
        assertEquals(List.of(), log.skipped());
    }

    @Test
    void fileWithoutChecksumsIsReadAndSaysSo() throws Exception {
        EvtxLog log = read("struct_no_crc32_evtxrs.evtx");
        assertEquals(17, log.records().size());
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains("without verification")), log.warnings().toString());
    }

    @Test
    void recordsThatBothDebianReadersRejectAreRead() throws Exception {
        // NullType substitutions of non-zero size (EricZimmerman/Issues#187): Event Viewer reads them.
        EvtxLog log = read("struct_libevtx_fail_mdecrevoisier.evtx");
        assertEquals(6, log.records().size());
        assertEquals(List.of(), log.skipped());
        assertEquals("Microsoft-Windows-Windows Defender",
                log.records().get(0).event().child("System").orElseThrow().child("Provider").orElseThrow()
                        .attribute("Name"));
    }

    @Test
    void failedLogonFieldsAreReadByName() throws Exception {
        EvtxLog log = read("sec_4625_lt10_restriction_mdecrevoisier.evtx");
        EventElement event = log.records().get(0).event();
        assertEquals("4625", event.child("System").orElseThrow().childText("EventID"));
        Map<String, String> data = data(event);
        assertEquals("10", data.get("LogonType"));
        assertEquals("0xc000006e", data.get("Status"));
        assertEquals("S-1-0-0", data.get("TargetUserSid"));
    }

    private static EvtxLog read(String name) throws Exception {
        Path file = COMMITTED.resolve(name);
        return EvtxReader.read(Files.readAllBytes(file), file.toString());
    }

    private static List<Path> corpus() throws IOException {
        Map<String, Path> files = new TreeMap<>();
        Path shared = sharedCorpus();
        if (Files.isDirectory(shared)) {
            try (Stream<Path> s = Files.list(shared)) {
                s.filter(p -> p.toString().endsWith(".evtx")).forEach(p -> files.put(p.getFileName().toString(), p));
            }
        }
        // The sample's logs are written here in the real schema: the independent reader must agree on them too.
        for (Path folder : List.of(COMMITTED, Path.of("samples/server-fault/events"))) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.toString().endsWith(".evtx")).forEach(p -> files.put(p.getFileName().toString(), p));
            }
        }
        return List.copyOf(files.values());
    }

    private static Path sharedCorpus() {
        String property = System.getProperty("logonrights.realworld");
        if (property != null && !property.isBlank()) {
            return Path.of(property).resolve("evtx");
        }
        return Path.of("").toAbsolutePath().getParent().resolve("shared/realworld/evtx");
    }

    private static void compare(Path file) throws Exception {
        EvtxLog log = EvtxReader.read(Files.readAllBytes(file), file.toString());
        Exported reference = evtxexport(file);
        Map<Long, Map<String, String>> ours = new LinkedHashMap<>();
        for (EvtxLog.Record r : log.records()) {
            ours.put(recordId(r.event()), fields(r.event()));
        }
        int compared = 0;
        for (Map.Entry<Long, Map<String, String>> theirs : reference.records.entrySet()) {
            Map<String, String> mine = ours.get(theirs.getKey());
            if (mine == null) {
                assertTrue(inSkippedChunk(log, theirs.getKey()), file + ": evtxexport has record " + theirs.getKey()
                        + ", which was neither read nor reported skipped");
                continue;
            }
            assertEquals(theirs.getValue(), mine, file + ": record " + theirs.getKey());
            compared++;
        }
        if (reference.complete) {
            for (Long id : ours.keySet()) {
                assertTrue(reference.records.containsKey(id), file + ": record " + id + " is not in evtxexport's output");
            }
        }
        System.out.printf("%s: %d records read, %d compared with evtxexport (%s), %d skipped%n", file.getFileName(),
                log.records().size(), compared, reference.complete ? "complete" : "it stopped early",
                log.skipped().size());
    }

    private static boolean inSkippedChunk(EvtxLog log, long id) {
        return log.skipped().stream().anyMatch(s -> s.firstRecordId() <= id && id <= s.lastRecordId()
                && s.firstRecordId() >= 0);
    }

    private record Exported(Map<Long, Map<String, String>> records, boolean complete) {
    }

    private static Exported evtxexport(Path file) throws Exception {
        String tool = findOnPath("evtxexport");
        if (tool == null) {
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail("evtxexport (Debian package libevtx-utils) is not installed; CI installs it (.ci/run)");
            }
            Assumptions.abort("evtxexport (Debian package libevtx-utils) is not installed: not compared");
        }
        Path out = Files.createTempFile("evtxexport", ".xml");
        try {
            Process p = new ProcessBuilder(tool, "-f", "xml", file.toString()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("evtxexport did not finish on " + file);
            }
            String xml = Files.readString(out, StandardCharsets.UTF_8);
            int firstEvent = xml.indexOf("<Event");
            int lastEnd = xml.lastIndexOf("</Event>");
            String events = firstEvent < 0 || lastEnd < 0 ? "" : xml.substring(firstEvent, lastEnd + "</Event>".length());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // evtxexport prints control characters of the values raw; XML 1.1 takes them as references.
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(("<?xml version=\"1.1\"?><Events>"
                    + escapeControls(events) + "</Events>").getBytes(StandardCharsets.UTF_8)));
            Map<Long, Map<String, String>> records = new LinkedHashMap<>();
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    EventElement event = EventXml.element(e);
                    records.put(recordId(event), fields(event));
                }
            }
            return new Exported(records, p.exitValue() == 0);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("0x[0-9a-fA-F]+");

    /**
     * A value as compared: readers print the same FILETIME with 7 or 9 digits and a size_t in hex or
     * decimal, and libevtx prints a value of white space only as empty: times compare as instants, hex
     * numbers as their decimal value, and values without surrounding white space.
     */
    private static String comparable(String raw) {
        String value = raw.strip();
        if (TIME.matcher(value).matches()) {
            return Instant.parse(value).toString();
        }
        if (HEX.matcher(value).matches()) {
            return new java.math.BigInteger(value.substring(2), 16).toString();
        }
        return value;
    }

    private static String escapeControls(String xml) {
        StringBuilder b = new StringBuilder(xml.length());
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                b.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static long recordId(EventElement event) {
        return Long.parseLong(event.child("System").orElseThrow().childText("EventRecordID").strip());
    }

    /** The fields logonrights keeps from an event, as text; times as instants (readers print 7 or 9 digits). */
    private static Map<String, String> fields(EventElement event) {
        Map<String, String> f = new TreeMap<>();
        EventElement system = event.child("System").orElseThrow();
        f.put("provider", system.child("Provider").map(p -> p.attribute("Name")).orElse(""));
        f.put("eventId", system.childText("EventID"));
        f.put("qualifiers", system.child("EventID").map(p -> p.attribute("Qualifiers")).orElse(""));
        String time = system.child("TimeCreated").map(t -> t.attribute("SystemTime")).orElse("");
        f.put("time", time.isEmpty() ? "" : Instant.parse(time).toString());
        f.put("channel", system.childText("Channel"));
        f.put("computer", system.childText("Computer"));
        for (Map.Entry<String, String> d : data(event).entrySet()) {
            f.put("data:" + d.getKey(), comparable(d.getValue()));
        }
        return f;
    }

    private static Map<String, String> data(EventElement event) {
        Map<String, String> data = new LinkedHashMap<>();
        event.child("EventData").ifPresent(d -> {
            int i = 0;
            for (EventElement c : d.children()) {
                String key = c.name().equals("Data") && !c.attribute("Name").isEmpty() ? c.attribute("Name")
                        : c.name() + "#" + i;
                // An XML parser turns CR LF into LF (XML 1.0 §2.11): compare values the same way.
                data.put(key, c.text().replace("\r\n", "\n").replace('\r', '\n'));
                i++;
            }
        });
        return data;
    }
}
