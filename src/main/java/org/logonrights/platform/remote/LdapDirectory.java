package org.logonrights.platform.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.PartialResultException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.logonrights.model.Sid;
import org.logonrights.platform.remote.DirectoryException.Reason;

/**
 * A domain controller's directory over LDAP (TCP 389), authenticated with Kerberos through the JDK's
 * own JAAS {@code Krb5LoginModule} and SASL GSSAPI, with integrity (or confidentiality) protection
 * on every message. The password goes to the KDC (TCP 88) only as Kerberos pre-authentication, and
 * nothing is written to the DC. Where Kerberos cannot be used, {@link #openLdaps} binds over LDAPS
 * (TCP 636) instead: TLS first, then a simple bind inside it; a plain simple bind is never made.
 *
 * <p>Why the JDK and not an SDK: JNDI's GSSAPI with {@code auth-int} is what both AD (signing
 * required, docs/remote-audit.md) and Samba's default {@code ldap server require strong auth}
 * accept on 389, it adds no dependency, and the one gap (the DC's host name must be resolvable for
 * its SPN {@code ldap/<dnsHostName>}) is closed by reading {@code dnsHostName} from the rootDSE and
 * pinning that name to the address given ({@link PinnedSocketFactory}).
 *
 * <p>The Kerberos configuration is a temporary krb5.conf naming only this DC as KDC, with bounded
 * timeouts. It is process-wide state (a system property the JDK's Kerberos reads), as is the table
 * that pins a DC's name to its address, so the phase that needs them, "write krb5.conf for this realm
 * and KDC, log on, bind with GSSAPI", runs behind one lock, and the configuration is removed again
 * before the lock is released: after the bind, integrity-protected searches need no KDC. The
 * anonymous rootDSE read comes first and outside the lock, so a DC that does not answer never holds
 * it while it waits; inside it, every wait is bounded by the timeout (kdc_timeout, the LDAP read
 * timeout). Directories of a fleet run are open side by side; one directory is not thread-safe.
 */
public final class LdapDirectory implements DomainDirectory {

    public static final int LDAP_PORT = 389;
    public static final int LDAPS_PORT = 636;
    public static final int KERBEROS_PORT = 88;
    private static final String KRB5_CONF = "java.security.krb5.conf";
    private static final int SIDS_PER_SEARCH = 100;

    private final String address;
    private final int port;
    private final int millis;
    private final String hostName;
    private final String realm;
    private final String baseDn;
    private final Subject subject;
    private final LoginContext login;
    private final LdapContext ldap;

    /** Held while the process-wide Kerberos configuration and name pins are this directory's (see the class comment). */
    private static final java.util.concurrent.locks.ReentrantLock BINDING = new java.util.concurrent.locks.ReentrantLock();

    private LdapDirectory(String address, int port, int millis, String hostName, String realm, String baseDn,
                              Subject subject, LoginContext login, LdapContext ldap) {
        this.address = address;
        this.port = port;
        this.millis = millis;
        this.hostName = hostName;
        this.realm = realm;
        this.baseDn = baseDn;
        this.subject = subject;
        this.login = login;
        this.ldap = ldap;
    }

    /**
     * Reads the DC's rootDSE anonymously (its DNS name and domain), gets a Kerberos ticket for
     * {@code account} from it, and binds with GSSAPI. The password array is the caller's; a copy
     * lives only until the ticket is obtained.
     *
     * @param dc the DC's host name or address
     */
    public static LdapDirectory open(String dc, RemoteAccount account, char[] password, Duration timeout)
            throws DirectoryException {
        return open(dc, LDAP_PORT, account, password, timeout);
    }

    /** As {@link #open(String, RemoteAccount, char[], Duration)} on another LDAP port; for tests. */
    static LdapDirectory open(String dc, int ldapPort, RemoteAccount account, char[] password, Duration timeout)
            throws DirectoryException {
        Objects.requireNonNull(dc, "dc");
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        RootDse root = rootDse(dc, ldapPort, millis);
        String hostName = root.hostName();
        String baseDn = root.baseDn();
        String realm = root.realm();
        String previous = null;
        Path conf = null;
        LoginContext login = null;
        BINDING.lock();
        try {
            previous = System.getProperty(KRB5_CONF);
            conf = Files.createTempFile("logonrights-krb5", ".conf");
            Files.writeString(conf, krb5Conf(realm, dc, millis), StandardCharsets.US_ASCII);
            System.setProperty(KRB5_CONF, conf.toString());
            Subject subject = new Subject();
            String principal = principal(account, realm);
            login = new LoginContext("logonrights", subject, callbacks -> answer(callbacks, principal, password),
                    kerberosOnly());
            login.login();
            LdapContext ldap = doAs(subject, () -> new InitialLdapContext(
                    gssapiEnvironment(dc, hostName, ldapPort, millis), null));
            LdapDirectory directory = new LdapDirectory(dc, ldapPort, millis, hostName, realm, baseDn, subject, login, ldap);
            login = null; // the directory's now: logged out by close()
            return directory;
        } catch (LoginException e) {
            throw kerberosFailure(e, dc, account, realm, millis);
        } catch (NamingException e) {
            throw ldapFailure(e, dc, ldapPort, "binding to LDAP with Kerberos (GSSAPI) as " + account.display(), millis);
        } catch (IOException e) {
            throw new DirectoryException(Reason.PROTOCOL, "cannot write the temporary Kerberos configuration: "
                    + e.getMessage(), e);
        } finally {
            try {
                PinnedSocketFactory.unpin(hostName); // the connection is made: the pin is not needed again
                cleanUp(login, conf, previous);
            } finally {
                BINDING.unlock();
            }
        }
    }

    /**
     * As {@link #open(String, RemoteAccount, char[], Duration)}, but binding over LDAPS (TCP 636): TLS
     * first, the certificate checked against the DC's DNS name, then a simple bind inside it, so the
     * password travels only encrypted. For DCs where Kerberos cannot be used from here.
     *
     * @param caFile PEM or DER certificates of the CAs to trust, or null for the JVM's trust store
     */
    public static LdapDirectory openLdaps(String dc, RemoteAccount account, char[] password, Duration timeout, Path caFile)
            throws DirectoryException {
        return openLdaps(dc, LDAP_PORT, LDAPS_PORT, account, password, timeout, caFile);
    }

    /** As {@link #openLdaps(String, RemoteAccount, char[], Duration, Path)} on other ports; for tests. */
    static LdapDirectory openLdaps(String dc, int ldapPort, int ldapsPort, RemoteAccount account, char[] password,
                                   Duration timeout, Path caFile) throws DirectoryException {
        Objects.requireNonNull(dc, "dc");
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        SSLSocketFactory tls = trusting(caFile);
        RootDse root = rootDse(dc, ldapPort, millis);
        String hostName = root.hostName();
        String baseDn = root.baseDn();
        String realm = root.realm();
        Hashtable<String, Object> env = baseEnvironment("ldaps://" + hostName + ":" + ldapsPort, millis);
        env.remove("com.sun.jndi.ldap.connect.timeout"); // the factory bounds the connect on this path
        env.put("java.naming.ldap.factory.socket", PinnedSocketFactory.class.getName());
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, principal(account, realm));
        env.put(Context.SECURITY_CREDENTIALS, password.clone());
        BINDING.lock();
        try {
            PinnedSocketFactory.pinTls(hostName, dc, tls, millis);
            LdapContext ldap = new InitialLdapContext(env, null);
            return new LdapDirectory(dc, ldapsPort, millis, hostName, realm, baseDn, new Subject(), null, ldap);
        } catch (NamingException e) {
            throw ldapFailure(e, dc, ldapsPort, "binding to LDAPS as " + account.display(), millis);
        } finally {
            try {
                PinnedSocketFactory.unpin(hostName);
            } finally {
                BINDING.unlock();
                Arrays.fill((char[]) env.get(Context.SECURITY_CREDENTIALS), '\0');
            }
        }
    }

    /** A TLS socket factory trusting the certificates in {@code caFile}, or the JVM's trust store when null. */
    static SSLSocketFactory trusting(Path caFile) throws DirectoryException {
        if (caFile == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new DirectoryException(Reason.TLS_UNTRUSTED, caFile + " holds no certificate", null);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new DirectoryException(Reason.TLS_UNTRUSTED, "cannot read the CA certificates in " + caFile + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static DirectoryException notADc(String dc) {
        return new DirectoryException(Reason.PROTOCOL, dc + " answered LDAP without dnsHostName or "
                + "defaultNamingContext in its rootDSE: it is not an Active Directory domain controller", null);
    }

    /** The DC's DNS host name, from its rootDSE. */
    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String realm() {
        return realm;
    }

    /**
     * The token groups of the user {@code samAccountName}: a subtree search for its DN, a BASE search
     * for {@code tokenGroups} (which is constructed only for base searches), then one search per
     * hundred groups for their names and {@code memberOf}, to tell through which member each is reached.
     */
    @Override
    public DirectoryGroups groupsOf(String samAccountName) throws DirectoryException {
        String doing = "reading the groups of " + samAccountName;
        try {
            return doAs(subject, () -> read(samAccountName));
        } catch (NamingException e) {
            throw ldapFailure(e, address, port, doing, millis);
        }
    }

    private DirectoryGroups read(String samAccountName) throws NamingException, DirectoryException {
        SearchControls subtree = controls(SearchControls.SUBTREE_SCOPE, "objectSid", "primaryGroupID", "memberOf");
        List<SearchResult> users = search(baseDn, "(&(objectClass=user)(sAMAccountName={0}))",
                new Object[] {samAccountName}, subtree);
        if (users.isEmpty()) {
            throw new DirectoryException(Reason.NOT_FOUND, "no account '" + samAccountName + "' in the directory of "
                    + realm + " (searched " + baseDn + " on " + hostName + ")", null);
        }
        SearchResult user = users.get(0);
        String userDn = user.getNameInNamespace();
        Sid userSid = sid(user.getAttributes().get("objectSid"));
        List<SearchResult> token = search(userDn, "(objectClass=*)", new Object[0],
                controls(SearchControls.OBJECT_SCOPE, "tokenGroups"));
        List<Sid> tokenGroups = new ArrayList<>();
        Attribute tg = token.isEmpty() ? null : token.get(0).getAttributes().get("tokenGroups");
        if (tg == null) {
            throw new DirectoryException(Reason.PROTOCOL, hostName + " returned no tokenGroups for " + samAccountName
                    + " (a global catalog must be reachable from the DC)", null);
        }
        for (NamingEnumeration<?> values = tg.getAll(); values.hasMore(); ) {
            tokenGroups.add(Sids.decode((byte[]) values.next()));
        }
        Map<Sid, SearchResult> entries = groupEntries(tokenGroups);
        Sid primary = primaryGroup(userSid, user.getAttributes().get("primaryGroupID"));
        return new DirectoryGroups(userSid, userDn, routes(userSid, userDn, values(user.getAttributes().get("memberOf")),
                primary, tokenGroups, entries));
    }

    private Map<Sid, SearchResult> groupEntries(List<Sid> sids) throws NamingException {
        Map<Sid, SearchResult> out = new HashMap<>();
        SearchControls subtree = controls(SearchControls.SUBTREE_SCOPE, "objectSid", "sAMAccountName", "memberOf");
        for (int from = 0; from < sids.size(); from += SIDS_PER_SEARCH) {
            List<Sid> batch = sids.subList(from, Math.min(sids.size(), from + SIDS_PER_SEARCH));
            StringBuilder filter = new StringBuilder("(|");
            Object[] args = new Object[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                filter.append("(objectSid={").append(i).append("})");
                args[i] = Sids.encode(batch.get(i));
            }
            for (SearchResult r : search(baseDn, filter.append(')').toString(), args, subtree)) {
                out.put(sid(r.getAttributes().get("objectSid")), r);
            }
        }
        return out;
    }

    /**
     * For each token group, the member through which it is reached: a breadth-first walk from the
     * account over {@code primaryGroupID} and {@code memberOf}, so that each group names its nearest link.
     */
    static List<DirectoryGroups.Group> routes(Sid user, String userDn, List<String> userMemberOf, Sid primary,
                                              List<Sid> tokenGroups, Map<Sid, SearchResult> entries) throws NamingException {
        Map<String, Sid> byDn = new HashMap<>();
        Map<Sid, List<String>> memberOf = new HashMap<>();
        byDn.put(key(userDn), user);
        memberOf.put(user, userMemberOf);
        for (Map.Entry<Sid, SearchResult> e : entries.entrySet()) {
            byDn.put(key(e.getValue().getNameInNamespace()), e.getKey());
            memberOf.put(e.getKey(), values(e.getValue().getAttributes().get("memberOf")));
        }
        Map<Sid, Sid> via = new LinkedHashMap<>();
        Map<Sid, DirectoryGroups.Link> link = new HashMap<>();
        Deque<Sid> queue = new ArrayDeque<>();
        queue.add(user);
        if (primary != null && tokenGroups.contains(primary)) {
            via.put(primary, user);
            link.put(primary, DirectoryGroups.Link.PRIMARY_GROUP);
            queue.add(primary);
        }
        while (!queue.isEmpty()) {
            Sid member = queue.poll();
            for (String dn : memberOf.getOrDefault(member, List.of())) {
                Sid group = byDn.get(key(dn));
                if (group != null && !group.equals(user) && tokenGroups.contains(group) && !via.containsKey(group)) {
                    via.put(group, member);
                    link.put(group, DirectoryGroups.Link.MEMBER_OF);
                    queue.add(group);
                }
            }
        }
        List<DirectoryGroups.Group> out = new ArrayList<>();
        for (Sid g : tokenGroups) {
            SearchResult entry = entries.get(g);
            String name = entry == null ? null : first(entry.getAttributes().get("sAMAccountName"));
            out.add(new DirectoryGroups.Group(g, name, via.get(g), link.get(g)));
        }
        return out;
    }

    private static Sid primaryGroup(Sid user, Attribute primaryGroupId) throws NamingException {
        String rid = first(primaryGroupId);
        if (rid == null || user.subAuthorities().isEmpty()) {
            return null;
        }
        return user.domain().child(Long.parseLong(rid.strip()));
    }

    private List<SearchResult> search(String base, String filter, Object[] args, SearchControls controls)
            throws NamingException {
        List<SearchResult> out = new ArrayList<>();
        NamingEnumeration<SearchResult> results = ldap.search(base, filter, args, controls);
        try {
            while (results.hasMore()) {
                out.add(results.next());
            }
        } catch (PartialResultException e) {
            // A subtree search from the domain root ends with continuation references (other
            // partitions) that JNDI reports after the entries; the entries are all there.
        } finally {
            results.close();
        }
        return out;
    }

    private static SearchControls controls(int scope, String... attributes) {
        SearchControls c = new SearchControls();
        c.setSearchScope(scope);
        c.setReturningAttributes(attributes);
        return c;
    }

    /** What the rootDSE says of a DC: its DNS name, its domain's naming context, and so the realm. */
    private record RootDse(String hostName, String baseDn) {
        String realm() {
            return dnsDomain(baseDn).toUpperCase(Locale.ROOT);
        }
    }

    private static RootDse rootDse(String dc, int port, int millis) throws DirectoryException {
        Map<String, String> root = rootDseAttributes(dc, port, millis);
        if (root.get("dnsHostName") == null || root.get("defaultNamingContext") == null) {
            throw notADc(dc);
        }
        return new RootDse(root.get("dnsHostName"), root.get("defaultNamingContext"));
    }

    private static Map<String, String> rootDseAttributes(String dc, int port, int millis) throws DirectoryException {
        Hashtable<String, Object> env = baseEnvironment(url(dc, port), millis);
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        try {
            LdapContext anonymous = new InitialLdapContext(env, null);
            try {
                Attributes a = anonymous.getAttributes("", new String[] {"dnsHostName", "defaultNamingContext"});
                Map<String, String> out = new HashMap<>();
                out.put("dnsHostName", first(a.get("dnsHostName")));
                out.put("defaultNamingContext", first(a.get("defaultNamingContext")));
                return out;
            } finally {
                anonymous.close();
            }
        } catch (NamingException e) {
            throw ldapFailure(e, dc, port, "reading the rootDSE", millis);
        }
    }

    private static Hashtable<String, Object> gssapiEnvironment(String dc, String hostName, int port, int millis) {
        PinnedSocketFactory.pin(hostName, dc);
        Hashtable<String, Object> env = baseEnvironment(url(hostName, port), millis);
        env.put(Context.SECURITY_AUTHENTICATION, "GSSAPI");
        // Integrity at least: AD with signing required and Samba by default refuse an unprotected bind.
        env.put("javax.security.sasl.qop", "auth-conf,auth-int");
        env.put("java.naming.ldap.factory.socket", PinnedSocketFactory.class.getName());
        return env;
    }

    private static Hashtable<String, Object> baseEnvironment(String url, int millis) {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        env.put(Context.REFERRAL, "ignore");
        env.put("java.naming.ldap.attributes.binary", "objectSid tokenGroups");
        env.put("com.sun.jndi.ldap.connect.timeout", Integer.toString(Math.max(1, millis)));
        env.put("com.sun.jndi.ldap.read.timeout", Integer.toString(Math.max(1, millis)));
        env.put("com.sun.jndi.ldap.connect.pool", "false");
        return env;
    }

    private static String url(String host, int port) {
        return "ldap://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code DC=contoso,DC=com} -> {@code contoso.com}. */
    static String dnsDomain(String namingContext) {
        List<String> labels = new ArrayList<>();
        for (String rdn : namingContext.split(",")) {
            String r = rdn.strip();
            if (r.regionMatches(true, 0, "DC=", 0, 3)) {
                labels.add(r.substring(3));
            }
        }
        return String.join(".", labels);
    }

    /** {@code name@REALM}: a UPN is kept; {@code DOMAIN\name} and a bare name take the DC's realm. */
    static String principal(RemoteAccount account, String realm) {
        String name = account.name();
        int at = name.lastIndexOf('@');
        if (at > 0) {
            return name.substring(0, at) + "@" + name.substring(at + 1).toUpperCase(Locale.ROOT);
        }
        return name + "@" + realm;
    }

    /** A krb5.conf with this DC as the realm's only KDC, over TCP, with bounded waits and no DNS guessing. */
    static String krb5Conf(String realm, String dc, int millis) {
        String kdc = (dc.indexOf(':') >= 0 ? "[" + dc + "]" : dc) + ":" + KERBEROS_PORT;
        String domain = realm.toLowerCase(Locale.ROOT);
        return "[libdefaults]\n"
                + " default_realm = " + realm + "\n"
                + " dns_lookup_kdc = false\n"
                + " dns_lookup_realm = false\n"
                + " dns_canonicalize_hostname = false\n"
                + " rdns = false\n"
                + " udp_preference_limit = 1\n"
                + " kdc_timeout = " + Math.max(1, millis) + "\n"
                + " max_retries = 1\n"
                + "[realms]\n"
                + " " + realm + " = {\n"
                + "  kdc = " + kdc + "\n"
                + " }\n"
                + "[domain_realm]\n"
                + " ." + domain + " = " + realm + "\n"
                + " " + domain + " = " + realm + "\n";
    }

    private static Configuration kerberosOnly() {
        Map<String, String> options = Map.of("useTicketCache", "false", "storeKey", "false", "refreshKrb5Config", "true",
                "isInitiator", "true", "doNotPrompt", "false");
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        };
    }

    private static void answer(Callback[] callbacks, String principal, char[] password) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback n) {
                n.setName(principal);
            } else if (c instanceof PasswordCallback p) {
                p.setPassword(password); // PasswordCallback keeps a clone, which the login module clears
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private interface Action<T> {
        T run() throws NamingException, DirectoryException;
    }

    private static <T> T doAs(Subject subject, Action<T> action) throws NamingException, DirectoryException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<T>) action::run);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof NamingException n) {
                throw n;
            }
            if (e.getException() instanceof DirectoryException d) {
                throw d;
            }
            throw new IllegalStateException(e.getException());
        }
    }

    private static DirectoryException kerberosFailure(LoginException e, String dc, RemoteAccount account, String realm,
                                                      int millis) {
        String who = "Kerberos logon of " + account.display() + " to realm " + realm + " at " + dc + " port " + KERBEROS_PORT;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return new DirectoryException(Reason.TIMEOUT, who + ": no answer within " + Math.max(1, millis / 1000)
                        + " s (is TCP " + KERBEROS_PORT + " open?)", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return new DirectoryException(Reason.UNREACHABLE, who + ": cannot connect (is TCP " + KERBEROS_PORT
                        + " open?)", e);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DirectoryException(Reason.AUTHENTICATION_REFUSED, who + " was refused: " + message, e);
    }

    static DirectoryException ldapFailure(NamingException e, String dc, int port, String doing, int millis) {
        String where = dc + " port " + port;
        for (Throwable t = e; t != null; t = t instanceof NamingException n ? n.getRootCause() : t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return new DirectoryException(Reason.TLS_UNTRUSTED, "the TLS certificate of " + where + " is not trusted "
                        + "while " + doing + " (its chain does not lead to a trusted CA, or it does not name " + dc
                        + "'s DNS name): give the issuing CA's certificate with --dc-ca FILE (PEM or DER), or add it to "
                        + "the JVM's trust store", e);
            }
            if (t instanceof SocketTimeoutException) {
                return new DirectoryException(Reason.TIMEOUT, "no answer from " + where + " within "
                        + Math.max(1, millis / 1000) + " s while " + doing, e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new DirectoryException(Reason.UNREACHABLE, "cannot connect to " + where + " while " + doing
                        + " (is it a domain controller, and TCP " + port + " open?)", e);
            }
            if (t instanceof UnknownHostException) {
                return new DirectoryException(Reason.UNREACHABLE, "cannot resolve '" + dc + "' while " + doing, e);
            }
        }
        String message = e.getExplanation() == null ? e.getClass().getSimpleName() : e.getExplanation();
        if (e instanceof AuthenticationException || e instanceof javax.naming.AuthenticationNotSupportedException) {
            return new DirectoryException(Reason.AUTHENTICATION_REFUSED, where + " refused the logon while " + doing
                    + ": " + message, e);
        }
        if (message.toLowerCase(Locale.ROOT).contains("timed out")) {
            // JNDI reports its read timeout as a bare NamingException with this text, no cause.
            return new DirectoryException(Reason.TIMEOUT, "no answer from " + where + " within "
                    + Math.max(1, millis / 1000) + " s while " + doing, e);
        }
        return new DirectoryException(Reason.PROTOCOL, where + " failed while " + doing + ": " + message, e);
    }

    private static Sid sid(Attribute a) throws NamingException {
        if (a == null || !(a.get() instanceof byte[] b)) {
            throw new NamingException("an entry without a binary objectSid");
        }
        return Sids.decode(b);
    }

    private static String first(Attribute a) throws NamingException {
        return a == null || a.get() == null ? null : a.get().toString();
    }

    private static List<String> values(Attribute a) throws NamingException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (NamingEnumeration<?> v = a.getAll(); v.hasMore(); ) {
                out.add(v.next().toString());
            }
        }
        return out;
    }

    private static String key(String dn) {
        return dn.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static void cleanUp(LoginContext login, Path conf, String previous) {
        if (login != null) {
            try {
                login.logout(); // destroys the tickets and the password copy
            } catch (LoginException e) {
                // nothing was logged in
            }
        }
        if (conf != null) {
            try {
                Files.deleteIfExists(conf);
            } catch (IOException e) {
                conf.toFile().deleteOnExit();
            }
        }
        if (previous == null) {
            System.clearProperty(KRB5_CONF);
        } else {
            System.setProperty(KRB5_CONF, previous);
        }
    }

    /** Unbinds and destroys the tickets. Idempotent; never throws. */
    @Override
    public void close() {
        try {
            ldap.close();
        } catch (NamingException e) {
            // the connection is dropped anyway
        } finally {
            if (login != null) {
                try {
                    login.logout(); // destroys the tickets and the password copy
                } catch (LoginException e) {
                    // nothing was logged in
                }
            }
        }
    }

    /** Binary SIDs as LDAP carries them (MS-DTYP 2.4.2.2, little-endian sub-authorities). */
    static final class Sids {
        private Sids() {
        }

        static Sid decode(byte[] b) {
            if (b.length < 8 || b.length != 8 + 4 * (b[1] & 0xFF)) {
                throw new IllegalArgumentException("not a binary SID: " + b.length + " bytes");
            }
            long authority = 0;
            for (int i = 2; i < 8; i++) {
                authority = (authority << 8) | (b[i] & 0xFF);
            }
            long[] subs = new long[b[1] & 0xFF];
            for (int i = 0; i < subs.length; i++) {
                int at = 8 + 4 * i;
                subs[i] = (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
            }
            return Sid.of(authority, subs);
        }

        static byte[] encode(Sid sid) {
            List<Long> subs = sid.subAuthorities();
            byte[] b = new byte[8 + 4 * subs.size()];
            b[0] = 1;
            b[1] = (byte) subs.size();
            long a = sid.authority();
            for (int i = 7; i >= 2; i--, a >>>= 8) {
                b[i] = (byte) a;
            }
            for (int i = 0; i < subs.size(); i++) {
                long v = subs.get(i);
                for (int k = 0; k < 4; k++) {
                    b[8 + 4 * i + k] = (byte) (v >>> (8 * k));
                }
            }
            return b;
        }
    }
}
