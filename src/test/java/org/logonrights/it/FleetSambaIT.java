package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;

/**
 * One {@code audit --remote} over five hosts through the built jar: two Samba AD DCs, on 127.0.0.2 and
 * 127.0.0.3 (two domains PROBE with their own SIDs, each DC in a mount namespace of its own, see
 * {@link SambaDc}; their Kerberos phases run side by side), 127.0.0.4 where nothing listens, and 127.0.0.5 and
 * 127.0.0.6 where a socket accepts the connection and never answers. Both DCs must come back
 * AUDITED with exactly the report a single-host audit gives, the three others ERROR with their
 * reasons, exit 1, and the silent hosts waited for at once: the run takes well under the sum of
 * the single-host runs.
 */
class FleetSambaIT {

    private static final String DC_A = "127.0.0.2";
    /**
     * The second DC. Where no private /run/samba can be had (no mount namespace allowed), the first DC
     * under its UNC spelling stands in, and the test says so.
     */
    private static final String DC_B = SambaDc.privateRunSupported() ? "127.0.0.3" : "\\\\127.0.0.2";
    private static final String REFUSED = "127.0.0.4";
    private static final String SILENT_A = "127.0.0.5";
    private static final String SILENT_B = "127.0.0.6";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("PW", SambaDc.ADMIN_PASSWORD);
    private static SambaDc dcA;
    private static SambaDc dcB;
    private static final List<ServerSocket> SILENT = new ArrayList<>();
    private static final List<Socket> ACCEPTED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startHosts() throws Exception {
        SambaDc.assumeAvailable();
        long start = System.nanoTime();
        CompletableFuture<SambaDc> a = CompletableFuture.supplyAsync(() -> start(DC_A));
        CompletableFuture<SambaDc> b = DC_B.startsWith("\\\\") ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> start(DC_B));
        dcA = a.join();
        dcB = b.join();
        if (dcB == null) {
            System.out.println("no mount namespace for a second DC here: the first DC, named " + DC_B + ", stands in for it");
        }
        System.out.printf("the Samba AD DC provisioned, started and seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        for (String address : List.of(SILENT_A, SILENT_B)) {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(address), 445));
            SILENT.add(server);
            Thread t = new Thread(() -> acceptForever(server), "silent-" + address);
            t.setDaemon(true);
            t.start();
        }
    }

    private static SambaDc start(String address) {
        try {
            return SambaDc.start(address);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Accepts every connection and reads nothing: the peer waits for an SMB answer that never comes. */
    private static void acceptForever(ServerSocket server) {
        try {
            while (!server.isClosed()) {
                ACCEPTED.add(server.accept());
            }
        } catch (IOException e) {
            // closed by stopHosts
        }
    }

    @AfterAll
    static void stopHosts() throws Exception {
        for (ServerSocket s : SILENT) {
            s.close();
        }
        for (Socket s : ACCEPTED) {
            s.close();
        }
        if (dcA != null) {
            dcA.close();
        }
        if (dcB != null) {
            dcB.close();
        }
    }

    private static CliResult audit(String... hosts) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit"));
        for (String h : hosts) {
            args.add("--remote");
            args.add(h);
        }
        args.addAll(List.of("--user", SambaDc.ADMIN, "--password-env", "PW", "--format", "json"));
        return JarRunner.runWithEnv(ENV, args.toArray(String[]::new));
    }

    private record Timed(CliResult result, double seconds) {
    }

    private static Timed timed(String... hosts) throws Exception {
        long start = System.nanoTime();
        CliResult r = audit(hosts);
        return new Timed(r, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void fiveHostsInOneRunEachAsAuditedAloneAndTheSilentOnesWaitedForAtOnce() throws Exception {
        Path hostFile = Files.writeString(dcA.dir.resolve("hosts.txt"), "# the web tier\n" + REFUSED + "\n\n" + SILENT_A
                + "   # accepts, never answers\n" + SILENT_B + "\n", StandardCharsets.UTF_8);
        Timed fleet = timed(DC_A, DC_B, "@" + hostFile);
        CliResult r = fleet.result();
        assertEquals(1, r.exitCode(), "WebPool and ServicePool will fail on both DCs: " + r.stderr());
        assertEquals("", r.stderr(), "no progress line when standard error is not a terminal");
        assertFalse(r.stdout().contains(SambaDc.ADMIN_PASSWORD) || r.stderr().contains(SambaDc.ADMIN_PASSWORD));

        JsonNode json = JSON.readTree(r.stdout());
        assertEquals("fleet", json.get("kind").asText());
        JsonNode hosts = json.get("hosts");
        List<String> names = new ArrayList<>();
        hosts.forEach(h -> names.add(h.get("host").asText()));
        assertEquals(List.of(DC_A, DC_B, REFUSED, SILENT_A, SILENT_B), names, "in the order given, the file's in its order");

        Timed aloneA = timed(DC_A);
        Timed aloneB = timed(DC_B);
        for (Timed alone : List.of(aloneA, aloneB)) {
            assertEquals(1, alone.result().exitCode(), alone.result().stderr());
        }
        assertEquals(JSON.readTree(aloneA.result().stdout()), hosts.get(0).get("report"), "DC A as audited alone");
        assertEquals(JSON.readTree(aloneB.result().stdout()), hosts.get(1).get("report"), "DC B as audited alone");
        for (int i = 0; i < 2; i++) {
            assertEquals("AUDITED", hosts.get(i).get("status").asText());
            assertEquals(1, hosts.get(i).get("exitCode").asInt());
            assertEquals("WILL_FAIL", verdict(hosts.get(i), "WebPool"));
            assertEquals("WILL_START", verdict(hosts.get(i), "BatchPool"));
        }
        assertTrue(hosts.get(0).get("report").toString().contains("\\\\\\\\" + DC_A), "DC A's evidence names DC A");
        if (dcB != null) {
            assertTrue(hosts.get(1).get("report").toString().contains("\\\\\\\\" + DC_B), "DC B's evidence names DC B");
            assertNotEquals(dcA.sids.get("svc_web"), dcB.sids.get("svc_web"), "two domains, not one DC named twice");
            assertTrue(hosts.get(1).get("report").toString().contains(dcB.sids.get("svc_web").toString()),
                    "DC B's report holds DC B's own accounts");
        }

        JsonNode refused = hosts.get(2);
        assertEquals("ERROR", refused.get("status").asText());
        assertEquals(3, refused.get("exitCode").asInt());
        assertTrue(refused.get("error").asText().startsWith("cannot connect to " + REFUSED + " port 445: connection refused"),
                refused.get("error").asText());
        for (JsonNode silent : List.of(hosts.get(3), hosts.get(4))) {
            assertEquals("ERROR", silent.get("status").asText());
            assertEquals(3, silent.get("exitCode").asInt());
            assertTrue(silent.get("error").asText().contains("no answer from " + silent.get("host").asText() + " within 10 s"),
                    silent.get("error").asText());
            assertTrue(silent.get("report").isNull());
        }
        JsonNode summary = json.get("summary");
        assertEquals(List.of(5, 2, 3), List.of(summary.get("hosts").asInt(), summary.get("audited").asInt(),
                summary.get("failed").asInt()));

        Timed aloneRefused = timed(REFUSED);
        Timed aloneSilentA = timed(SILENT_A);
        Timed aloneSilentB = timed(SILENT_B);
        for (Timed t : List.of(aloneRefused, aloneSilentA, aloneSilentB)) {
            assertEquals(3, t.result().exitCode(), t.result().stderr());
        }
        double oneAfterAnother = aloneA.seconds() + aloneB.seconds() + aloneRefused.seconds() + aloneSilentA.seconds()
                + aloneSilentB.seconds();
        System.out.printf("fleet of five hosts: %.1f s; the same hosts one after another: %.1f s "
                        + "(DCs %.1f s and %.1f s, refused %.1f s, silent %.1f s and %.1f s)%n", fleet.seconds(), oneAfterAnother,
                aloneA.seconds(), aloneB.seconds(), aloneRefused.seconds(), aloneSilentA.seconds(), aloneSilentB.seconds());
        // The two silent hosts cost one timeout together, not one each: the fleet saves at least one of them.
        assertTrue(fleet.seconds() < oneAfterAnother - 0.8 * aloneSilentB.seconds(), "fleet " + fleet.seconds()
                + " s against " + oneAfterAnother + " s one after another");
        assertTrue(fleet.seconds() < aloneSilentA.seconds() + aloneA.seconds() + aloneB.seconds(),
                "the silent hosts were waited for alongside the DCs");
    }

    @Test
    void parallelOneReadsTheHostsInTurnAndStillReportsEveryOne() throws Exception {
        CliResult r = JarRunner.runWithEnv(ENV, "audit", "--remote", DC_A, "--remote", REFUSED, "--remote", DC_B,
                "--user", SambaDc.ADMIN, "--password-env", "PW", "--parallel", "1");
        assertEquals(1, r.exitCode(), r.stderr());
        String text = r.stdout();
        assertTrue(text.startsWith("3 hosts (2 audited, 1 not read), 10 pools: "), text);
        assertTrue(text.contains("\n" + DC_A + ":\n  ServicePool  WILL_FAIL"), text);
        assertTrue(text.contains("\n" + DC_B + ":\n  ServicePool  WILL_FAIL"), text);
        assertTrue(text.contains("\n" + REFUSED + ": not read (exit 3): cannot connect to " + REFUSED), text);
    }

    /**
     * samples/ansible/audit-from-controller.yml for real: Ansible's forks read both DCs from the
     * controller into per-host snapshots with 'logonrights collect --remote', the password only in the
     * environment, and the playbook ends with the roll-up over the snapshot folder.
     */
    @Test
    void theAnsibleControllerPlaybookCollectsEachDcAndRollsThemUp() throws Exception {
        Ansible.assumeAvailable();
        Path work = Files.createDirectories(dcA.dir.resolve("ansible"));
        Path playbook = work.resolve("audit-from-controller.yml");
        Files.copy(Path.of("samples", "ansible", "audit-from-controller.yml"), playbook);
        Path inventory = Files.writeString(work.resolve("inventory.yml"), "all:\n  children:\n    iis_servers:\n      hosts:\n"
                + "        dc-a:\n          ansible_host: " + DC_A + "\n        dc-b:\n          ansible_host: " + DC_A + "\n"
                + "      vars:\n        logonrights_user: 'PROBE\\Administrator'\n", StandardCharsets.UTF_8);
        Path launcher = work.resolve("logonrights");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + JarRunner.java() + "' -jar '" + JarRunner.jar().toAbsolutePath()
                + "' \"$@\"\n", StandardCharsets.US_ASCII);
        launcher.toFile().setExecutable(true);
        CliResult r = Ansible.run(work, Map.of("LOGONRIGHTS_PASSWORD", SambaDc.ADMIN_PASSWORD), List.of("-i",
                inventory.toString(), playbook.toString(), "--forks", "2", "-e", "logonrights_cmd=" + launcher,
                "-e", "{\"logonrights_accept\": [1]}"));
        assertEquals(0, r.exitCode(), "the roll-up exits 1 (WebPool will fail), which the run accepts:\n" + r.stdout());
        assertFalse(r.stdout().contains(SambaDc.ADMIN_PASSWORD), "the password appears nowhere in Ansible's output");
        assertTrue(r.stdout().contains("2 hosts (2 audited, 0 not read), 10 pools: 6 will start, 4 will fail"), r.stdout());
        Path snapshots = work.resolve("snapshots");
        assertTrue(Files.isRegularFile(snapshots.resolve("dc-a.json")) && Files.isRegularFile(snapshots.resolve("dc-b.json")));
        for (Path snapshot : List.of(snapshots.resolve("dc-a.json"), snapshots.resolve("dc-b.json"))) {
            assertFalse(Files.readString(snapshot).contains(SambaDc.ADMIN_PASSWORD), snapshot.toString());
        }
        CliResult rollup = JarRunner.run("audit", "--snapshot", snapshots.toString(), "--format", "json");
        JsonNode hosts = JSON.readTree(rollup.stdout()).get("hosts");
        JsonNode direct = JSON.readTree(audit(DC_A).stdout());
        assertEquals(verdicts(direct), verdicts(hosts.get(0).get("report")), "the snapshot's verdicts are the remote audit's");
    }

    private static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> out = new java.util.TreeMap<>();
        report.get("pools").forEach(p -> out.put(p.get("name").asText(), p.get("verdict").asText()));
        return out;
    }

    private static String verdict(JsonNode host, String pool) {
        for (JsonNode p : host.get("report").get("pools")) {
            if (p.get("name").asText().equals(pool)) {
                return p.get("verdict").asText();
            }
        }
        return null;
    }
}
