package org.logonrights.model;

import java.util.Optional;

/**
 * Why a logged logon failed, decided from the Win32 error in a WAS event's data field or from a
 * Security 4625's status codes (docs/event-logs.md; the codes: docs/windows-facts.md and the 4625 page).
 * Only {@link #LOGON_TYPE_NOT_GRANTED} is about logon rights; the others fail for another reason,
 * and saying so is the point: a wrong password looks like a missing right to whoever reads only 5021.
 */
public enum LogonFailure {
    LOGON_TYPE_NOT_GRANTED("the account has not been granted the logon type (a logon right is missing or denied)"),
    BAD_PASSWORD("unknown user name or bad password"),
    ACCOUNT_LOCKED_OUT("the account is locked out"),
    ACCOUNT_DISABLED("the account is disabled"),
    ACCOUNT_EXPIRED("the account has expired"),
    PASSWORD_EXPIRED("the password has expired"),
    PASSWORD_MUST_CHANGE("the password must be changed at the next logon"),
    ACCOUNT_RESTRICTION("an account restriction (logon hours, workstations) prevents the logon"),
    NO_LOGON_SERVER("no domain controller could be reached to check the account"),
    /** A failure whose code is not one of the above, or an event that names no code. */
    OTHER("another error");

    private final String meaning;

    LogonFailure(String meaning) {
        this.meaning = meaning;
    }

    /** What it means, in words, for the reports. */
    public String meaning() {
        return meaning;
    }

    /** Whether it is about logon rights at all. */
    public boolean isLogonRight() {
        return this == LOGON_TYPE_NOT_GRANTED;
    }

    /** From the Win32 error WAS writes in the data field (as the low word of an HRESULT 0x8007xxxx). */
    public static Optional<LogonFailure> ofWin32(int error) {
        return Optional.ofNullable(switch (error) {
            case 1385 -> LOGON_TYPE_NOT_GRANTED;
            case 1326 -> BAD_PASSWORD;
            case 1909 -> ACCOUNT_LOCKED_OUT;
            case 1331 -> ACCOUNT_DISABLED;
            case 1793 -> ACCOUNT_EXPIRED;
            case 1330 -> PASSWORD_EXPIRED;
            case 1907 -> PASSWORD_MUST_CHANGE;
            case 1327, 1328, 1329 -> ACCOUNT_RESTRICTION;
            case 1311 -> NO_LOGON_SERVER;
            default -> null;
        });
    }

    /** From an NTSTATUS of a Security 4625 (Status or SubStatus). */
    public static Optional<LogonFailure> ofNtStatus(long status) {
        return Optional.ofNullable(switch ((int) status) {
            case 0xC000015B -> LOGON_TYPE_NOT_GRANTED;
            case 0xC000006A, 0xC0000064 -> BAD_PASSWORD;
            case 0xC0000234 -> ACCOUNT_LOCKED_OUT;
            case 0xC0000072 -> ACCOUNT_DISABLED;
            case 0xC0000193 -> ACCOUNT_EXPIRED;
            case 0xC0000071 -> PASSWORD_EXPIRED;
            case 0xC0000224 -> PASSWORD_MUST_CHANGE;
            case 0xC000006F, 0xC0000070, 0xC0000413 -> ACCOUNT_RESTRICTION;
            case 0xC000005E, 0xC000018C, 0xC0000192 -> NO_LOGON_SERVER;
            default -> null;
        });
    }
}
