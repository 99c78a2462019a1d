package org.logonrights.platform.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets for JNDI's LDAP provider that connect a DC's DNS name to the address the user gave: the
 * LDAP URL must carry the name, because SASL GSSAPI builds the service principal
 * {@code ldap/<name>} from it and TLS checks the certificate against it, while the auditing machine
 * may have no DNS entry for it. JNDI instantiates this class by name through {@link #getDefault()},
 * hence the static table.
 */
public final class PinnedSocketFactory extends SocketFactory {

    /** Where a name goes, and for LDAPS the TLS layer and the connect bound (JNDI gives none on that path). */
    private record Pin(String address, SSLSocketFactory tls, int connectMillis) {
    }

    private static final Map<String, Pin> PINNED = new ConcurrentHashMap<>();
    private static final PinnedSocketFactory INSTANCE = new PinnedSocketFactory();

    private PinnedSocketFactory() {
    }

    /** Called by JNDI. */
    public static SocketFactory getDefault() {
        return INSTANCE;
    }

    /** Plain sockets to {@code address} for {@code name}; JNDI bounds their connect itself. */
    static void pin(String name, String address) {
        PINNED.put(key(name), new Pin(address, null, 0));
    }

    /** TLS sockets to {@code address} for {@code name}, the certificate checked against {@code name}. */
    static void pinTls(String name, String address, SSLSocketFactory tls, int connectMillis) {
        PINNED.put(key(name), new Pin(address, tls, connectMillis));
    }

    static void unpin(String name) {
        PINNED.remove(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String addressOf(String host) {
        Pin p = PINNED.get(key(host));
        return p == null ? host : p.address();
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

    /** The LDAPS path: a bounded connect to the pinned address, then TLS with {@code host} as the peer's name. */
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Pin p = PINNED.get(key(host));
        if (p == null || p.tls() == null) {
            return new Socket(addressOf(host), port);
        }
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(p.address(), port), p.connectMillis());
            return p.tls().createSocket(plain, host, port, true);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
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
