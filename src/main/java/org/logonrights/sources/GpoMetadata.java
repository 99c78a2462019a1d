package org.logonrights.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
import org.w3c.dom.Element;

/**
 * Finds which GPO a {@code GptTmpl.inf} belongs to from the files around it: the {@code {GUID}}
 * folder of a SYSVOL policy or a GPMC backup, the backup's {@code bkupInfo.xml} and
 * {@code Backup.xml}, and {@code gpt.ini} (docs/input-formats.md §1.1, §2.4).
 *
 * <p>In a GPMC backup the {@code {GUID}} folder is the <em>backup</em> id; the GPO's own GUID is in
 * {@code bkupInfo.xml} ({@code GPOGuid}) and {@code Backup.xml} ({@code GroupPolicyCoreSettings/ID}).
 */
public final class GpoMetadata {

    static final String MANIFEST_NS = "http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest";
    static final String BACKUP_NS = "http://www.microsoft.com/GroupPolicy/GPOOperations";
    private static final Pattern GUID = Pattern.compile(
            "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");
    /** Folders from the template up to {@code Machine}, innermost first; Windows compares them case-insensitively. */
    private static final List<String> MACHINE_PATH = List.of("SecEdit", "Windows NT", "Microsoft", "Machine");

    private GpoMetadata() {
    }

    /** What one metadata file said; any field may be null. */
    private record Identity(String guid, String displayName, String domain) {
        static final Identity NONE = new Identity(null, null, null);

        Identity orElse(Identity other) {
            return new Identity(guid != null ? guid : other.guid, displayName != null ? displayName : other.displayName,
                    domain != null ? domain : other.domain);
        }
    }

    /**
     * The GPO a template belongs to. Never fails: without metadata the GPO keeps its folder GUID,
     * and its display name is the template's path. Metadata files are read within the size limit.
     */
    public static Parsed<GpoInfo> forTemplate(Path gptTmpl, InputFiles files) {
        String label = gptTmpl.toString();
        List<InputNote> notes = new ArrayList<>();
        Path machineParent = machineParent(gptTmpl.toAbsolutePath().normalize());
        if (machineParent == null) {
            notes.add(note(Level.INFO, "gpo-identity-unknown", "the template is not inside a GPO folder"
                    + " ({GUID}\\Machine\\Microsoft\\Windows NT\\SecEdit); it is labelled by its path", label));
            return new Parsed<>(new GpoInfo(null, label, null), notes);
        }
        boolean inBackup = isNamed(machineParent, "GPO");
        Path root = inBackup ? gpoFolderOfBackup(machineParent) : machineParent;
        String folderGuid = guidName(root);

        Identity found = bkupInfo(root, files, notes);
        if (found.guid() == null || found.displayName() == null) {
            found = found.orElse(backupXml(root, files, notes));
        }
        if (found.displayName() == null) {
            found = found.orElse(gptIni(machineParent, files, notes));
        }
        String id = found.guid() != null ? found.guid() : folderGuid;
        if (found.guid() == null && inBackup && folderGuid != null) {
            notes.add(note(Level.INFO, "gpo-guid-unknown", "no bkupInfo.xml or Backup.xml gives the GPO's GUID;"
                    + " " + folderGuid + " is the backup folder's id, which is not the GPO's GUID", label));
        }
        String displayName = found.displayName();
        if (displayName == null) {
            notes.add(note(Level.INFO, "gpo-name-unknown", "no bkupInfo.xml, Backup.xml or gpt.ini gives the GPO's"
                    + " display name; it is labelled by the template's path", label));
            displayName = label;
        }
        return new Parsed<>(new GpoInfo(id, displayName, found.domain()), notes);
    }

    /** The folder holding {@code Machine}, when the template sits in {@code Machine\Microsoft\Windows NT\SecEdit}. */
    private static Path machineParent(Path template) {
        Path p = template.getParent();
        for (String expected : MACHINE_PATH) {
            if (p == null || !isNamed(p, expected)) {
                return null;
            }
            p = p.getParent();
        }
        return p;
    }

    /** {@code {backup}\DomainSysvol\GPO} (GPMC) or {@code {GUID}\GPO} (older exports): the folder above. */
    private static Path gpoFolderOfBackup(Path gpoDir) {
        Path up = gpoDir.getParent();
        return up != null && isNamed(up, "DomainSysvol") && up.getParent() != null ? up.getParent() : up;
    }

    private static Identity bkupInfo(Path root, InputFiles files, List<InputNote> notes) {
        Element e = readXml(root, "bkupInfo.xml", MANIFEST_NS, "BackupInst", files, notes);
        if (e == null) {
            return Identity.NONE;
        }
        return new Identity(guid(GroupPolicyXml.childText(e, MANIFEST_NS, "GPOGuid")),
                GroupPolicyXml.childText(e, MANIFEST_NS, "GPODisplayName"),
                GroupPolicyXml.childText(e, MANIFEST_NS, "GPODomain"));
    }

    /** {@code GroupPolicyBackupScheme/GroupPolicyObject/GroupPolicyCoreSettings/{ID,Domain,DisplayName}}. */
    private static Identity backupXml(Path root, InputFiles files, List<InputNote> notes) {
        Element e = readXml(root, "Backup.xml", BACKUP_NS, "GroupPolicyBackupScheme", files, notes);
        Element gpo = e == null ? null : SecureXml.child(e, BACKUP_NS, "GroupPolicyObject");
        Element core = gpo == null ? null : SecureXml.child(gpo, BACKUP_NS, "GroupPolicyCoreSettings");
        if (core == null) {
            return Identity.NONE;
        }
        return new Identity(guid(GroupPolicyXml.childText(core, BACKUP_NS, "ID")),
                GroupPolicyXml.childText(core, BACKUP_NS, "DisplayName"),
                GroupPolicyXml.childText(core, BACKUP_NS, "Domain"));
    }

    /**
     * {@code displayName=} under {@code [General]}. Believed to be written when the GPO is created and
     * not updated on rename, so the name is flagged as coming from here.
     */
    private static Identity gptIni(Path dir, InputFiles files, List<InputNote> notes) {
        Path ini = find(dir, "gpt.ini");
        if (ini == null) {
            return Identity.NONE;
        }
        String text;
        try {
            text = files.readText(ini).text();
        } catch (InputException e) {
            notes.add(note(Level.WARNING, "gpo-metadata-unreadable", e.oneLine(), ini.toString()));
            return Identity.NONE;
        }
        boolean general = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("[")) {
                general = line.equalsIgnoreCase("[General]");
            } else if (general && eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("displayName")) {
                String value = line.substring(eq + 1).strip();
                if (!value.isEmpty()) {
                    notes.add(note(Level.INFO, "gpo-name-from-gpt-ini", "display name '" + value
                            + "' comes from gpt.ini, which may predate a rename", ini.toString()));
                    return new Identity(null, value, null);
                }
            }
        }
        return Identity.NONE;
    }

    /** The root element of {@code dir/name} when it is {@code {ns}rootName}; null (with a note if broken) otherwise. */
    private static Element readXml(Path dir, String name, String ns, String rootName, InputFiles files,
                                   List<InputNote> notes) {
        Path file = find(dir, name);
        if (file == null) {
            return null;
        }
        try {
            Element root = SecureXml.parse(files.readText(file).text(), file.toString()).getDocumentElement();
            if (GroupPolicyXml.is(root, ns, rootName)) {
                return root;
            }
            notes.add(note(Level.WARNING, "gpo-metadata-unreadable", file + ": root element is "
                    + GroupPolicyXml.describe(root) + ", expected <" + rootName + ">; ignored", file.toString()));
        } catch (InputException e) {
            notes.add(note(Level.WARNING, "gpo-metadata-unreadable", e.oneLine() + "; ignored", file.toString()));
        }
        return null;
    }

    /** The entry of {@code dir} named {@code name} in any case (real backups have {@code Bkupinfo.xml}). */
    private static Path find(Path dir, String name) {
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().equalsIgnoreCase(name) && Files.isRegularFile(p))
                    .sorted().findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isNamed(Path p, String name) {
        Path file = p.getFileName();
        return file != null && file.toString().equalsIgnoreCase(name);
    }

    private static String guidName(Path dir) {
        Path file = dir == null ? null : dir.getFileName();
        return file == null ? null : guid(file.toString());
    }

    private static String guid(String text) {
        return text != null && GUID.matcher(text.strip()).matches() ? text.strip() : null;
    }

    private static InputNote note(Level level, String code, String message, String file) {
        return new InputNote(level, code, message, Provenance.of(SourceKind.GPO_TEMPLATE, file));
    }
}
