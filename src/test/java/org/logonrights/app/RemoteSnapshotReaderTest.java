package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.FakeRemoteLsa;
import org.logonrights.platform.remote.RemoteLsaException;
import org.logonrights.sources.InputFiles;

/** The snapshot assembled from a remote machine, with a fake in place of SMB. */
class RemoteSnapshotReaderTest {

    private static final String CONFIG = "Windows\\System32\\inetsrv\\config\\applicationHost.config";

    private static byte[] config() throws IOException {
        try (InputStream in = RemoteSnapshotReaderTest.class.getResourceAsStream("/remote/applicationHost.config")) {
            return in.readAllBytes();
        }
    }

    private static FakeRemoteLsa server(byte[] config) {
        return new FakeRemoteLsa()
                .grant("S-1-5-21-1-2-3-1102", "SeBatchLogonRight")
                .name("S-1-5-21-1-2-3-1102", "PROBE", "svc_batch", 1)
                .file("C$", CONFIG, config)
                .unknownToServer(UserRight.BATCH);
    }

    /** No directory: the fake target is a member server and no --dc was given. */
    private static final RemoteSnapshotReader.DirectoryChoice NO_DC = (isDc, dnsDomain) -> {
        throw new DirectoryException(DirectoryException.Reason.UNREACHABLE, "no domain controller to ask", null);
    };

    private static RemoteSnapshotReader.ConfigPath defaultPath() throws UsageException {
        return RemoteSnapshotReader.ConfigPath.parse(RemoteSnapshotReader.DEFAULT_CONFIG_PATH);
    }

    @Test
    void rightsAndConfigurationCarryTheirRemoteProvenance() throws Exception {
        Snapshot s = RemoteSnapshotReader.read(server(config()), "\\\\web01", defaultPath(), 1 << 20, NO_DC);
        assertEquals(SourceKind.LSA, s.rights().source().kind());
        assertEquals("\\\\web01", s.rights().source().file());
        assertEquals("\\\\web01\\C$\\" + CONFIG, s.iis().source().file());
        assertEquals(SourceKind.APPLICATION_HOST, s.iis().source().kind());
        assertEquals(List.of("DefaultAppPool", "BatchPool", "WebPool", "ServicePool", "Intranet"),
                s.iis().pools().stream().map(p -> p.name()).toList());
        assertEquals("PROBE\\svc_batch", s.rights().holders(UserRight.BATCH).get(0).principal().name());
        assertTrue(s.notes().stream().anyMatch(n -> n.code().equals("remote-right-unknown-to-server")), s.notes().toString());
        // A workgroup machine (no DNS domain) whose registry lists no GPO: Group Policy was read, and defines nothing.
        assertEquals(List.of(), s.groupPolicy().settings());
        assertEquals(List.of(), s.groupPolicy().gaps());
        assertEquals(SourceKind.REGISTRY, s.groupPolicy().sources().get(0).kind());
    }

    @Test
    void theDirectoryIsChosenFromTheTargetsRoleAndDnsDomainOnlyWhenADomainAccountNeedsIt() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        RemoteSnapshotReader.DirectoryChoice record = (isDc, dnsDomain) -> {
            asked.add(isDc + " " + dnsDomain);
            throw new DirectoryException(DirectoryException.Reason.UNREACHABLE, "down", null);
        };
        RemoteSnapshotReader.read(server(config()).dnsDomain("probe.test"), "\\\\web01", defaultPath(), 1 << 20, record);
        assertEquals(List.of("false probe.test"), asked, "a member server: discover from its DNS domain");
        asked.clear();
        RemoteSnapshotReader.read(server(config()).domains("PROBE", "PROBE").dnsDomain("probe.test"), "\\\\dc01",
                defaultPath(), 1 << 20, record);
        assertEquals(List.of("true null"), asked, "a DC answers for its own domain");
    }

    @Test
    void utf16ConfigurationIsDecodedLikeALocalFile() throws Exception {
        byte[] utf8 = config();
        String text = new String(utf8, StandardCharsets.UTF_8);
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[body.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(body, 0, utf16, 2, body.length);
        Snapshot s = RemoteSnapshotReader.read(server(utf16), "\\\\web01", defaultPath(), 1 << 20, NO_DC);
        assertEquals(5, s.iis().pools().size());
    }

    @Test
    void otherConfigPathsAndTheirMistakes() throws Exception {
        assertEquals(new RemoteSnapshotReader.ConfigPath("D$", "IIS\\config\\applicationHost.config"),
                RemoteSnapshotReader.ConfigPath.parse("\\\\D$/IIS/config/applicationHost.config"));
        for (String bad : new String[] {"C$", "C$\\", "\\applicationHost.config", ""}) {
            assertThrows(UsageException.class, () -> RemoteSnapshotReader.ConfigPath.parse(bad), bad);
        }
    }

    @Test
    void invalidConfigurationIsAnInputErrorNamingTheRemoteFile() {
        InputException e = assertThrows(InputException.class, () -> RemoteSnapshotReader.read(
                server("<configuration>".getBytes(StandardCharsets.UTF_8)), "\\\\web01", defaultPath(), 1 << 20, NO_DC));
        assertEquals("\\\\web01\\C$\\" + CONFIG, e.file());
    }

    @Test
    void failuresOfTheFakePassThroughForTheCallerToMap() {
        FakeRemoteLsa lsa = new FakeRemoteLsa().failWith(
                new RemoteLsaException(RemoteLsaException.Reason.ACCESS_DENIED, "access denied"));
        assertThrows(RemoteLsaException.class, () -> RemoteSnapshotReader.read(lsa, "\\\\web01", defaultPath(), 100, NO_DC));
    }

    @Test
    void unreachableHostIsAnEnvironmentErrorAndThePasswordIsZeroed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        char[] password = "Not-Printed#42".toCharArray();
        int closed = port;
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> RemoteSnapshotReader.read("127.0.0.1:" + closed, "PROBE\\Administrator", password, null,
                        InputFiles.DEFAULT_MAX_BYTES));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("Not-Printed"), e.getMessage());
        assertArrayEquals(new char[password.length], password, "the password array is wiped");
    }

    @Test
    void malformedHostOrUserIsAUsageError() {
        long limit = InputFiles.DEFAULT_MAX_BYTES;
        assertThrows(UsageException.class, () -> RemoteSnapshotReader.read("web 01", "A\\b", "x".toCharArray(), null, limit));
        assertThrows(UsageException.class, () -> RemoteSnapshotReader.read("web01", "A\\", "x".toCharArray(), null, limit));
    }
}
