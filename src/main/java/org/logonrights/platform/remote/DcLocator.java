package org.logonrights.platform.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import org.logonrights.platform.remote.DirectoryException.Reason;

/**
 * Finds the domain controllers of a DNS domain as Windows' DC locator does (MS-ADTS 6.3.6.1): the SRV
 * records {@code _ldap._tcp.dc._msdcs.<domain>}, lowest priority first and, within a priority, the
 * heaviest weight first.
 */
public final class DcLocator {

    /** Looks up the SRV records of a name as {@code "priority weight port target"} strings. */
    @FunctionalInterface
    public interface SrvLookup {
        List<String> srv(String name) throws NamingException;
    }

    /** One SRV answer. */
    record Candidate(int priority, int weight, int port, String host) {
    }

    private DcLocator() {
    }

    /** The DCs' host names, best first. */
    public static List<String> locate(String dnsDomain, SrvLookup dns) throws DirectoryException {
        String name = "_ldap._tcp.dc._msdcs." + dnsDomain;
        List<String> records;
        try {
            records = dns.srv(name);
        } catch (NameNotFoundException e) {
            throw new DirectoryException(Reason.UNREACHABLE, "no domain controller found: DNS has no " + name
                    + " SRV record; give --dc HOST", e);
        } catch (NamingException e) {
            throw new DirectoryException(Reason.UNREACHABLE, "no domain controller found: the SRV lookup of " + name
                    + " failed (" + (e.getExplanation() == null ? "no answer" : e.getExplanation()) + "); give --dc HOST", e);
        }
        List<String> hosts = new ArrayList<>();
        for (Candidate c : parse(records)) {
            hosts.add(c.host());
        }
        if (hosts.isEmpty()) {
            throw new DirectoryException(Reason.UNREACHABLE, "no domain controller found: DNS has no " + name
                    + " SRV record; give --dc HOST", null);
        }
        return hosts;
    }

    /** Parses and orders SRV answers; malformed ones and the "no service" target "." are dropped. */
    static List<Candidate> parse(List<String> records) {
        List<Candidate> out = new ArrayList<>();
        for (String r : records) {
            String[] f = r.strip().split("\\s+");
            if (f.length != 4 || !f[0].matches("\\d{1,5}") || !f[1].matches("\\d{1,5}") || !f[2].matches("\\d{1,5}")) {
                continue;
            }
            String host = f[3].endsWith(".") ? f[3].substring(0, f[3].length() - 1) : f[3];
            if (!host.isEmpty()) {
                out.add(new Candidate(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        host.toLowerCase(Locale.ROOT)));
            }
        }
        out.sort(Comparator.comparingInt(Candidate::priority).thenComparing(Comparator.comparingInt(Candidate::weight)
                .reversed()).thenComparing(Candidate::host));
        return out;
    }

    /** SRV look-ups through the system's resolvers (JNDI's DNS provider), each bounded by {@code timeout}. */
    public static SrvLookup systemDns(Duration timeout) {
        return name -> {
            Hashtable<String, Object> env = new Hashtable<>();
            env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
            env.put("java.naming.provider.url", "dns:");
            env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis() / 2)));
            env.put("com.sun.jndi.dns.timeout.retries", "1");
            InitialDirContext ctx = new InitialDirContext(env);
            try {
                Attribute srv = ctx.getAttributes(name, new String[] {"SRV"}).get("SRV");
                List<String> out = new ArrayList<>();
                if (srv != null) {
                    for (NamingEnumeration<?> v = srv.getAll(); v.hasMore(); ) {
                        out.add(v.next().toString());
                    }
                }
                return out;
            } finally {
                ctx.close();
            }
        };
    }
}
