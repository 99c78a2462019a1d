package org.logonrights.platform.remote;

import java.util.List;

/**
 * The Security extension's list of applied GPOs as the machine's registry records it
 * ({@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\History\{827D319E-6EAC-11D2-A4EA-00C04F79F83A}},
 * KB201453), in subkey order.
 *
 * @param found false when the key does not exist
 * @param key the key's path under HKLM, for provenance
 * @param entries the numbered subkeys, lowest number first
 */
public record GpoHistory(boolean found, String key, List<Entry> entries) {

    /** HKLM\... of the Security extension's history. */
    public static final String SECURITY_EXTENSION_KEY = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\History"
            + "\\{827D319E-6EAC-11D2-A4EA-00C04F79F83A}";

    public GpoHistory {
        entries = List.copyOf(entries);
    }

    /**
     * One numbered subkey: the values of {@code GROUP_POLICY_OBJECT} that Windows writes there; any
     * may be null when the server does not have it.
     *
     * @param index the subkey's number
     * @param gpoName {@code GPOName}: the GPO's GUID with braces, or {@code LocalGPO}
     * @param fileSysPath {@code FileSysPath}: {@code \\domain\SysVol\domain\Policies\{GUID}}, with or without {@code \Machine}
     * @param gpoLink {@code GPOLink}: 0 none, 1 machine, 2 site, 3 domain, 4 OU
     */
    public record Entry(int index, String displayName, String gpoName, String fileSysPath, String dsPath, String link,
                        Integer gpoLink, Integer options, Integer version) {
    }
}
