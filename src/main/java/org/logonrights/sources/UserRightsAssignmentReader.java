package org.logonrights.sources;

import static org.logonrights.sources.GroupPolicyXml.BASE;
import static org.logonrights.sources.GroupPolicyXml.SECURITY;
import static org.logonrights.sources.GroupPolicyXml.TYPES;
import static org.logonrights.sources.GroupPolicyXml.childText;
import static org.logonrights.sources.GroupPolicyXml.lineRef;
import static org.logonrights.sources.GroupPolicyXml.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.Principal;
import org.logonrights.model.Privileges;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UnknownRight;
import org.logonrights.model.UserRight;
import org.w3c.dom.Element;

/**
 * Turns Security-namespace {@code UserRightsAssignment} elements into {@link GpoRightSetting}s,
 * joining each one's GPO identifier to the GPOs the report lists. Shared by the RSoP and the
 * Get-GPOReport shapes, which differ only in where the GPO comes from.
 */
final class UserRightsAssignmentReader {

    static final String LOCAL_GPO_ID = "LocalGPO";
    static final String LOCAL_GPO_NAME = "Local Group Policy";
    private static final GpoInfo UNKNOWN_GPO = new GpoInfo(null, "unknown GPO", null);

    private final String file;
    private final Map<String, GpoInfo> gposById = new LinkedHashMap<>();
    private final GpoInfo defaultGpo;
    private final List<InputNote> notes;
    private final List<GpoRightSetting> settings = new ArrayList<>();
    private final List<UnknownRight> unknownRights = new ArrayList<>();
    private final Set<String> unlistedGposNoted = new HashSet<>();

    /**
     * @param gpos the GPOs the report lists, to join setting identifiers against
     * @param defaultGpo the GPO of a setting that names none (the report's own GPO), or null
     */
    UserRightsAssignmentReader(String file, List<GpoInfo> gpos, GpoInfo defaultGpo, List<InputNote> notes) {
        this.file = file;
        this.defaultGpo = defaultGpo;
        this.notes = notes;
        for (GpoInfo g : gpos) {
            if (g.normalizedId() != null) {
                gposById.putIfAbsent(g.normalizedId(), g);
            }
        }
    }

    List<GpoRightSetting> settings() {
        return settings;
    }

    List<UnknownRight> unknownRights() {
        return unknownRights;
    }

    void read(Element ura) throws InputException {
        int line = SecureXml.lineOf(ura);
        String rightName = childText(ura, SECURITY, "Name");
        if (rightName == null) {
            note(Level.WARNING, "right-name-missing", "a UserRightsAssignment has no <Name>; skipped",
                    provenance(line, "UserRightsAssignment"));
            return;
        }
        Optional<UserRight> right = UserRight.fromConstantName(rightName);
        if (right.isEmpty()) {
            if (!Privileges.isKnownPrivilege(rightName)) {
                Provenance p = provenance(line, "UserRightsAssignment[" + rightName + "]");
                unknownRights.add(new UnknownRight(rightName, p));
                note(Level.INFO, "unknown-right",
                        "'" + rightName + "' is neither a logon right nor a known privilege; ignored", p);
            }
            return;
        }
        String element = "UserRightsAssignment[" + right.get().constantName() + "]";
        int precedence = precedence(ura, element);
        GpoInfo gpo = gpo(ura, line, element);
        settings.add(new GpoRightSetting(right.get(), gpo, precedence, members(ura, element),
                provenance(line, element)));
    }

    private int precedence(Element ura, String element) throws InputException {
        Element p = SecureXml.child(ura, BASE, "Precedence");
        if (p == null) {
            return 1;
        }
        String value = text(p);
        try {
            int n = Integer.parseInt(value == null ? "" : value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a zero or negative value
        }
        throw new InputException(file, lineRef(p),
                element + ": <Precedence> must be a whole number of 1 or more, found '" + (value == null ? "" : value) + "'");
    }

    private GpoInfo gpo(Element ura, int line, String element) {
        Element ref = SecureXml.child(ura, BASE, "GPO");
        String id = childText(ref, TYPES, "Identifier");
        String domain = childText(ref, TYPES, "Domain");
        if (id == null) {
            if (defaultGpo != null) {
                return defaultGpo;
            }
            note(Level.WARNING, "setting-without-gpo", element + " names no GPO", provenance(line, element));
            return UNKNOWN_GPO;
        }
        GpoInfo listed = gposById.get(id.toUpperCase(Locale.ROOT));
        if (listed != null) {
            return listed;
        }
        if (id.equalsIgnoreCase(LOCAL_GPO_ID)) {
            return new GpoInfo(id, LOCAL_GPO_NAME, domain);
        }
        if (unlistedGposNoted.add(id.toUpperCase(Locale.ROOT))) {
            note(Level.INFO, "gpo-not-listed", element + " comes from GPO " + id
                    + ", which the report does not list; its display name is unknown", provenance(line, element));
        }
        return new GpoInfo(id, null, domain);
    }

    private List<RightEntry> members(Element ura, String element) throws InputException {
        List<RightEntry> members = new ArrayList<>();
        for (Element m : SecureXml.children(ura, SECURITY, "Member")) {
            Element sidElement = SecureXml.child(m, TYPES, "SID");
            String sidText = text(sidElement);
            String name = childText(m, TYPES, "Name");
            Provenance p = provenance(SecureXml.lineOf(m), element);
            if (sidText == null && name == null) {
                note(Level.WARNING, "member-without-identity",
                        element + ": a <Member> has neither <SID> nor <Name>; skipped", p);
                continue;
            }
            Sid sid = null;
            if (sidText != null) {
                try {
                    sid = Sid.parse(sidText);
                } catch (IllegalArgumentException e) {
                    throw new InputException(file, lineRef(sidElement), element + ": <SID> of a <Member>: " + e.getMessage());
                }
            }
            members.add(new RightEntry(new Principal(sid, name), p));
        }
        return members;
    }

    private Provenance provenance(int line, String element) {
        return new Provenance(SourceKind.GPRESULT, file, line, element);
    }

    private void note(Level level, String code, String message, Provenance p) {
        notes.add(new InputNote(level, code, message, p));
    }
}
