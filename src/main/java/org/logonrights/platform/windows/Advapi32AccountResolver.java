package org.logonrights.platform.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import org.logonrights.model.ResolvedName;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;

/** {@link AccountResolver} over jna-platform's {@code Advapi32Util.getAccountByName} (LookupAccountNameW). */
final class Advapi32AccountResolver implements AccountResolver {

    @Override
    public ResolvedAccount resolve(String name) throws Win32CallException {
        Advapi32Util.Account a;
        try {
            a = Advapi32Util.getAccountByName(null, name);
        } catch (Win32Exception e) {
            throw new Win32CallException("LookupAccountName", e.getErrorCode());
        }
        // jna-platform fills Account.name from the text it was given (a UPN's prefix for john@contoso.com):
        // the name comes from LookupAccountSid, which answers with the sAMAccountName.
        Advapi32Util.Account named;
        try {
            named = Advapi32Util.getAccountBySid(null, a.sidString);
        } catch (Win32Exception e) {
            throw new Win32CallException("LookupAccountSid", e.getErrorCode());
        }
        try {
            String domain = named.domain == null ? "" : named.domain;
            String account = named.name == null ? "" : named.name;
            SidNameUse use = SidNameUse.fromCode(a.accountType).orElse(SidNameUse.UNKNOWN);
            return new ResolvedAccount(Sid.parse(a.sidString), new ResolvedName(domain, account, use));
        } catch (IllegalArgumentException e) {
            throw Win32CallException.malformed("LookupAccountName", e.getMessage(), e);
        }
    }
}
