package org.logonrights.platform.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * Sockets for JNDI's LDAP provider that connect a DC's DNS name to the address the user gave: the
 * LDAP URL must carry the name, because SASL GSSAPI builds the service principal
 * {@code ldap/<name>} from it, while the auditing machine may have no DNS entry for it. JNDI
 * instantiates this class by name through {@link #getDefault()}, hence the static table.
 */
public final class PinnedSocketFactory extends SocketFactory {

    private static final Map<String, String> PINNED = new ConcurrentHashMap<>();
    private static final PinnedSocketFactory INSTANCE = new PinnedSocketFactory();

    private PinnedSocketFactory() {
    }

    /** Called by JNDI. */
    public static SocketFactory getDefault() {
        return INSTANCE;
    }

    static void pin(String name, String address) {
        PINNED.put(name.toLowerCase(java.util.Locale.ROOT), address);
    }

    static void unpin(String name) {
        PINNED.remove(name.toLowerCase(java.util.Locale.ROOT));
    }

    static String addressOf(String host) {
        return PINNED.getOrDefault(host.toLowerCase(java.util.Locale.ROOT), host);
    }

    /** An unconnected socket whose {@code connect} goes to the pinned address (JNDI uses this with a timeout). */
    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(pinned(endpoint), timeout);
            }
        };
    }

    private static SocketAddress pinned(SocketAddress endpoint) {
        if (endpoint instanceof InetSocketAddress a) {
            return new InetSocketAddress(addressOf(a.getHostString()), a.getPort());
        }
        return endpoint;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return new Socket(addressOf(host), port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return new Socket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return new Socket(addressOf(host), port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return new Socket(address, port, localAddress, localPort);
    }
}
