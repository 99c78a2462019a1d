package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection failures the real client meets, produced on 127.0.0.1 without any SMB server. */
class LoopbackFailuresTest {

    private static final char[] SECRET = "Not-Printed#42".toCharArray();

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free now, and closed once this block ends
        }
        RemoteLsaException e = assertThrows(RemoteLsaException.class, () -> RemoteLsa.open(
                RemoteTarget.parse("127.0.0.1:" + port), RemoteAccount.parse("PROBE\\Administrator"), SECRET.clone()));
        assertEquals(RemoteLsaException.Reason.UNREACHABLE, e.reason());
        assertEquals("cannot connect to 127.0.0.1 port " + port + ": connection refused (is the host up, SMB running and TCP "
                + port + " open in its firewall?)", e.getMessage());
    }

    @Test
    void silentServerTimesOutWithinTheBound() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept()); // accept, then never answer the SMB negotiate
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RemoteTarget target = RemoteTarget.parse("127.0.0.1:" + silent.getLocalPort()).withTimeout(Duration.ofSeconds(1));
            long start = System.nanoTime();
            RemoteLsaException e = assertThrows(RemoteLsaException.class,
                    () -> RemoteLsa.open(target, RemoteAccount.parse("PROBE\\Administrator"), SECRET.clone()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(RemoteLsaException.Reason.TIMEOUT, e.reason(), e.getMessage());
            assertTrue(e.getMessage().startsWith("no answer from 127.0.0.1 port " + silent.getLocalPort() + " within 1 s"),
                    e.getMessage());
            assertTrue(millis < 8_000, "bounded by the timeout, took " + millis + " ms");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
