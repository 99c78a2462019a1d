package org.logonrights.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.logonrights.model.GpoGap;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.remote.GpoHistory;
import org.logonrights.platform.remote.RemoteFiles;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteLsaException;
import org.logonrights.sources.DecodedText;
import org.logonrights.sources.Parsed;
import org.logonrights.sources.SecurityTemplate;
import org.logonrights.sources.SecurityTemplateParser;
import org.logonrights.sources.TextDecoder;

/**
 * Which GPOs own the logon rights of a remote machine (docs/group-policy.md, "Remote audits"): the
 * GPOs its Security extension applied, from its registry's Group Policy history, ordered as applied
 * (the highest subkey number last, so first in precedence), each GPO's {@code GptTmpl.inf} read from
 * SYSVOL on a DC and parsed as a {@code --gpo-template} is. Whatever cannot be read becomes a
 * {@link GpoGap} and a note naming the GPO: the rights it may define have no known owner.
 * One instance per audited host; it holds no state beyond that read.
 */
final class RemoteGroupPolicy {

    /** Note codes, one per kind of gap, and the note on how precedence was inferred. */
    static final String NOTE_ORDER = "gpo-order-from-history";
    static final String NOTE_HISTORY_UNREADABLE = "gpo-history-unreadable";
    static final String NOTE_HISTORY_MISSING = "gpo-history-missing";
    static final String NOTE_TEMPLATE_UNREADABLE = "gpo-template-unreadable";
    static final String NOTE_DELETED = "gpo-deleted";
    static final String NOTE_NOT_FOLLOWED = "gpo-path-not-followed";
    /** The Security extension's template inside a GPO folder (MS-GPSB 2.2). */
    static final String TEMPLATE = "Machine\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf";
    private static final Pattern GUID = Pattern.compile(
            "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");

    /** Opens the files of the DC that serves the domain's SYSVOL; called at most once, only when a GPO needs it. */
    @FunctionalInterface
    interface SysvolOpener {
        RemoteFiles open() throws RemoteLsaException;
    }

    private final RemoteLsa lsa;
    private final String uncHost;
    private final String dnsDomain;
    private final String netbiosDomain;
    private final SysvolOpener opener;
    private final long maxBytes;
    private RemoteFiles sysvol;
    private RemoteLsaException sysvolFailure;

    /**
     * @param dnsDomain the target's DNS domain, null for a workgroup machine
     * @param netbiosDomain its domain's NetBIOS name, or null
     */
    RemoteGroupPolicy(RemoteLsa lsa, String uncHost, String dnsDomain, String netbiosDomain, SysvolOpener opener,
                      long maxBytes) {
        this.lsa = lsa;
        this.uncHost = uncHost;
        this.dnsDomain = dnsDomain;
        this.netbiosDomain = netbiosDomain;
        this.opener = opener;
        this.maxBytes = maxBytes;
    }

    /** Reads the applied GPOs and their templates; never fails, adding a note for each gap. */
    GroupPolicy read(List<InputNote> notes) {
        Provenance registry = Provenance.of(SourceKind.REGISTRY, uncHost + "\\HKLM\\" + GpoHistory.SECURITY_EXTENSION_KEY);
        GpoHistory history;
        try {
            history = lsa.groupPolicyHistory();
        } catch (RemoteLsaException e) {
            GpoGap.Reason reason = switch (e.reason()) {
                case ACCESS_DENIED -> GpoGap.Reason.REGISTRY_DENIED;
                case SERVICE_NOT_RUNNING -> GpoGap.Reason.REMOTE_REGISTRY_STOPPED;
                default -> GpoGap.Reason.REGISTRY_UNREADABLE;
            };
            notes.add(new InputNote(InputNote.Level.WARNING, NOTE_HISTORY_UNREADABLE, "which GPOs apply here is unknown: "
                    + e.getMessage() + "; who owns each logon right is unknown (collect gpresult /x on the server and"
                    + " audit it offline with --gpresult)", registry));
            return new GroupPolicy(List.of(), List.of(), List.of(registry), List.of(new GpoGap(null, reason, 0, registry,
                    e.getMessage())));
        }
        if (!history.found() || history.entries().isEmpty()) {
            if (dnsDomain == null) {
                return new GroupPolicy(List.of(), List.of(), List.of(registry)); // a workgroup machine: only local policy
            }
            String detail = "the registry lists no GPO applied by the Security extension, though " + uncHost
                    + " belongs to " + dnsDomain;
            notes.add(new InputNote(InputNote.Level.WARNING, NOTE_HISTORY_MISSING, detail + "; who owns each logon right is"
                    + " unknown (collect gpresult /x on the server and audit it offline with --gpresult)", registry));
            return new GroupPolicy(List.of(), List.of(), List.of(registry),
                    List.of(new GpoGap(null, GpoGap.Reason.NO_HISTORY, 0, registry, detail)));
        }
        List<GpoHistory.Entry> applied = history.entries();
        List<GpoInfo> gpos = new ArrayList<>();
        List<GpoRightSetting> settings = new ArrayList<>();
        List<Provenance> sources = new ArrayList<>(List.of(registry));
        List<GpoGap> gaps = new ArrayList<>();
        for (int i = applied.size() - 1; i >= 0; i--) {
            GpoHistory.Entry entry = applied.get(i);
            int precedence = applied.size() - i; // the last applied wins (precedence 1)
            Provenance key = registry.withElement(Integer.toString(entry.index()));
            if (isLocalGpo(entry)) {
                continue; // its security settings are the local policy itself, which LSA already shows
            }
            GpoInfo gpo = gpo(entry, key);
            gpos.add(gpo);
            readTemplate(entry, gpo, precedence, key, settings, sources, gaps, notes);
        }
        if (applied.size() > 1) {
            notes.add(new InputNote(InputNote.Level.INFO, NOTE_ORDER, "GPO precedence is taken from the order of the"
                    + " numbered subkeys under " + registry.file() + " (the highest applied last, so it wins); that the"
                    + " numbering is the order of application is not documented (docs/group-policy.md)", registry));
        }
        return new GroupPolicy(gpos, settings, sources, gaps);
    }

    private void readTemplate(GpoHistory.Entry entry, GpoInfo gpo, int precedence, Provenance key,
                              List<GpoRightSetting> settings, List<Provenance> sources, List<GpoGap> gaps,
                              List<InputNote> notes) {
        SysvolPath path = SysvolPath.parse(entry.fileSysPath(), dnsDomain, netbiosDomain);
        if (path.refusal() != null) {
            gap(gaps, notes, NOTE_NOT_FOLLOWED, new GpoGap(gpo, GpoGap.Reason.PATH_NOT_FOLLOWED, precedence, key,
                    "its FileSysPath '" + entry.fileSysPath() + "' " + path.refusal() + ", so it was not followed"));
            return;
        }
        String file = path.templateUnc();
        Provenance where = Provenance.of(SourceKind.GPO_TEMPLATE, file);
        byte[] bytes;
        try {
            RemoteFiles files = sysvol();
            try {
                bytes = files.readFile(path.share(), path.templatePath(), maxBytes);
            } catch (RemoteLsaException e) {
                if (e.reason() != RemoteLsaException.Reason.NOT_FOUND) {
                    throw e;
                }
                if (files.folderExists(path.share(), path.folder())) {
                    addSource(sources, where);
                    return; // a GPO without a security template defines no user rights
                }
                gap(gaps, notes, NOTE_DELETED, new GpoGap(gpo, GpoGap.Reason.GPO_DELETED, precedence, where,
                        "it is listed as applied, but its folder " + path.folderUnc() + " does not exist on "
                        + files.unc() + " (deleted since the last refresh?)"));
                return;
            }
        } catch (RemoteLsaException e) {
            GpoGap.Reason reason = switch (e.reason()) {
                case ACCESS_DENIED -> GpoGap.Reason.TEMPLATE_DENIED;
                case TOO_LARGE -> GpoGap.Reason.TEMPLATE_INVALID;
                default -> GpoGap.Reason.TEMPLATE_UNREACHABLE;
            };
            // SmbFailures says an administrator is needed, which is true of C$ but not of SYSVOL.
            String why = reason == GpoGap.Reason.TEMPLATE_DENIED ? "access denied (SYSVOL is readable by Authenticated Users by"
                    + " default: check the permissions of the GPO's folder)" : e.getMessage();
            gap(gaps, notes, NOTE_TEMPLATE_UNREADABLE, new GpoGap(gpo, reason, precedence, where,
                    "its template could not be read: " + why));
            return;
        }
        Parsed<SecurityTemplate> template;
        try {
            DecodedText text = TextDecoder.decode(bytes, file);
            template = SecurityTemplateParser.parse(text.text(), file, SourceKind.GPO_TEMPLATE);
            if (text.warning() != null) {
                notes.add(new InputNote(InputNote.Level.WARNING, "encoding-guessed", text.warning(), where));
            }
        } catch (InputException e) {
            gap(gaps, notes, NOTE_TEMPLATE_UNREADABLE, new GpoGap(gpo, GpoGap.Reason.TEMPLATE_INVALID, precedence, where,
                    "its template is not usable: " + e.getMessage()));
            return;
        }
        notes.addAll(template.notes()); // a template cut short lowers verdicts as a --gpo-template does
        addSource(sources, template.value().source());
        for (RightAssignment a : template.value().rights().values()) {
            settings.add(new GpoRightSetting(a.right(), gpo, precedence, a.entries(), a.provenance()));
        }
    }

    private static void addSource(List<Provenance> sources, Provenance source) {
        if (!sources.contains(source)) {
            sources.add(source);
        }
    }

    private static void gap(List<GpoGap> gaps, List<InputNote> notes, String code, GpoGap gap) {
        gaps.add(gap);
        notes.add(new InputNote(InputNote.Level.WARNING, code, gap.label() + ": " + gap.detail()
                + "; who owns the logon rights it may define is unknown", gap.provenance()));
    }

    private RemoteFiles sysvol() throws RemoteLsaException {
        if (sysvol == null && sysvolFailure == null) {
            try {
                sysvol = opener.open();
            } catch (RemoteLsaException e) {
                sysvolFailure = e;
            }
        }
        if (sysvolFailure != null) {
            throw sysvolFailure;
        }
        return sysvol;
    }

    /** The Local GPO: its security settings live in the local security database, not in a template. */
    private static boolean isLocalGpo(GpoHistory.Entry e) {
        return "LocalGPO".equalsIgnoreCase(strip(e.gpoName())) || (e.fileSysPath() != null
                && e.fileSysPath().strip().matches("(?i)[a-z]:\\\\.*\\\\System32\\\\GroupPolicy(\\\\Machine)?\\\\?"));
    }

    private GpoInfo gpo(GpoHistory.Entry e, Provenance key) {
        String id = strip(e.gpoName());
        if (id == null || !GUID.matcher(id).matches()) {
            String fromPath = e.fileSysPath() == null ? null : GUID.matcher(e.fileSysPath()).results()
                    .map(m -> m.group()).reduce((a, b) -> b).orElse(null);
            id = fromPath != null ? fromPath : id;
        }
        String name = strip(e.displayName());
        if (id == null && name == null) {
            name = key.describe();
        }
        return new GpoInfo(id, name, dnsDomain);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A GPO's {@code FileSysPath} resolved to {@code \\<domain>\SYSVOL\<domain>\Policies\{GUID}}, or why it is
     * refused: only the domain's own SYSVOL share is followed, never another share, host or {@code ..}.
     *
     * @param share the share as written (SYSVOL, SysVol, sysvol)
     * @param folder the GPO folder inside the share
     * @param refusal null when followed, else why not (a phrase)
     */
    record SysvolPath(String host, String share, String folder, String refusal) {

        static SysvolPath refused(String why) {
            return new SysvolPath(null, null, null, why);
        }

        static SysvolPath parse(String fileSysPath, String dnsDomain, String netbiosDomain) {
            if (fileSysPath == null || fileSysPath.isBlank()) {
                return refused("is empty");
            }
            String s = fileSysPath.strip().replace('/', '\\');
            if (!s.startsWith("\\\\")) {
                return refused("is not a UNC path \\\\<domain>\\SYSVOL\\...");
            }
            List<String> parts = new ArrayList<>(List.of(s.substring(2).split("\\\\", -1)));
            if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1); // one trailing backslash
            }
            for (String p : parts) {
                if (p.isEmpty() || p.equals(".") || p.equals("..")) {
                    return refused("has an empty, '.' or '..' component");
                }
            }
            if (parts.size() >= 2 && parts.get(parts.size() - 1).equalsIgnoreCase("Machine")) {
                parts.remove(parts.size() - 1);
            }
            if (parts.size() < 2) {
                return refused("names no share");
            }
            String host = parts.get(0);
            boolean domainHost = (dnsDomain != null && host.equalsIgnoreCase(dnsDomain))
                    || (netbiosDomain != null && host.equalsIgnoreCase(netbiosDomain));
            if (!domainHost) {
                return refused("names host '" + host + "', which is not the domain"
                        + (dnsDomain == null ? "" : " " + dnsDomain));
            }
            if (!parts.get(1).equalsIgnoreCase("SYSVOL")) {
                return refused("names share '" + parts.get(1) + "', not SYSVOL");
            }
            if (parts.size() != 5 || !parts.get(3).equalsIgnoreCase("Policies") || !GUID.matcher(parts.get(4)).matches()) {
                return refused("is not <domain>\\Policies\\{GUID} inside SYSVOL");
            }
            return new SysvolPath(host, parts.get(1), String.join("\\", parts.subList(2, parts.size())), null);
        }

        String templatePath() {
            return folder + "\\" + TEMPLATE;
        }

        String folderUnc() {
            return "\\\\" + host + "\\" + share + "\\" + folder;
        }

        String templateUnc() {
            return folderUnc() + "\\" + TEMPLATE;
        }

        @Override
        public String toString() {
            return refusal == null ? folderUnc() : "refused: " + refusal;
        }
    }
}
