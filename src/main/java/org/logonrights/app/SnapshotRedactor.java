package org.logonrights.app;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.logonrights.app.Pseudonyms.Kind;
import org.logonrights.model.GpoGap;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.model.WellKnownSids;
import org.logonrights.sources.snapshot.SnapshotDocument;
import org.logonrights.sources.snapshot.SnapshotDocument.ApplicationDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.AssignmentDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.CredentialDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.GpoDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.GroupPolicyDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.IisDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.MachineDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.MembershipDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.NoteDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PasswordDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PoolDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.PrincipalDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.RightsDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.RouteDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.SettingDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.SourceDoc;
import org.logonrights.sources.snapshot.SnapshotDocument.UnknownRightDoc;
import org.logonrights.sources.snapshot.SnapshotReader;
import org.logonrights.sources.snapshot.SnapshotWriter;

/**
 * Replaces the names, paths and domain-specific SIDs of a snapshot with stable pseudonyms, so a support
 * engineer can attach the result to a ticket. Redaction is one transformation of the snapshot document
 * (docs/snapshot.md): every field is either kept (it cannot identify anyone), replaced through the one
 * {@link Pseudonyms} table, or, for free text, scrubbed of every value that table learned. Well-known
 * SIDs and names are kept, which keeps every verdict unchanged: pool SIDs are recomputed from the
 * pseudonymous pool names, and an account keeps its match with its memberships and with the right
 * entries that name it.
 */
public final class SnapshotRedactor {

    /** Built-in local account names: the same on every Windows machine, so they identify nobody. */
    static final Set<String> BUILT_IN_ACCOUNTS = Set.of("guest", "administrator", "defaultaccount", "wdagutilityaccount");

    /** The configProtectedData providers IIS ships; a provider of another name is the customer's own. */
    private static final Set<String> IIS_PROVIDERS = Set.of("aesprovider", "iiswasonlyaesprovider", "iiscngprovider",
            "iiswasonlycngprovider", "iiswasonlyrsaprovider", "rsaprotectedconfigurationprovider",
            "dataprotectionconfigurationprovider");

    /** Where a fact without a source comes from once the redacted document is read back. */
    private static final String REDACTED_FILE = "snapshot.json";

    private final Pseudonyms names = new Pseudonyms();
    /** Account names already mapped: a host's memberships repeat the same groups by the hundred thousand. */
    private final Map<String, String> accounts = new HashMap<>();
    private SnapshotDocument redacted;

    private SnapshotRedactor() {
    }

    /** Redacts a snapshot read by any means: files, snapshot, live or remote. */
    public static Snapshot redact(Snapshot s) {
        return readBack(of(s).redacted);
    }

    /** Redacts a snapshot document; the same input always gives the same output. */
    public static SnapshotDocument redact(SnapshotDocument d) {
        return of(d).redacted;
    }

    /**
     * A redactor that has learned every value of a snapshot: its pseudonyms serve every output of the
     * run (report, explain, rights, the snapshot itself), so one real value reads the same in all.
     */
    static SnapshotRedactor of(Snapshot s) {
        return of(SnapshotWriter.toDocument(s, ToolVersion.get()));
    }

    /**
     * A redactor that has learned every value of a snapshot without keeping its redacted document:
     * enough for redacting reports, and on a host of 20,000 pools one copy of the snapshot less.
     */
    static SnapshotRedactor learning(Snapshot s) {
        SnapshotRedactor r = new SnapshotRedactor();
        r.learn(SnapshotWriter.toDocument(s, ToolVersion.get()));
        return r;
    }

    private static SnapshotRedactor of(SnapshotDocument d) {
        SnapshotRedactor r = new SnapshotRedactor();
        r.learn(d);
        r.redacted = r.document(d);
        return r;
    }

    private void learn(SnapshotDocument d) {
        numberFirst(d);
        // The first walk learns every value, so the second can scrub free text that mentions a value met
        // later in the document; pseudonyms do not change between the walks.
        document(d);
        names.complete();
    }

    /** The redacted snapshot document (not kept by a {@link #learning} redactor). */
    SnapshotDocument document() {
        return java.util.Objects.requireNonNull(redacted, "a learning redactor keeps no document");
    }

    /** The redacted snapshot, read back from its document. */
    Snapshot snapshot() {
        return readBack(redacted);
    }

    private static Snapshot readBack(SnapshotDocument redacted) {
        try {
            return SnapshotReader.toSnapshot(redacted, REDACTED_FILE);
        } catch (InputException e) {
            // Pseudonyms are valid names and SIDs, so only a bug gets here.
            throw new IllegalStateException("the redacted snapshot does not read back: " + e.oneLine(), e);
        }
    }

    /** The one pseudonym table of this redaction. */
    Pseudonyms names() {
        return names;
    }

    /** The machine, then pools and sites in the order listed, get the low numbers: HOST-1, pool-1, site-1. */
    private void numberFirst(SnapshotDocument d) {
        if (d.machine() != null) {
            names.of(d.machine().name(), Kind.HOST);
            names.of(d.machine().domain(), Kind.DOMAIN);
        }
        if (d.iis() != null) {
            each(d.iis().pools(), p -> names.pool(p.name()));
            each(d.iis().applications(), a -> names.of(a.site(), Kind.SITE));
        }
    }

    private SnapshotDocument document(SnapshotDocument d) {
        MachineDoc m = d.machine();
        MachineDoc machine = m == null ? null : new MachineDoc(names.of(m.name(), Kind.HOST), names.of(m.domain(), Kind.DOMAIN),
                m.osVersion(), m.iisVersion());
        return new SnapshotDocument(d.format(), d.schemaVersion(), d.tool(), machine, rights(d.rights()), iis(d.iis()),
                map(d.memberships(), this::membership), groupPolicy(d.groupPolicy()), map(d.notes(), this::note),
                events(d.events()));
    }

    /** An event log's path, like every input path, keeps only its kind; free text naming it follows. */
    private String eventFile(String name) {
        String file = canonicalFile(SourceKind.EVENT_LOG.name());
        if (name != null) {
            names.fix(name, file);
        }
        return file;
    }

    /** Events name pools, accounts and the computer: pseudonymised like everywhere else; codes are kept. */
    private SnapshotDocument.EventsDoc events(SnapshotDocument.EventsDoc e) {
        if (e == null) {
            return null;
        }
        return new SnapshotDocument.EventsDoc(
                map(e.files(), f -> new SnapshotDocument.EventFileDoc(eventFile(f.name()), f.read(), f.kept(),
                        f.complete())),
                map(e.events(), v -> new SnapshotDocument.EventDoc(v.id(), v.time(), v.recordId(),
                        names.of(v.computer(), Kind.HOST), names.pool(v.pool()), account(v.account()),
                        names.sid(v.accountSid()), v.failure(), v.code(), source(v.source()))));
    }

    private NoteDoc note(NoteDoc n) {
        SourceDoc source = source(n.source()); // first, so a message naming the note's own file reads as its source
        return new NoteDoc(n.level(), n.code(), names.text(n.message()), source);
    }

    private RightsDoc rights(RightsDoc r) {
        if (r == null) {
            return null;
        }
        List<AssignmentDoc> assignments = map(r.assignments(),
                a -> new AssignmentDoc(a.right(), source(a.source()), map(a.entries(), this::principal)));
        List<UnknownRightDoc> unknown = map(r.unknownRights(), u -> new UnknownRightDoc(u.name(), source(u.source())));
        return new RightsDoc(source(r.source()), assignments, unknown);
    }

    private IisDoc iis(IisDoc c) {
        if (c == null) {
            return null;
        }
        List<PoolDoc> pools = map(c.pools(), p -> new PoolDoc(names.pool(p.name()), p.identityType(), account(p.userName()),
                p.logonType(), p.manualGroupMembership(), p.loadUserProfile(), p.setProfileEnvironment(),
                password(p.password()), p.origins(), p.startMode(), p.autoStart(), p.managedRuntimeVersion(),
                source(p.source())));
        List<ApplicationDoc> apps = map(c.applications(), a -> new ApplicationDoc(names.of(a.site(), Kind.SITE),
                names.virtualPath(a.path()), names.pool(a.pool()), a.poolSource(), source(a.source())));
        List<CredentialDoc> credentials = map(c.credentials(), u -> new CredentialDoc(account(u.userName()),
                names.text(u.context()), u.requiredRight(), password(u.password()), source(u.source())));
        return new IisDoc(c.kind(), source(c.source()), pools, apps, credentials);
    }

    private MembershipDoc membership(MembershipDoc m) {
        return new MembershipDoc(account(m.account()), names.sid(m.sid()), map(m.groups(), this::principal), m.method(),
                m.complete(), source(m.source()), map(m.routes(), this::route));
    }

    /** A route holds SIDs and where it was read (a DC, the server): redacted as the membership's groups are. */
    private RouteDoc route(RouteDoc r) {
        return r == null ? null : new RouteDoc(names.sid(r.group()), names.sid(r.via()), source(r.source()));
    }

    private GroupPolicyDoc groupPolicy(GroupPolicyDoc g) {
        if (g == null) {
            return null;
        }
        return new GroupPolicyDoc(map(g.gpos(), this::gpo), map(g.settings(), s -> new SettingDoc(s.right(), gpo(s.gpo()),
                s.precedence(), map(s.members(), this::principal), source(s.source()))), map(g.sources(), this::source),
                map(g.gaps(), this::gap));
    }

    /** A gap keeps its reason when it is one the reader knows; its detail is scrubbed like a note's message. */
    private SnapshotDocument.GapDoc gap(SnapshotDocument.GapDoc x) {
        SourceDoc source = source(x.source());
        String reason = Arrays.stream(GpoGap.Reason.values()).map(Enum::name).anyMatch(n -> n.equals(x.reason())) ? x.reason() : null;
        return new SnapshotDocument.GapDoc(gpo(x.gpo()), reason, x.precedence(), names.text(x.detail()), source);
    }

    /** GUIDs are kept, so the customer can find the GPO to change; display names are not. */
    GpoDoc gpo(GpoDoc g) {
        if (g == null) {
            return null;
        }
        String name = g.name();
        if (name != null && !"Local Group Policy".equals(name) && !name.equalsIgnoreCase(g.id())) {
            name = names.of(name, Kind.GPO);
        }
        return new GpoDoc(g.id(), name, names.of(g.domain(), Kind.DOMAIN));
    }

    private PrincipalDoc principal(PrincipalDoc p) {
        return p == null ? null : new PrincipalDoc(names.sid(p.sid()), account(p.name()), source(p.source()));
    }

    private PasswordDoc password(PasswordDoc p) {
        if (p == null || p.provider() == null || IIS_PROVIDERS.contains(p.provider().strip().toLowerCase(Locale.ROOT))) {
            return p;
        }
        return new PasswordDoc(p.kind(), names.of(p.provider(), Kind.PROVIDER));
    }

    private SourceDoc source(SourceDoc s) {
        if (s == null) {
            return null;
        }
        String file = null;
        if (s.file() != null) {
            file = canonicalFile(s.kind());
            names.fix(s.file(), file);
        }
        return new SourceDoc(s.kind(), file, s.line(), names.text(s.element()));
    }

    /** File paths can carry user and host names: only the kind of file survives. */
    static String canonicalFile(String kind) {
        if (kind == null) {
            return null;
        }
        SourceKind k;
        try {
            k = SourceKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null; // not a snapshot the reader would accept; nothing of the path is worth keeping
        }
        return switch (k) {
            case SECEDIT_EXPORT -> "secedit.inf";
            case GPO_TEMPLATE -> "GptTmpl.inf";
            case GPRESULT -> "gpresult.xml";
            case APPLICATION_HOST -> "applicationHost.config";
            case MEMBERSHIPS -> "memberships.json";
            case SNAPSHOT -> REDACTED_FILE;
            case LSA -> "\\\\HOST";
            case REGISTRY -> "\\\\HOST\\HKLM";
            case RSOP -> "root\\rsop\\computer";
            case ACCOUNT_LOOKUP -> "account lookup";
            case EVENT_LOG -> "events.evtx";
            case COMPUTED -> null;
        };
    }

    /** Maps "DOMAIN\name", ".\name", "name" and "name@domain"; well-known and service names are kept. */
    String account(String name) {
        return name == null ? null : accounts.computeIfAbsent(name, this::mapAccount);
    }

    private String mapAccount(String name) {
        if (name.isBlank() || WellKnownSids.sidOf(name).isPresent()
                || BUILT_IN_ACCOUNTS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            return name;
        }
        String n = name.strip();
        int slash = n.indexOf('\\');
        if (slash >= 0) {
            String domain = n.substring(0, slash);
            String user = n.substring(slash + 1);
            if (domain.equalsIgnoreCase(VirtualAccounts.APP_POOL_DOMAIN)) {
                return domain + "\\" + names.pool(user);
            }
            if (domain.equalsIgnoreCase(VirtualAccounts.SERVICE_DOMAIN) || domain.equalsIgnoreCase("NT AUTHORITY")
                    || domain.equalsIgnoreCase("BUILTIN")) {
                return n;
            }
            String d = domain.equals(".") ? "." : names.of(domain, Kind.DOMAIN);
            return d + "\\" + names.of(user, Kind.ACCOUNT);
        }
        int at = n.indexOf('@');
        if (at > 0) {
            return names.of(n.substring(0, at), Kind.ACCOUNT) + "@"
                    + names.of(n.substring(at + 1), Kind.DOMAIN).toLowerCase(Locale.ROOT) + ".example";
        }
        return names.of(n, Kind.ACCOUNT);
    }

    private static <T> void each(List<T> list, Consumer<T> action) {
        if (list != null) {
            list.forEach(action);
        }
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list == null ? null : list.stream().map(f).toList();
    }
}
