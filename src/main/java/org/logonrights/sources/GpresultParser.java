package org.logonrights.sources;

import static org.logonrights.sources.GroupPolicyXml.RSOP;
import static org.logonrights.sources.GroupPolicyXml.SECURITY;
import static org.logonrights.sources.GroupPolicyXml.SETTINGS;
import static org.logonrights.sources.GroupPolicyXml.TYPES;
import static org.logonrights.sources.GroupPolicyXml.childText;
import static org.logonrights.sources.GroupPolicyXml.descendants;
import static org.logonrights.sources.GroupPolicyXml.is;
import static org.logonrights.sources.GroupPolicyXml.lineRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.w3c.dom.Element;

/**
 * Reads the computer logon rights out of a {@code gpresult /scope computer /x} RSoP report (root
 * {@code Rsop}, logging or planning data) or a {@code Get-GPOReport -ReportType Xml} file (root
 * {@code GPO}, one GPO's own definition). See docs/input-formats.md §2.
 */
public final class GpresultParser {

    /** The Security client-side extension; its status says whether user rights were applied. */
    private static final String SECURITY_CSE = "{827D319E-6EAC-11D2-A4EA-00C04F79F83A}";

    private GpresultParser() {
    }

    /** Reads (within the size limit) and parses a report file, sniffing its encoding from the bytes. */
    public static Parsed<GpresultReport> parse(Path file, InputFiles files) throws InputException {
        DecodedText decoded = files.readText(file);
        Parsed<GpresultReport> parsed = parse(decoded.text(), file.toString());
        if (decoded.warning() == null) {
            return parsed;
        }
        List<InputNote> notes = new ArrayList<>();
        notes.add(new InputNote(Level.WARNING, "encoding-guessed", decoded.warning(),
                Provenance.of(SourceKind.GPRESULT, file.toString())));
        notes.addAll(parsed.notes());
        return new Parsed<>(parsed.value(), notes);
    }

    /** Parses already-decoded report text; {@code fileName} names the input in provenance and errors. */
    public static Parsed<GpresultReport> parse(String decodedText, String fileName) throws InputException {
        Element root = SecureXml.parse(decodedText, fileName).getDocumentElement();
        if (is(root, RSOP, "Rsop")) {
            return readRsop(root, fileName);
        }
        if (is(root, SETTINGS, "GPO")) {
            return readGpoReport(root, fileName);
        }
        throw new InputException(fileName, lineRef(root), "not a gpresult report: root element is "
                + GroupPolicyXml.describe(root) + ", expected <Rsop> or <GPO>");
    }

    private static Parsed<GpresultReport> readRsop(Element root, String file) throws InputException {
        Element computer = SecureXml.child(root, RSOP, "ComputerResults");
        if (computer == null) {
            throw new InputException(file, lineRef(root), "the report has no <ComputerResults>:"
                    + " capture it elevated with gpresult /scope computer /x");
        }
        List<InputNote> notes = new ArrayList<>();
        if ("PlanningData".equalsIgnoreCase(childText(root, RSOP, "DataType"))) {
            notes.add(new InputNote(Level.WARNING, "planning-data", "this is a Group Policy Modeling report"
                    + " (PlanningData): it shows simulated policy, not what was applied", at(file, root)));
        }
        checkSecurityExtension(computer, file, notes);
        List<GpoInfo> gpos = listedGpos(computer);
        UserRightsAssignmentReader reader = new UserRightsAssignmentReader(file, gpos, null, notes);
        List<Element> assignments = descendants(computer, SECURITY, "UserRightsAssignment");
        for (Element ura : assignments) {
            reader.read(ura);
        }
        return result(file, gpos, reader, assignments.isEmpty(), machine(computer), notes, computer);
    }

    private static Parsed<GpresultReport> readGpoReport(Element root, String file) throws InputException {
        Element identifier = SecureXml.child(root, SETTINGS, "Identifier");
        String id = childText(identifier, TYPES, "Identifier");
        String domain = childText(identifier, TYPES, "Domain");
        String name = childText(root, SETTINGS, "Name");
        if (id == null && name == null) {
            throw new InputException(file, lineRef(root), "GPO report has neither <Identifier> nor <Name>");
        }
        GpoInfo gpo = new GpoInfo(id, name, domain);
        List<InputNote> notes = new ArrayList<>();
        Element computer = SecureXml.child(root, SETTINGS, "Computer");
        if (computer != null && "false".equalsIgnoreCase(childText(computer, SETTINGS, "Enabled"))) {
            notes.add(new InputNote(Level.WARNING, "computer-settings-disabled", "the computer half of GPO "
                    + gpo.label() + " is disabled, so none of its user rights apply", at(file, computer)));
        }
        UserRightsAssignmentReader reader = new UserRightsAssignmentReader(file, List.of(gpo), gpo, notes);
        List<Element> assignments = computer == null ? List.of()
                : descendants(computer, SECURITY, "UserRightsAssignment");
        for (Element ura : assignments) {
            reader.read(ura);
        }
        return result(file, List.of(gpo), reader, assignments.isEmpty(), MachineInfo.UNKNOWN, notes, root);
    }

    private static Parsed<GpresultReport> result(String file, List<GpoInfo> gpos, UserRightsAssignmentReader reader,
                                                 boolean noAssignments, MachineInfo machine, List<InputNote> notes,
                                                 Element scope) {
        if (noAssignments) {
            notes.add(new InputNote(Level.INFO, "no-user-rights",
                    "the report has no UserRightsAssignment: no GPO in it defines a user right", at(file, scope)));
        } else if (reader.settings().isEmpty()) {
            notes.add(new InputNote(Level.INFO, "no-logon-rights",
                    "the report assigns privileges only: no GPO in it defines a logon right", at(file, scope)));
        }
        GroupPolicy policy = new GroupPolicy(gpos, reader.settings(), List.of(Provenance.of(SourceKind.GPRESULT, file)));
        return new Parsed<>(new GpresultReport(policy, machine, reader.unknownRights()), notes);
    }

    /** The GPOs in {@code ComputerResults}, once each (GUIDs compared case-insensitively). */
    private static List<GpoInfo> listedGpos(Element computer) {
        Map<String, GpoInfo> byId = new LinkedHashMap<>();
        List<GpoInfo> withoutId = new ArrayList<>();
        for (Element g : SecureXml.children(computer, RSOP, "GPO")) {
            Element path = SecureXml.child(g, RSOP, "Path");
            String id = childText(path, TYPES, "Identifier");
            String name = childText(g, RSOP, "Name");
            if (name == null && UserRightsAssignmentReader.LOCAL_GPO_ID.equalsIgnoreCase(id)) {
                name = UserRightsAssignmentReader.LOCAL_GPO_NAME;
            }
            if (id == null && name == null) {
                continue;
            }
            GpoInfo gpo = new GpoInfo(id, name, childText(path, TYPES, "Domain"));
            if (id == null) {
                withoutId.add(gpo);
            } else {
                byId.putIfAbsent(gpo.normalizedId(), gpo);
            }
        }
        List<GpoInfo> all = new ArrayList<>(byId.values());
        all.addAll(withoutId);
        return all;
    }

    /** {@code ComputerResults/Name} is the machine account, {@code DOMAIN\HOST$}; it is empty in planning data. */
    private static MachineInfo machine(Element computer) {
        String account = childText(computer, RSOP, "Name");
        String name = null;
        String domain = null;
        if (account != null) {
            int slash = account.lastIndexOf('\\');
            name = account.substring(slash + 1);
            if (name.endsWith("$")) {
                name = name.substring(0, name.length() - 1);
            }
            domain = slash > 0 ? account.substring(0, slash) : null;
        }
        if (domain == null) {
            domain = childText(computer, RSOP, "Domain");
        }
        return new MachineInfo(name == null || name.isBlank() ? null : name, domain, null, null);
    }

    private static void checkSecurityExtension(Element computer, String file, List<InputNote> notes) {
        for (Element status : SecureXml.children(computer, RSOP, "ExtensionStatus")) {
            boolean security = "Security".equalsIgnoreCase(childText(status, RSOP, "Name"))
                    || SECURITY_CSE.equalsIgnoreCase(childText(status, RSOP, "Identifier"));
            if (!security) {
                continue;
            }
            String logging = childText(status, RSOP, "LoggingStatus");
            String error = childText(status, RSOP, "Error");
            boolean complete = logging == null || logging.equalsIgnoreCase("Complete");
            boolean noError = error == null || error.matches("0+|0[xX]0+");
            if (!complete || !noError) {
                notes.add(new InputNote(Level.WARNING, "security-cse-incomplete",
                        "the Security extension did not complete (LoggingStatus " + logging + ", Error " + error
                                + "): the user rights in force may differ from this report", at(file, status)));
            }
        }
    }

    private static Provenance at(String file, Element e) {
        return new Provenance(SourceKind.GPRESULT, file, SecureXml.lineOf(e), e.getLocalName());
    }
}
