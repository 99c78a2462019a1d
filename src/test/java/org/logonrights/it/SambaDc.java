package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.logonrights.model.Sid;

/**
 * A throw-away Samba AD DC (domain PROBE) on 127.0.0.1, or on another loopback address so that
 * several run side by side (each with its own private, state, lock and pid directories), provisioned into a temporary directory by
 * the scripts in src/test/resources/remote (docs/remote-audit.md describes the set-up).
 * Samba is started here so that its PID is ours to stop; {@link #close()} stops it and every
 * child by PID and deletes the directory.
 */
final class SambaDc implements AutoCloseable {

    static final String ADMIN = "PROBE\\Administrator";
    static final String ADMIN_PASSWORD = "Probe#Pass1";
    static final String USER_PASSWORD = "Svc#Pass12345";
    static final String CONFIG_PATH = "Windows\\System32\\inetsrv\\config\\applicationHost.config";
    private static final List<String> TOOLS = List.of("/usr/sbin/samba", "/usr/bin/samba-tool", "/usr/bin/rpcclient",
            "/usr/bin/net", "/usr/bin/python3");
    /** The group-membership world's configuration, on C$ beside the five-pool one. */
    static final String GROUPS_CONFIG_PATH = "C$\\groups\\applicationHost.config";
    /** The DC's DNS name (its rootDSE dnsHostName), which Kerberos needs for the SPN ldap/probedc.probe.test. */
    static final String DC_NAME = "probedc.probe.test";
    private static final String[] RESOURCES = {"provision-dc.sh", "seed-rights.sh", "seed_rights.py", "impacket_lsa.py",
            "applicationHost.config", "groups-applicationHost.config", "independent_groups.py", "impacket_pipe.py",
            "gpo-history.sh", "impacket_gpo.py", "gpo-applicationHost.config"};

    /** The address of the existing ITs' DC. */
    static final String DEFAULT_ADDRESS = "127.0.0.1";

    final Path dir;
    final Path scripts;
    final Map<String, Sid> sids;
    final String address;
    private final Process samba;

    private SambaDc(String address, Path dir, Path scripts, Process samba, Map<String, Sid> sids) {
        this.address = address;
        this.dir = dir;
        this.scripts = scripts;
        this.samba = samba;
        this.sids = sids;
    }

    /**
     * Skips (with the reason) when not root or Samba is absent, unless CI is set: on CI a missing
     * precondition is a failure, so that the remote tests can never pass by not running.
     */
    static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("not running as root (Samba's AD DC must bind port 445 and own its private dir)");
        }
        for (String tool : TOOLS) {
            if (!Files.isExecutable(Path.of(tool))) {
                missing.add(tool + " is not installed");
            }
        }
        if (!missing.isEmpty()) {
            String reason = "Samba integration tests need: " + String.join("; ", missing)
                    + " (apt-get install samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules "
                    + "winbind smbclient python3-impacket, as .ci/run does)";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                fail("CI is set, so this is a failure, not a skip: " + reason);
            }
            Assumptions.abort(reason);
        }
    }

    static boolean impacketAvailable() {
        return Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/impacket"));
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Provisions, starts and seeds a DC on 127.0.0.1 in a new temporary directory. */
    static SambaDc start() throws IOException, InterruptedException {
        return start(DEFAULT_ADDRESS);
    }

    /** Provisions, starts and seeds a DC bound to {@code address} only, in a new temporary directory. */
    static SambaDc start(String address) throws IOException, InterruptedException {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(address, 445), 500);
            fail(address + ":445 is already in use (a Samba or smbd left running?): the test DC needs it");
        } catch (IOException expected) {
            // free, as it should be
        }
        Path dir = Files.createTempDirectory("logonrights-samba");
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        for (String name : RESOURCES) {
            try (InputStream in = SambaDc.class.getResourceAsStream("/remote/" + name)) {
                Files.copy(in, scripts.resolve(name));
            }
        }
        Path dc = dir.resolve("dc");
        Process samba = null;
        try {
            run(dir.resolve("provision.out"), 180, "bash", scripts.resolve("provision-dc.sh").toString(), dc.toString(),
                    scripts.resolve("applicationHost.config").toString(), ADMIN_PASSWORD, USER_PASSWORD,
                    scripts.resolve("groups-applicationHost.config").toString(), address);
            samba = new ProcessBuilder(sambaCommand(dc, address))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("samba.out").toFile()).start();
            String seeded = run(dir.resolve("seed.out"), 120, "bash", scripts.resolve("seed-rights.sh").toString(),
                    dc.toString(), ADMIN_PASSWORD, scripts.resolve("seed_rights.py").toString(), address);
            Map<String, Sid> sids = new LinkedHashMap<>();
            seeded.lines().filter(l -> l.matches("\\w+=S-1-.*"))
                    .forEach(l -> sids.put(l.substring(0, l.indexOf('=')), Sid.parse(l.substring(l.indexOf('=') + 1))));
            return new SambaDc(address, dir, scripts, samba, sids);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            new SambaDc(address, dir, scripts, samba, Map.of()).close();
            throw e;
        }
    }

    /**
     * Samba, in the foreground. A DC on another address than 127.0.0.1 runs in a mount namespace of its
     * own with a private /run/samba: its smbd would otherwise reach the first DC's winbindd and samba-dcerpcd
     * through the machine-wide sockets there (and be denied its own C$), while moving those sockets with
     * smb.conf options makes every logon NT_STATUS_INTERNAL_ERROR. {@code unshare} execs, so the PID is samba's.
     */
    private static List<String> sambaCommand(Path dc, String address) throws IOException {
        List<String> samba = List.of("/usr/sbin/samba", "-s", dc.resolve("etc/smb.conf").toString(), "-i",
                "--no-process-group", "-d", "0");
        if (DEFAULT_ADDRESS.equals(address) || !privateRunSupported()) {
            return samba;
        }
        Path run = Files.createDirectories(dc.resolve("run"));
        return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" /run/samba && exec \"$@\"", run.toString(), samba.get(0), samba.get(1), samba.get(2),
                samba.get(3), samba.get(4), samba.get(5), samba.get(6));
    }

    /** Whether a DC can get a private /run/samba here (root, util-linux's unshare, a mount namespace allowed). */
    static boolean privateRunSupported() {
        if (!Files.isDirectory(Path.of("/run/samba"))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "true")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path dcDir() {
        return dir.resolve("dc");
    }

    /** The domain's SYSVOL policies folder on disk, which the DC's sysvol share serves. */
    Path policies() {
        return dcDir().resolve("state/sysvol/probe.test/Policies");
    }

    /** Replaces the DC's Group Policy history with these entries ("N|DisplayName|GPOName|FileSysPath"). */
    void history(String... entries) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", scripts.resolve("gpo-history.sh").toString(), dcDir().toString()));
        command.addAll(List.of(entries));
        run(dir.resolve("history.out"), 60, command.toArray(String[]::new));
    }

    /**
     * Stops the RPC helpers this DC's smbd started on demand (samba-dcerpcd and its rpcd_* workers, e.g.
     * rpcd_winreg for the Group Policy history): they detach from samba, so stopping samba's process tree
     * leaves them running, and a leftover one answers the next DC's winreg calls through /run/samba.
     * They are found by this DC's own configuration file on their command line, so no other process is touched.
     */
    private void stopHelpers() {
        String config = dir.resolve("dc/etc/smb.conf").toString();
        List<ProcessHandle> helpers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(config)).orElse(false)).toList();
        helpers.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : helpers) {
            h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    /** Runs a command to completion within {@code seconds}; fails with its output otherwise. */
    static String run(Path log, int seconds, String... command) throws IOException, InterruptedException {
        return runWithEnv(log, seconds, Map.of(), command);
    }

    static String runWithEnv(Path log, int seconds, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(command[1] + " did not finish within " + seconds + " s:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            fail(command[1] + " exited " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (samba != null) {
            List<ProcessHandle> children = samba.descendants().toList();
            samba.destroy(); // SIGTERM: samba stops its own children
            if (!samba.waitFor(10, TimeUnit.SECONDS)) {
                samba.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.destroy();
            }
            for (ProcessHandle child : children) {
                child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        }
        stopHelpers();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
