package org.logonrights.platform.windows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.Principal;
import org.logonrights.model.Privileges;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * Reads which GPO defines each logon right from the computer's Resultant Set of Policy over WMI
 * (docs/windows-facts.md §7.4, docs/input-formats.md §2.6): {@code RSOP_UserPrivilegeRight} (UserRight, AccountList,
 * precedence, GPOID) joined to {@code RSOP_GPO} (id, name, guidName) in {@code root\rsop\computer}.
 *
 * <p>AccountList entries become name-only principals, exactly like gpresult's Name-only members
 * ({@code *S-1-…} entries become SIDs). Never fails: when RSoP cannot be read (namespace missing,
 * access denied, logging turned off) the result has no Group Policy and a note that says why, and
 * the audit reports GPO ownership as unknown.
 */
public final class LiveGroupPolicyReader {

    public static final String NAMESPACE = "root\\rsop\\computer";
    static final String RIGHTS_CLASS = "RSOP_UserPrivilegeRight";
    static final String GPO_CLASS = "RSOP_GPO";
    static final List<String> RIGHT_PROPERTIES = List.of("UserRight", "AccountList", "precedence", "GPOID");
    static final List<String> GPO_PROPERTIES = List.of("id", "name", "guidName");
    static final String LOCAL_GPO_ID = "LocalGPO";
    static final String LOCAL_GPO_NAME = "Local Group Policy";

    private static final Pattern GUID = Pattern.compile("\\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}}");
    private static final Pattern DC = Pattern.compile("(?i)(?:^|,)\\s*DC=([^,]+)");

    private final WmiClient wmi;
    private final List<InputNote> notes = new ArrayList<>();
    private final Set<String> unlistedNoted = new HashSet<>();

    public LiveGroupPolicyReader(WmiClient wmi) {
        this.wmi = Objects.requireNonNull(wmi, "wmi");
    }

    /**
     * Reads this machine's RSoP through COM (loaded on this first use).
     *
     * @throws UnsupportedOperationException when not running on Windows
     */
    public static GroupPolicyResult readLocal() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("reading RSoP needs Windows (running on " + os + ")");
        }
        return new LiveGroupPolicyReader(new ComWmiClient()).read();
    }

    public GroupPolicyResult read() {
        notes.clear();
        unlistedNoted.clear();
        List<WmiObject> gpoRows;
        List<WmiObject> rightRows;
        try {
            gpoRows = wmi.query(NAMESPACE, GPO_CLASS, GPO_PROPERTIES);
            rightRows = wmi.query(NAMESPACE, RIGHTS_CLASS, RIGHT_PROPERTIES);
        } catch (WmiException e) {
            return unknown(reason(e));
        }
        if (gpoRows.isEmpty()) {
            return unknown("RSoP lists no Group Policy object for this computer, so its data cannot be trusted to be "
                    + "complete (RSoP logging may be turned off, or policy has never been applied)");
        }
        try {
            return new GroupPolicyResult(map(gpoRows, rightRows), notes);
        } catch (IllegalArgumentException e) {
            return unknown("RSoP answered with a value that cannot be read: " + e.getMessage());
        }
    }

    private static String reason(WmiException e) {
        if (e.isAccessDenied()) {
            return "access to " + NAMESPACE + " was denied (" + e.getMessage() + "); run logonrights from an elevated prompt";
        }
        if (e.isMissing()) {
            return "the RSoP namespace " + NAMESPACE + " or its classes are not available (" + e.getMessage()
                    + "); RSoP logging may be turned off, or Group Policy has never been applied";
        }
        return "reading RSoP over WMI failed: " + e.getMessage();
    }

    private GroupPolicyResult unknown(String reason) {
        List<InputNote> out = new ArrayList<>(notes);
        out.add(new InputNote(Level.WARNING, "gpo-ownership-unknown", "GPO ownership is unknown: " + reason + ". "
                + "Whether a GPO defines a logon right (and will overwrite local grants at the next refresh) cannot be "
                + "said; to add it, export gpresult /scope computer /x gpresult.xml and audit offline with --gpresult.",
                Provenance.of(SourceKind.RSOP, NAMESPACE)));
        return new GroupPolicyResult(null, out);
    }

    private GroupPolicy map(List<WmiObject> gpoRows, List<WmiObject> rightRows) {
        Map<String, GpoInfo> byId = new LinkedHashMap<>();
        for (WmiObject row : gpoRows) {
            String id = row.string("id");
            if (id == null || id.isBlank()) {
                continue;
            }
            byId.putIfAbsent(key(id), gpo(id, row.string("name"), row.string("guidName")));
        }
        List<GpoInfo> gpos = new ArrayList<>(byId.values());
        List<GpoRightSetting> settings = new ArrayList<>();
        for (WmiObject row : rightRows) {
            setting(row, byId, gpos).ifPresent(settings::add);
        }
        gpos.sort(Comparator.comparing(GpoInfo::label, String.CASE_INSENSITIVE_ORDER));
        settings.sort(Comparator.comparing(GpoRightSetting::right).thenComparingInt(GpoRightSetting::precedence)
                .thenComparing(s -> s.gpo().label(), String.CASE_INSENSITIVE_ORDER));
        return new GroupPolicy(gpos, settings, List.of(Provenance.of(SourceKind.RSOP, NAMESPACE)));
    }

    private Optional<GpoRightSetting> setting(WmiObject row, Map<String, GpoInfo> byId, List<GpoInfo> gpos) {
        String name = row.string("UserRight");
        Provenance where = new Provenance(SourceKind.RSOP, NAMESPACE, 0, RIGHTS_CLASS + "[" + name + "]");
        Optional<UserRight> right = UserRight.fromConstantName(name == null ? "" : name.strip());
        if (right.isEmpty()) {
            if (name == null || !Privileges.isKnownPrivilege(name.strip())) {
                notes.add(new InputNote(Level.INFO, "unknown-right", "'" + name
                        + "' is neither a logon right nor a known privilege; ignored", where));
            }
            return Optional.empty();
        }
        Integer precedence = row.integer("precedence");
        if (precedence == null || precedence < 1) {
            notes.add(new InputNote(Level.WARNING, "rsop-bad-precedence", RIGHTS_CLASS + " for " + name
                    + " has precedence " + precedence + " (RSoP numbers winners from 1); the setting is ignored", where));
            return Optional.empty();
        }
        where = where.withElement(RIGHTS_CLASS + "[" + right.get().constantName() + ", precedence " + precedence + "]");
        GpoInfo gpo = gpoOf(row.string("GPOID"), byId, gpos, where);
        List<RightEntry> members = new ArrayList<>();
        for (String entry : row.strings("AccountList")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            Principal p = e.startsWith("*") ? Sid.tryParse(e).map(Principal::ofSid).orElse(Principal.ofName(e))
                    : Principal.ofName(e);
            members.add(new RightEntry(p, where));
        }
        return Optional.of(new GpoRightSetting(right.get(), gpo, precedence, members, where));
    }

    private GpoInfo gpoOf(String gpoId, Map<String, GpoInfo> byId, List<GpoInfo> gpos, Provenance where) {
        if (gpoId == null || gpoId.isBlank()) {
            notes.add(new InputNote(Level.WARNING, "setting-without-gpo", where.element() + " names no GPO", where));
            return new GpoInfo(null, "unknown GPO", null);
        }
        GpoInfo listed = byId.get(key(gpoId));
        if (listed != null) {
            return listed;
        }
        GpoInfo g = gpo(gpoId, null, null);
        if (unlistedNoted.add(key(gpoId))) {
            gpos.add(g);
            notes.add(new InputNote(Level.INFO, "gpo-not-listed", where.element() + " comes from GPO " + gpoId
                    + ", which RSOP_GPO does not list; its display name is unknown", where));
        }
        return g;
    }

    /** A GPO from its RSoP id (a DS path, or LocalGPO), display name and {GUID}. */
    static GpoInfo gpo(String id, String name, String guidName) {
        String displayName = blankToNull(name);
        if (id.strip().equalsIgnoreCase(LOCAL_GPO_ID)) {
            return new GpoInfo(LOCAL_GPO_ID, displayName == null ? LOCAL_GPO_NAME : displayName, null);
        }
        String guid = blankToNull(guidName);
        if (guid == null) {
            Matcher m = GUID.matcher(id);
            guid = m.find() ? m.group() : id.strip();
        }
        return new GpoInfo(guid, displayName, dnsDomain(id));
    }

    /** {@code contoso.com} from {@code CN={…},CN=Policies,CN=System,DC=contoso,DC=com}, or null. */
    static String dnsDomain(String dsPath) {
        Matcher m = DC.matcher(dsPath);
        List<String> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(m.group(1).strip());
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }

    private static String key(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
