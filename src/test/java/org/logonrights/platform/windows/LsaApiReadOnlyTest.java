package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.win32.StdCallLibrary;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The binding can only read: a write function cannot be called because it is not bound. */
class LsaApiReadOnlyTest {

    private static final Set<String> READ_ONLY = Set.of(
            "LsaOpenPolicy", "LsaEnumerateAccountsWithUserRight", "LsaLookupSids2",
            "LsaFreeMemory", "LsaClose", "LsaNtStatusToWinError");

    private static final Set<String> WRITERS = Set.of(
            "LsaAddAccountRights", "LsaRemoveAccountRights", "LsaStorePrivateData", "LsaCreateAccount",
            "LsaSetInformationPolicy", "LsaSetDomainInformationPolicy", "LsaCreateTrustedDomainEx",
            "LsaDeleteTrustedDomain", "LsaSetTrustedDomainInformation", "LsaSetForestTrustInformation");

    @Test
    void boundFunctionsAreExactlyTheReadOnlySet() {
        // getMethods() includes anything inherited: extending a jna-platform library would show up here.
        Set<String> bound = Arrays.stream(LsaApi.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(READ_ONLY, bound);
        assertTrue(bound.stream().noneMatch(WRITERS::contains));
        assertEquals(READ_ONLY.size(), Arrays.stream(LsaApi.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers())).count(), "no overloads");
        assertArrayEquals(new Class<?>[] {StdCallLibrary.class}, LsaApi.class.getInterfaces());
    }

    @Test
    void theOnlyAccessRightsDeclaredAreTheTwoReadRights() throws IllegalAccessException {
        TreeMap<String, Object> constants = new TreeMap<>();
        for (Field f : LsaApi.class.getDeclaredFields()) {
            constants.put(f.getName(), f.get(null));
        }
        assertEquals(new TreeMap<>(java.util.Map.of("POLICY_LOOKUP_NAMES", 0x800, "POLICY_VIEW_LOCAL_INFORMATION", 0x1)), constants);
    }

    @Test
    void lsaOpenPolicyIsOnlyEverAskedForReadAccess() {
        assertEquals(LsaApi.POLICY_LOOKUP_NAMES | LsaApi.POLICY_VIEW_LOCAL_INFORMATION, JnaLocalSecurityPolicy.ACCESS);
    }
}
