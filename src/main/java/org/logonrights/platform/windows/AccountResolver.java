package org.logonrights.platform.windows;

/**
 * Looks an account or group name up on this machine (LookupAccountName semantics: {@code DOMAIN\name},
 * {@code name} or {@code user@dns.domain}). Read-only. Pure Java so that tests can hand in a map.
 */
interface AccountResolver {

    /** @throws Win32CallException naming the call and its error when the name is unknown or the lookup fails */
    ResolvedAccount resolve(String name) throws Win32CallException;
}
