package org.logonrights.platform.windows;

import java.util.Set;
import org.logonrights.model.Sid;

/**
 * Decides which SIDs of a computed token are real group memberships. The engine adds the
 * well-known and logon SIDs of the worker logon itself (docs/verdicts.md, "Which SIDs count"), so
 * those are dropped here: Everyone, LOCAL, CONSOLE LOGON, the logon-type SIDs, Authenticated Users,
 * This Organization, Local account (and member of Administrators), logon session SIDs,
 * authentication-package and asserted-identity SIDs, and integrity labels.
 */
final class LogonGroupFilter {

    /** SE_GROUP_INTEGRITY: a mandatory label. */
    static final int SE_GROUP_INTEGRITY = 0x20;
    /** SE_GROUP_LOGON_ID: the logon session SID. */
    static final int SE_GROUP_LOGON_ID = 0xC000_0000;

    private static final Set<Sid> DROPPED = Set.of(
            Sid.parse("S-1-1-0"),      // Everyone
            Sid.parse("S-1-2-0"),      // LOCAL
            Sid.parse("S-1-2-1"),      // CONSOLE LOGON
            Sid.parse("S-1-5-1"),      // DIALUP
            Sid.parse("S-1-5-2"),      // NETWORK
            Sid.parse("S-1-5-3"),      // BATCH
            Sid.parse("S-1-5-4"),      // INTERACTIVE
            Sid.parse("S-1-5-6"),      // SERVICE
            Sid.parse("S-1-5-7"),      // ANONYMOUS LOGON
            Sid.parse("S-1-5-11"),     // Authenticated Users
            Sid.parse("S-1-5-13"),     // TERMINAL SERVER USER
            Sid.parse("S-1-5-14"),     // REMOTE INTERACTIVE LOGON
            Sid.parse("S-1-5-15"),     // This Organization
            Sid.parse("S-1-5-113"),    // Local account
            Sid.parse("S-1-5-114"),    // Local account and member of Administrators group
            Sid.parse("S-1-5-1000"));  // Other Organization

    private static final Set<Sid> DROPPED_PREFIXES = Set.of(
            Sid.parse("S-1-5-5"),      // logon session S-1-5-5-x-y
            Sid.parse("S-1-5-64"),     // NTLM / SChannel / Digest authentication
            Sid.parse("S-1-5-65"));    // This Organization Certificate

    private LogonGroupFilter() {
    }

    /** True when {@code sid} with these SE_GROUP_* attributes is a group the account really belongs to. */
    static boolean isRealGroup(Sid sid, int attributes) {
        if ((attributes & SE_GROUP_INTEGRITY) != 0 || (attributes & SE_GROUP_LOGON_ID) == SE_GROUP_LOGON_ID) {
            return false;
        }
        if (sid.authority() == 16 || sid.authority() == 18) {
            return false; // integrity labels S-1-16-*, asserted identities S-1-18-*
        }
        if (DROPPED.contains(sid)) {
            return false;
        }
        return DROPPED_PREFIXES.stream().noneMatch(p -> sid.startsWith(p) && sid.subAuthorities().size() > 1);
    }
}
