package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The roll-up of several snapshots through the command line: each host's entry is exactly the report
 * of that snapshot audited alone, every format is valid (JSON and SARIF against their schemas, JUnit
 * parsed), and the exit code follows the fleet order (1 findings, then 3 unread hosts, then 4, then 0).
 */
class FleetReportTest {

    @TempDir
    static Path tmp;
    private static Path fleet;
    private static Path clean;
    private static Path unknown;

    /** Snapshots of the bundled samples, collected as an admin would, plus one broken file. */
    @BeforeAll
    static void collect() throws Exception {
        fleet = Files.createDirectories(tmp.resolve("fleet"));
        clean = Files.createDirectories(tmp.resolve("clean"));
        unknown = Files.createDirectories(tmp.resolve("unknown"));
        collect(Samples.serverFault(), fleet.resolve("a-web01.json"));
        collect(Samples.defaultIis(), fleet.resolve("b-web02.json"));
        collect(Samples.gpoRefresh(), fleet.resolve("c-web03.json"));
        Files.writeString(fleet.resolve("d-broken.json"), "{\"schemaVersion\": ", StandardCharsets.UTF_8);
        Files.writeString(fleet.resolve("notes.txt"), "not a snapshot", StandardCharsets.UTF_8);
        collect(Samples.defaultIis(), clean.resolve("one.json"));
        collect(Samples.defaultIis(), clean.resolve("two.json"));
        List<String> noMemberships = new ArrayList<>(List.of("--secedit", Samples.SERVER_FAULT + "secedit.inf",
                "--applicationhost", Samples.SERVER_FAULT + "applicationHost.config"));
        collect(noMemberships, unknown.resolve("undecided.json"));
        collect(Samples.defaultIis(), unknown.resolve("starts.json"));
    }

    private static void collect(List<String> inputs, Path out) {
        CliResult r = Cli.run(Samples.command(inputs, "collect", "--output", out.toString()));
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static List<Path> snapshots() {
        return List.of(fleet.resolve("a-web01.json"), fleet.resolve("b-web02.json"), fleet.resolve("c-web03.json"));
    }

    @Test
    void eachHostIsTheReportOfItsSnapshotAuditedAlone() throws Exception {
        CliResult r = Cli.run("audit", "--snapshot", fleet.toString(), "--format", "json");
        assertEquals(1, r.exitCode(), "server-fault's OrdersApi will fail: " + r.stderr());
        assertEquals("", r.stderr(), "no progress line off a terminal");
        JsonNode json = Schemas.parse(r.stdout());
        Schemas.assertValid(Schemas.fleet(), json, "fleet report");
        assertEquals("fleet", json.get("kind").asText());
        JsonNode hosts = json.get("hosts");
        assertEquals(4, hosts.size(), "every *.json in the folder, and nothing else");
        assertEquals(List.of("WG-WEB-01", "b-web02.json", "c-web03.json", "d-broken.json"),
                hostNames(hosts), "sorted by file name; a snapshot that names its machine is called by it");
        int pools = 0;
        for (int i = 0; i < 3; i++) {
            CliResult alone = Cli.run("audit", "--snapshot", snapshots().get(i).toString(), "--format", "json");
            JsonNode single = Schemas.parse(alone.stdout());
            assertEquals("host", single.get("kind").asText());
            assertEquals(single, hosts.get(i).get("report"), "host " + i);
            assertEquals(alone.exitCode(), hosts.get(i).get("exitCode").asInt());
            assertEquals("AUDITED", hosts.get(i).get("status").asText());
            assertTrue(hosts.get(i).get("error").isNull());
            pools += single.get("summary").get("pools").asInt();
        }
        JsonNode broken = hosts.get(3);
        assertEquals("ERROR", broken.get("status").asText());
        assertTrue(broken.get("report").isNull());
        assertEquals(2, broken.get("exitCode").asInt(), "what a run over it alone exits with");
        CliResult alone = Cli.run("audit", "--snapshot", fleet.resolve("d-broken.json").toString());
        assertEquals("logonrights: " + broken.get("error").asText(), alone.stderr().strip());
        JsonNode summary = json.get("summary");
        assertEquals(List.of(4, 3, 1, pools), List.of(summary.get("hosts").asInt(), summary.get("audited").asInt(),
                summary.get("failed").asInt(), summary.get("pools").asInt()));
        assertEquals(1, summary.get("WILL_FAIL").asInt());
    }

    @Test
    void theFleetSchemaRejectsAnAuditedHostWithoutItsReport() {
        ObjectNode json = (ObjectNode) Schemas.parse(Cli.run("audit", "--snapshot", fleet.toString(), "-f", "json").stdout());
        ((ObjectNode) json.at("/hosts/0")).putNull("report");
        assertFalse(Schemas.fleet().validate(json).isEmpty());
        ObjectNode other = (ObjectNode) Schemas.parse(Cli.run("audit", "--snapshot", fleet.toString(), "-f", "json").stdout());
        ((ObjectNode) other.at("/hosts/1/report")).remove("kind");
        assertFalse(Schemas.fleet().validate(other).isEmpty(), "each host's report is checked against report.schema.json");
    }

    @Test
    void sarifHasOneRunPerHostEachTheRunOfItsSnapshotAlone() throws Exception {
        CliResult r = Cli.run("audit", "--snapshot", fleet.toString(), "--format", "sarif");
        JsonNode sarif = Schemas.parse(r.stdout());
        Schemas.assertValid(Schemas.sarif(), sarif, "fleet SARIF");
        JsonNode runs = sarif.get("runs");
        assertEquals(4, runs.size());
        for (int i = 0; i < 3; i++) {
            ObjectNode run = (ObjectNode) runs.get(i).deepCopy();
            assertTrue(run.remove("automationDetails").get("id").asText().startsWith("logonrights/"));
            JsonNode single = Schemas.parse(Cli.run("audit", "--snapshot", snapshots().get(i).toString(), "-f", "sarif").stdout());
            assertEquals(single.get("runs").get(0), run);
        }
        assertEquals("logonrights/WG-WEB-01/", runs.get(0).at("/automationDetails/id").asText());
        JsonNode failed = runs.get(3);
        assertEquals(0, failed.get("results").size());
        assertFalse(failed.at("/invocations/0/executionSuccessful").asBoolean(true));
        assertTrue(failed.at("/invocations/0/toolExecutionNotifications/0/message/text").asText().contains("malformed JSON"));
    }

    @Test
    void junitHasOneSuitePerHostAndTheUnreadHostAsOneErroredCase() throws Exception {
        CliResult r = Cli.run("audit", "--snapshot", fleet.toString(), "--format", "junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.stdout().getBytes(StandardCharsets.UTF_8)));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(4, suites.getLength());
        Element root = doc.getDocumentElement();
        int tests = 0;
        int failures = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failures += Integer.parseInt(suite.getAttribute("failures"));
            assertEquals(suite.getAttribute("tests"), String.valueOf(suite.getElementsByTagName("testcase").getLength()));
        }
        assertEquals(String.valueOf(tests), root.getAttribute("tests"));
        assertEquals(String.valueOf(failures), root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        Element broken = (Element) suites.item(3);
        assertEquals("d-broken.json", broken.getAttribute("name"));
        assertEquals(1, broken.getElementsByTagName("error").getLength());
        assertTrue(((Element) broken.getElementsByTagName("error").item(0)).getAttribute("message").contains("malformed JSON"));
        assertEquals("WG-WEB-01", ((Element) suites.item(0)).getAttribute("name"));
    }

    @Test
    void textTellsAtAGlanceWhichHostsHaveWhichFailingPools() {
        CliResult r = Cli.run("audit", "--snapshot", fleet.toString());
        String text = r.stdout();
        assertTrue(text.startsWith("4 hosts (3 audited, 1 not read), 13 pools: 9 will start, 1 will fail, 3 at risk, 0 unknown\n"),
                text);
        assertTrue(text.contains("\nHOST           STATUS   POOLS  WILL_START  WILL_FAIL  AT_RISK  UNKNOWN\n"
                + "WG-WEB-01      AUDITED  5      4           1          0        0\n"
                + "b-web02.json   AUDITED  3      3           0          0        0\n"
                + "c-web03.json   AUDITED  5      2           0          3        0\n"), text);
        assertTrue(text.contains("d-broken.json  ERROR    -      -           -          -        -\n"), text);
        assertTrue(text.contains("\nWG-WEB-01:\n  OrdersApi  WILL_FAIL  WOODGROVE\\svc-orders needs"), text);
        assertTrue(text.contains("\nd-broken.json: not read (exit 2): "), text);
        assertTrue(text.contains("\nc-web03.json:\n  DefaultAppPool  AT_RISK  GPO 'WOODGROVE Web Tier - User Rights'"), text);
        assertFalse(text.contains("b-web02.json:"), "a host whose pools all start has no section");

        String md = Cli.run("audit", "--snapshot", fleet.toString(), "-f", "markdown").stdout();
        assertTrue(md.contains("| `WG-WEB-01` | AUDITED | 5 | 4 | **1** | 0 | 0 |"), md);
        assertTrue(md.contains("### WG-WEB-01\n\n- `OrdersApi`: **WILL_FAIL** (documented): "), md);
        assertTrue(md.contains("### d-broken.json\n\nNot read (exit 2): "), md);
    }

    @Test
    void exitCodesFollowTheFleetOrder() {
        assertEquals(1, Cli.run("audit", "--snapshot", fleet.toString()).exitCode(), "a failing pool beats an unread host");
        assertEquals(3, Cli.run("audit", "--snapshot", fleet.toString(), "--fail-on", "never").exitCode(),
                "an unread host, no verdict counting");
        assertEquals(0, Cli.run("audit", "--snapshot", clean.toString()).exitCode());
        assertEquals(4, Cli.run("audit", "--snapshot", unknown.toString(), "--fail-on", "fail").exitCode());
        assertEquals(1, Cli.run("audit", "--snapshot", unknown.toString(), "--fail-on", "unknown").exitCode());
        assertEquals(3, Cli.run("audit", "--snapshot", unknown.toString(), "--snapshot", fleet.resolve("d-broken.json").toString(),
                "--fail-on", "fail").exitCode(), "an unread host beats UNKNOWN");
        CliResult parallel = Cli.run("audit", "--snapshot", clean.toString(), "--parallel", "65");
        assertEquals(2, parallel.exitCode());
        assertEquals("logonrights: --parallel must be between 1 and 64, not 65", parallel.stderr().strip());
        assertEquals(2, Cli.run("audit", "--snapshot", clean.toString(), "--parallel", "0").exitCode());
        assertEquals(0, Cli.run("audit", "--snapshot", clean.toString(), "--parallel", "1").exitCode());
    }

    @Test
    void oneSnapshotKeepsTheSingleHostReportByteForByte() {
        Path one = clean.resolve("one.json");
        CliResult viaFile = Cli.run("audit", "--snapshot", one.toString(), "-f", "json");
        Path dir = tmp.resolve("only-one");
        try {
            Files.createDirectories(dir);
            Files.copy(one, dir.resolve("one.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(viaFile.stdout(), Cli.run("audit", "--snapshot", dir.toString(), "-f", "json").stdout());
        assertEquals("host", Schemas.parse(viaFile.stdout()).get("kind").asText());
    }

    @Test
    void usageErrorsAuditNothing() {
        CliResult pool = Cli.run("audit", "--snapshot", clean.toString(), "--pool", "NoSuchPool");
        assertEquals(2, pool.exitCode());
        assertEquals("", pool.stdout());
        assertTrue(pool.stderr().contains("no application pool named 'NoSuchPool' on any of the 2 hosts audited"), pool.stderr());
        CliResult rights = Cli.run("rights", "--snapshot", clean.resolve("one.json").toString(), "--snapshot",
                clean.resolve("two.json").toString());
        assertEquals(2, rights.exitCode());
        assertTrue(rights.stderr().contains("this command reads one host"), rights.stderr());
        CliResult empty = Cli.run("audit", "--snapshot", tmp.resolve("nothing-here").toString());
        assertEquals(2, empty.exitCode(), "a folder that does not exist is a missing file");
        CliResult events = Cli.run("audit", "--snapshot", clean.toString(), "--events", "x.evtx");
        assertEquals(2, events.exitCode());
        assertTrue(events.stderr().contains("--events are one server's logs"), events.stderr());
    }

    @Test
    void explainExplainsThePoolOnEachHostThatHasIt() {
        CliResult r = Cli.run("explain", "OrdersApi", "--snapshot", fleet.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        String text = r.stdout();
        assertTrue(text.startsWith("OrdersApi on 4 hosts: 2 have it, 1 does not, 1 not read\n"), text);
        assertTrue(text.contains("\n== WG-WEB-01\nOrdersApi: WILL_FAIL (confidence documented)\n"), text);
        assertTrue(text.contains("\n== c-web03.json\nOrdersApi: AT_RISK"), text);
        assertFalse(text.contains("== b-web02.json"), "default-iis has no OrdersApi");
        JsonNode json = Schemas.parse(Cli.run("explain", "ordersapi", "--snapshot", fleet.toString(), "-f", "json").stdout());
        Schemas.assertValid(Schemas.fleet(), json, "fleet explain");
        assertEquals(1, json.at("/hosts/0/report/pools").size());
        assertEquals(0, json.at("/hosts/1/report/pools").size());
        assertEquals(2, Cli.run("explain", "NoSuchPool", "--snapshot", fleet.toString()).exitCode());
    }

    @Test
    void aRedactedFleetExplainTakesTheRealNameAndNamesNobody() {
        CliResult r = Cli.run("explain", "OrdersApi", "--snapshot", fleet.toString(), "--redact");
        assertEquals(1, r.exitCode(), r.stderr());
        String text = r.stdout();
        assertTrue(text.startsWith("The pool asked for on 4 hosts: 2 have it, 1 does not, 1 not read\n"), text);
        for (String name : List.of("OrdersApi", "svc-orders", "WOODGROVE", "WG-WEB-01")) {
            assertFalse(text.contains(name), name + " survived redaction:\n" + text);
        }
        assertTrue(text.contains(": WILL_FAIL (confidence documented)\n"), "the verdict is the plain one: " + text);
        assertTrue(text.contains("\n== host-1\n") && !text.contains("-web0"), "hosts are named by their place: " + text);
    }

    @Test
    void streamedJsonIsTheWholeDocumentPrettyPrinted() throws Exception {
        FleetSummary summary = new FleetSummary("0.1.0-test");
        List<HostAudit> hosts = List.of(new HostAudit("web01", ReportScenarios.MIXED.report(), null, 1),
                new HostAudit("web02", null, "cannot connect to web02 port 445", 3),
                new HostAudit("web03", ReportScenarios.ALL_START.report(), null, 0));
        StringWriter parts = new StringWriter();
        JsonFleetRenderer renderer = new JsonFleetRenderer();
        for (int i = 0; i < hosts.size(); i++) {
            renderer.host(hosts.get(i), i, parts);
            summary.add(hosts.get(i));
        }
        StringWriter streamed = new StringWriter();
        renderer.head(summary, streamed);
        streamed.write(parts.toString());
        renderer.tail(summary, streamed);
        FleetJsonModel.Fleet head = FleetJsonModel.head(summary);
        StringWriter whole = new StringWriter();
        JsonRenderer.write(new FleetJsonModel.Fleet(head.schemaVersion(), head.kind(), head.tool(), head.summary(),
                hosts.stream().map(FleetJsonModel::host).toList()), whole);
        assertEquals(whole.toString(), streamed.toString());
        Schemas.assertValid(Schemas.fleet(), Schemas.parse(streamed.toString()), "streamed fleet");
        assertNull(Schemas.parse(streamed.toString()).at("/hosts/1/report").textValue());
    }

    private static List<String> hostNames(JsonNode hosts) {
        List<String> names = new ArrayList<>();
        hosts.forEach(h -> names.add(h.get("host").asText()));
        return names;
    }
}
