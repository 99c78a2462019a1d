package org.logonrights.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Privilege constants that share the {@code [Privilege Rights]} section with logon rights. They do
 * not gate a logon, so the auditor only needs to know them to tell them apart from unknown names.
 */
public final class Privileges {

    private static final Set<String> KNOWN = Set.of(
            "SeTrustedCredManAccessPrivilege", "SeTcbPrivilege", "SeMachineAccountPrivilege",
            "SeIncreaseQuotaPrivilege", "SeBackupPrivilege", "SeChangeNotifyPrivilege",
            "SeSystemtimePrivilege", "SeTimeZonePrivilege", "SeCreatePagefilePrivilege",
            "SeCreateTokenPrivilege", "SeCreateGlobalPrivilege", "SeCreatePermanentPrivilege",
            "SeCreateSymbolicLinkPrivilege", "SeDebugPrivilege", "SeEnableDelegationPrivilege",
            "SeRemoteShutdownPrivilege", "SeAuditPrivilege", "SeImpersonatePrivilege",
            "SeIncreaseWorkingSetPrivilege", "SeIncreaseBasePriorityPrivilege", "SeLoadDriverPrivilege",
            "SeLockMemoryPrivilege", "SeSecurityPrivilege", "SeRelabelPrivilege",
            "SeSystemEnvironmentPrivilege", "SeDelegateSessionUserImpersonatePrivilege",
            "SeManageVolumePrivilege", "SeProfileSingleProcessPrivilege", "SeSystemProfilePrivilege",
            "SeUndockPrivilege", "SeAssignPrimaryTokenPrivilege", "SeRestorePrivilege",
            "SeShutdownPrivilege", "SeSyncAgentPrivilege", "SeTakeOwnershipPrivilege",
            "SeUnsolicitedInputPrivilege")
            .stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private Privileges() {
    }

    /** True for a privilege constant Windows defines (compared case-insensitively). */
    public static boolean isKnownPrivilege(String name) {
        return name != null && KNOWN.contains(name.strip().toLowerCase(Locale.ROOT));
    }
}
