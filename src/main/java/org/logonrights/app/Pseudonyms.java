package org.logonrights.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logonrights.model.Sid;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;
import org.logonrights.report.PseudonymTable;

/**
 * The one pseudonym table of a redaction: every real value (host, domain, account, pool, site, path
 * segment, GPO name, file) has one pseudonym, whichever field or sentence it appears in, so a site
 * and a pool both called "Payroll" read the same everywhere. Values are compared case-insensitively,
 * as Windows compares names.
 *
 * <p>Used in two phases: first every field of the document is offered (pseudonyms are numbered in
 * that order, and every value goes into one matcher, {@link NameTrie}); once {@link #complete()}
 * says everything is learned, {@link #text} also replaces learned values inside sentences, so a
 * message may name a value whose field comes later in the document.
 */
final class Pseudonyms {

    /** What a value is; it gives the pseudonym's prefix. */
    enum Kind {
        HOST("HOST"), DOMAIN("DOMAIN"), ACCOUNT("account"), POOL("pool"), SITE("site"), GPO("GPO"), DIR("dir"),
        PROVIDER("provider");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** Machine and domain names share Windows' NetBIOS name space, and so one numbering. */
        private String series() {
            return this == HOST ? DOMAIN.prefix : prefix;
        }
    }

    /**
     * Appended to the pseudonym of a value with non-ASCII characters: the engine lowers its confidence
     * for such pool names (their SID depends on unverified case folding), and redaction must not
     * change a verdict. It tells only that the original was not ASCII.
     */
    static final String NON_ASCII_MARK = "-\u00e9";

    /**
     * Inside free text a value shorter than this is replaced only right after a slash or backslash
     * ({@code CORP\ab}, {@code /v1}): elsewhere it would hit ordinary words.
     */
    private static final int FREE_TEXT_MIN_LENGTH = 3;

    /** XML paths the parsers build, such as {@code sites/site[@name='Payroll']/application[@path='/api']}. */
    private static final String PREDICATE = "(?<owner>[A-Za-z]+)\\[@(?<attr>name|path)='(?<value>[^']*)'\\]";
    private static final String ANY_SID = "(?<sid>S-1-5-(?:21|82)(?:-\\d+)+)";
    /** {@code \\host\share\...} and {@code C:\...}; a trailing full stop or comma belongs to the sentence. */
    private static final String WINDOWS_PATH =
            "(?<path>(?:\\\\\\\\|(?<![\\p{L}\\p{N}])[A-Za-z]:[\\\\/])[^\\s'\"<>|*?:]*[^\\s'\"<>|*?:.,;)])";
    private static final Pattern STRUCTURED = Pattern.compile(PREDICATE + "|" + ANY_SID + "|" + WINDOWS_PATH,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN_SID = Pattern.compile("S-1-5-21-(\\d+)-(\\d+)-(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH_SEGMENT = Pattern.compile("[^\\\\/]+");
    private static final Pattern KEPT_SEGMENT = Pattern.compile("[A-Za-z]:|[A-Za-z]\\$|admin\\$|\\{[0-9A-Fa-f-]{36}}");

    /** Folders and files every Windows or IIS machine has: they identify nobody and tell what a path is. */
    private static final Set<String> STANDARD_SEGMENTS = Set.of("windows", "system32", "inetsrv", "config", "inetpub",
            "wwwroot", "sysvol", "policies", "machine", "microsoft", "secedit", "users", "applicationhost.config",
            "redirection.config", "administration.config", "web.config", "gpttmpl.inf", "gpt.ini", "bkupinfo.xml",
            "backup.xml", "secedit.inf", "gpresult.xml", "memberships.json");

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, String> domainSids = new HashMap<>();
    private final Map<Sid, Sid> poolSids = new HashMap<>();
    /** Pools whose SID is mapped already: hashing a name costs a SHA-1, and big hosts name each pool often. */
    private final Set<String> poolsMapped = new HashSet<>();
    /** SID texts already redacted: a host's memberships repeat the same few group SIDs by the hundred thousand. */
    private final Map<String, String> sidTexts = new HashMap<>();
    /** Free text already scrubbed, once complete: XML paths such as a right's name repeat for every entry. */
    private final Map<String, String> scrubbed = new HashMap<>();
    private final NameTrie trie = new NameTrie();
    /** Every value as first seen, with its kind and pseudonym, in the order learned: the table --redact-map writes. */
    private final Map<String, PseudonymTable.Entry> table = new LinkedHashMap<>();
    private boolean complete;

    /** The pseudonym of a value, made on first sight; null and blank values are returned as they are. */
    String of(String original, Kind kind) {
        if (original == null || original.isBlank()) {
            return original;
        }
        String value = original.strip();
        String key = key(value);
        String existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(kind.series(), 1, Integer::sum);
        String alias = kind.prefix + "-" + n + (VirtualAccounts.hasUncertainFolding(value) ? NON_ASCII_MARK : "");
        remember(key, value, alias);
        table.put(key, new PseudonymTable.Entry(kind.name().toLowerCase(Locale.ROOT), value, alias));
        return alias;
    }

    /** A pool name; the pool's S-1-5-82 SID will map to the SID of its pseudonym, keeping every match. */
    String pool(String name) {
        String alias = of(name, Kind.POOL);
        if (alias != null && !alias.equals(name) && poolsMapped.add(key(name))) {
            poolSids.putIfAbsent(VirtualAccounts.appPoolSid(name.strip()), VirtualAccounts.appPoolSid(alias));
        }
        return alias;
    }

    /** A value with a fixed replacement (a file path and its kind of file), so free text says the same. */
    void fix(String original, String replacement) {
        if (original != null && !original.isBlank() && replacement != null) {
            String value = original.strip();
            if (!byKey.containsKey(key(value))) {
                remember(key(value), value, replacement);
                table.put(key(value), new PseudonymTable.Entry("file", value, replacement));
            }
        }
    }

    /** An application or virtual path ({@code /api/orders}, {@code Default Web Site/api}): each segment apart. */
    String virtualPath(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = PATH_SEGMENT.matcher(path);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(of(m.group(), Kind.DIR)));
        }
        return m.appendTail(b).toString();
    }

    /** A SID as a document spells it, redacted as {@link #sid(Sid)}; one that does not parse cannot be kept. */
    String sid(String text) {
        if (text == null) {
            return null;
        }
        String known = sidTexts.get(text);
        if (known == null) {
            known = Sid.tryParse(text).map(this::sid).map(Sid::toString).orElse("S-1-5-REDACTED");
            sidTexts.put(text, known);
        }
        return known;
    }

    /** Keeps well-known SIDs; maps domain SIDs per domain (keeping the RID) and pool SIDs per pool. */
    Sid sid(Sid sid) {
        if (sid == null || WellKnownSids.isWellKnown(sid)) {
            return sid;
        }
        if (sid.isAppPoolSid()) {
            return poolSids.computeIfAbsent(sid, s -> VirtualAccounts.appPoolSid("orphan-" + (poolSids.size() + 1)));
        }
        Matcher m = DOMAIN_SID.matcher(sid.toString());
        if (m.lookingAt()) {
            String alias = domainSids.computeIfAbsent(m.group(0).toUpperCase(Locale.ROOT), d -> {
                int n = domainSids.size() + 1;
                String pseudonym = "S-1-5-21-" + (1000000000L + n) + "-" + (2000000000L + n) + "-" + (3000000000L + n);
                table.put(d, new PseudonymTable.Entry("domain-sid", d, pseudonym));
                return pseudonym;
            });
            return Sid.parse(alias + sid.toString().substring(m.end()));
        }
        return sid;
    }

    /** The pseudonym this table gave a real value (case-insensitively), if it met it. */
    Optional<String> known(String original) {
        return original == null || original.isBlank() ? Optional.empty() : Optional.ofNullable(byKey.get(key(original)));
    }

    /** Everything learned so far, original to pseudonym. */
    PseudonymTable table() {
        // A value kept as it is (a file already named as its kind) needs no line in the table.
        return new PseudonymTable(table.values().stream().filter(e -> !e.original().equals(e.pseudonym())).toList());
    }

    /** Every value is learned: from now on {@link #text} also replaces them inside sentences. */
    void complete() {
        complete = true;
    }

    /**
     * Free text with every learned value, domain or pool SID, Windows path and XML-path value
     * replaced. Before {@link #complete()} it learns the values of XML paths and Windows paths, but
     * leaves the names in the rest of the sentence: its result is then only a step of learning.
     */
    String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        if (complete) {
            String known = scrubbed.get(s);
            if (known == null) {
                known = scrub(s); // may learn a path, which empties the cache: no computeIfAbsent
                scrubbed.put(s, known);
            }
            return known;
        }
        return scrub(s);
    }

    private String scrub(String s) {
        Matcher m = STRUCTURED.matcher(s);
        StringBuilder b = new StringBuilder(s.length() + 16);
        int last = 0;
        while (m.find()) {
            names(s, last, m.start(), b);
            b.append(structured(m));
            last = m.end();
        }
        names(s, last, s.length(), b);
        return b.toString();
    }

    private String structured(Matcher m) {
        if (m.group("owner") != null) {
            String value = m.group("value");
            String alias = "path".equalsIgnoreCase(m.group("attr")) ? virtualPath(value)
                    : "site".equalsIgnoreCase(m.group("owner")) ? of(value, Kind.SITE) : pool(value);
            return m.group("owner") + "[@" + m.group("attr") + "='" + alias + "']";
        }
        if (m.group("sid") != null) {
            return sid(m.group("sid"));
        }
        return windowsPath(m.group("path"));
    }

    /**
     * A file path keeps its form and the folders every machine has; the server and other folders are
     * replaced. A path with something to hide that is also a source's file reads as that file does.
     */
    private String windowsPath(String path) {
        String segments = windowsPathSegments(path);
        if (segments.equals(path)) {
            return path;
        }
        String whole = byKey.get(key(path));
        return whole != null ? whole : segments;
    }

    private String windowsPathSegments(String path) {
        boolean unc = path.startsWith("\\\\");
        Matcher m = PATH_SEGMENT.matcher(path);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String segment = m.group();
            String alias = first && unc ? of(segment, Kind.HOST)
                    : KEPT_SEGMENT.matcher(segment).matches() || STANDARD_SEGMENTS.contains(key(segment)) ? segment
                    : of(segment, Kind.DIR);
            m.appendReplacement(b, Matcher.quoteReplacement(alias));
            first = false;
        }
        return m.appendTail(b).toString();
    }

    /** Appends {@code s[from, to)} with learned values replaced (once complete). */
    private void names(String s, int from, int to, StringBuilder out) {
        if (!complete) {
            out.append(s, from, to);
            return;
        }
        int i = from;
        while (i < to) {
            NameTrie.Match match = startsWord(s, i) ? trie.longest(s, i, to, FREE_TEXT_MIN_LENGTH) : null;
            if (match != null) {
                out.append(match.replacement());
                i = match.end();
            } else {
                out.append(s.charAt(i++));
            }
        }
    }

    private static boolean startsWord(String s, int i) {
        return i == 0 || !Character.isLetterOrDigit(s.codePointBefore(i));
    }

    private void remember(String key, String value, String alias) {
        byKey.put(key, alias);
        trie.add(value, alias);
        if (complete) {
            scrubbed.clear(); // a sentence scrubbed before this value was met may name it
        }
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
