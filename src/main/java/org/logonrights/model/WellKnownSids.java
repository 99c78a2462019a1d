package org.logonrights.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Well-known SIDs that occur in logon rights, with the English names {@code LookupAccountSid}
 * shows on en-US systems (MS-DTYP 2.4.2.4), and the reverse map from every spelling seen in
 * security templates and gpresult output (qualified or not) to the SID.
 */
public final class WellKnownSids {

    public static final Sid EVERYONE = Sid.parse("S-1-1-0");
    public static final Sid LOCAL = Sid.parse("S-1-2-0");
    public static final Sid CONSOLE_LOGON = Sid.parse("S-1-2-1");
    public static final Sid NETWORK = Sid.parse("S-1-5-2");
    public static final Sid BATCH = Sid.parse("S-1-5-3");
    public static final Sid INTERACTIVE = Sid.parse("S-1-5-4");
    public static final Sid SERVICE = Sid.parse("S-1-5-6");
    public static final Sid AUTHENTICATED_USERS = Sid.parse("S-1-5-11");
    public static final Sid THIS_ORGANIZATION = Sid.parse("S-1-5-15");
    public static final Sid LOCAL_SYSTEM = Sid.parse("S-1-5-18");
    public static final Sid LOCAL_SERVICE = Sid.parse("S-1-5-19");
    public static final Sid NETWORK_SERVICE = Sid.parse("S-1-5-20");
    public static final Sid LOCAL_ACCOUNT = Sid.parse("S-1-5-113");
    public static final Sid LOCAL_ACCOUNT_AND_ADMIN = Sid.parse("S-1-5-114");
    public static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    public static final Sid USERS = Sid.parse("S-1-5-32-545");
    public static final Sid GUESTS = Sid.parse("S-1-5-32-546");
    public static final Sid IIS_IUSRS = Sid.parse("S-1-5-32-568");
    public static final Sid ALL_SERVICES = Sid.parse("S-1-5-80-0");
    public static final Sid ALL_APP_POOLS = Sid.parse("S-1-5-82-0");

    /** SID to display name, in table order. */
    private static final Map<Sid, String> NAMES = new LinkedHashMap<>();
    /** Lower-cased spelling (qualified and unqualified) to SID. */
    private static final Map<String, Sid> BY_NAME = new LinkedHashMap<>();

    static {
        add("S-1-0-0", "NULL SID", "Nobody");
        add("S-1-1-0", "Everyone", null);
        add("S-1-2-0", "LOCAL", null);
        add("S-1-2-1", "CONSOLE LOGON", null);
        add("S-1-3-0", "CREATOR OWNER", null);
        add("S-1-5-1", "NT AUTHORITY\\DIALUP", null);
        add("S-1-5-2", "NT AUTHORITY\\NETWORK", null);
        add("S-1-5-3", "NT AUTHORITY\\BATCH", null);
        add("S-1-5-4", "NT AUTHORITY\\INTERACTIVE", null);
        add("S-1-5-6", "NT AUTHORITY\\SERVICE", null);
        add("S-1-5-7", "NT AUTHORITY\\ANONYMOUS LOGON", null);
        add("S-1-5-9", "NT AUTHORITY\\ENTERPRISE DOMAIN CONTROLLERS", null);
        add("S-1-5-10", "NT AUTHORITY\\SELF", null);
        add("S-1-5-11", "NT AUTHORITY\\Authenticated Users", null);
        add("S-1-5-12", "NT AUTHORITY\\RESTRICTED", null);
        add("S-1-5-13", "NT AUTHORITY\\TERMINAL SERVER USER", null);
        add("S-1-5-14", "NT AUTHORITY\\REMOTE INTERACTIVE LOGON", null);
        add("S-1-5-15", "NT AUTHORITY\\This Organization", null);
        add("S-1-5-17", "NT AUTHORITY\\IUSR", null);
        add("S-1-5-18", "NT AUTHORITY\\SYSTEM", "LocalSystem");
        add("S-1-5-19", "NT AUTHORITY\\LOCAL SERVICE", "LocalService");
        add("S-1-5-20", "NT AUTHORITY\\NETWORK SERVICE", "NetworkService");
        add("S-1-5-113", "NT AUTHORITY\\Local account", null);
        add("S-1-5-114", "NT AUTHORITY\\Local account and member of Administrators group", null);
        add("S-1-5-32-544", "BUILTIN\\Administrators", null);
        add("S-1-5-32-545", "BUILTIN\\Users", null);
        add("S-1-5-32-546", "BUILTIN\\Guests", null);
        add("S-1-5-32-547", "BUILTIN\\Power Users", null);
        add("S-1-5-32-548", "BUILTIN\\Account Operators", null);
        add("S-1-5-32-549", "BUILTIN\\Server Operators", null);
        add("S-1-5-32-550", "BUILTIN\\Print Operators", null);
        add("S-1-5-32-551", "BUILTIN\\Backup Operators", null);
        add("S-1-5-32-552", "BUILTIN\\Replicator", null);
        add("S-1-5-32-554", "BUILTIN\\Pre-Windows 2000 Compatible Access", null);
        add("S-1-5-32-555", "BUILTIN\\Remote Desktop Users", null);
        add("S-1-5-32-556", "BUILTIN\\Network Configuration Operators", null);
        add("S-1-5-32-558", "BUILTIN\\Performance Monitor Users", null);
        add("S-1-5-32-559", "BUILTIN\\Performance Log Users", null);
        add("S-1-5-32-562", "BUILTIN\\Distributed COM Users", null);
        add("S-1-5-32-568", "BUILTIN\\IIS_IUSRS", null);
        add("S-1-5-32-569", "BUILTIN\\Cryptographic Operators", null);
        add("S-1-5-32-573", "BUILTIN\\Event Log Readers", null);
        add("S-1-5-32-578", "BUILTIN\\Hyper-V Administrators", null);
        add("S-1-5-32-580", "BUILTIN\\Remote Management Users", null);
        add("S-1-5-80-0", "NT SERVICE\\ALL SERVICES", null);
        add("S-1-5-82-0", "IIS APPPOOL\\(all application pools)", null);
        add("S-1-5-83-0", "NT VIRTUAL MACHINE\\Virtual Machines", null);
        add("S-1-5-90-0", "Window Manager\\Window Manager Group", null);
        add("S-1-5-99-0", "RESTRICTED SERVICES\\ALL RESTRICTED SERVICES", null);
        add("S-1-15-2-1", "APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES", null);
        add("S-1-15-2-2", "APPLICATION PACKAGE AUTHORITY\\ALL RESTRICTED APPLICATION PACKAGES", null);
        add("S-1-16-12288", "Mandatory Label\\High Mandatory Level", null);
        add("S-1-18-1", "Authentication authority asserted identity", null);
    }

    private WellKnownSids() {
    }

    private static void add(String sid, String name, String alias) {
        Sid s = Sid.parse(sid);
        NAMES.put(s, name);
        BY_NAME.put(name.toLowerCase(Locale.ROOT), s);
        int slash = name.indexOf('\\');
        if (slash >= 0) {
            // gpresult and templates write BUILTIN and NT AUTHORITY principals unqualified.
            BY_NAME.putIfAbsent(name.substring(slash + 1).toLowerCase(Locale.ROOT), s);
        }
        if (alias != null) {
            BY_NAME.putIfAbsent(alias.toLowerCase(Locale.ROOT), s);
        }
    }

    /**
     * The names of the well-known RIDs every domain (and, for 500 and 501, every machine's SAM) has:
     * the RID of a domain or machine SID names the same account or group everywhere.
     */
    private static final Map<Long, String> DOMAIN_RIDS = Map.of(
            500L, "Administrator", 501L, "Guest", 502L, "krbtgt", 512L, "Domain Admins", 513L, "Domain Users",
            514L, "Domain Guests", 515L, "Domain Computers", 516L, "Domain Controllers");

    /** The well-known account or group a domain or machine RID names (500 Administrator, 513 Domain Users …). */
    public static Optional<String> domainRidName(long rid) {
        return Optional.ofNullable(DOMAIN_RIDS.get(rid));
    }

    /** The English display name of a well-known SID. */
    public static Optional<String> nameOf(Sid sid) {
        return Optional.ofNullable(NAMES.get(sid));
    }

    /** The SID for a well-known name, qualified ({@code BUILTIN\Users}) or not ({@code Users}), any case. */
    public static Optional<Sid> sidOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    public static boolean isWellKnown(Sid sid) {
        return NAMES.containsKey(sid);
    }

    /** All entries, for documentation and tests. */
    public static Map<Sid, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }
}
