package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.win32.StdCallLibrary;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Authz and NetAPI bindings can only read: no access check, audit, user, group or share
 * function is bound, and jna-platform's Netapi32 (which binds NetUserAdd and NetUserDel) is not extended.
 */
class AuthzNetApiReadOnlyTest {

    private static Set<String> bound(Class<?> api) {
        return Arrays.stream(api.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
    }

    private static long count(Class<?> api) {
        return Arrays.stream(api.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).count();
    }

    private static Map<String, Object> constants(Class<?> api) throws IllegalAccessException {
        TreeMap<String, Object> constants = new TreeMap<>();
        for (Field f : api.getDeclaredFields()) {
            constants.put(f.getName(), f.get(null));
        }
        return constants;
    }

    @Test
    void authzBindsOnlyContextCreationReadingAndFreeing() throws IllegalAccessException {
        Set<String> expected = Set.of("AuthzInitializeResourceManager", "AuthzInitializeContextFromSid",
                "AuthzGetInformationFromContext", "AuthzFreeContext", "AuthzFreeResourceManager");
        assertEquals(expected, bound(AuthzApi.class));
        assertEquals(expected.size(), count(AuthzApi.class), "no overloads");
        assertArrayEquals(new Class<?>[] {StdCallLibrary.class}, AuthzApi.class.getInterfaces());
        assertEquals(new TreeMap<>(Map.of("AUTHZ_RM_FLAG_NO_AUDIT", 0x1, "AUTHZ_REQUIRE_S4U_LOGON", 0x4,
                "AuthzContextInfoGroupsSids", 2)),
                constants(AuthzApi.class));
    }

    @Test
    void netApiBindsOnlyGroupListingDcLookupAndBufferFree() throws IllegalAccessException {
        Set<String> expected = Set.of("NetUserGetLocalGroups", "NetUserGetGroups", "DsGetDcName", "NetApiBufferFree");
        assertEquals(expected, bound(NetApi.class));
        assertEquals(expected.size(), count(NetApi.class), "no overloads");
        assertArrayEquals(new Class<?>[] {StdCallLibrary.class}, NetApi.class.getInterfaces());
        assertEquals(new TreeMap<>(Map.of("LG_INCLUDE_INDIRECT", 0x1, "MAX_PREFERRED_LENGTH", -1, "DS_IS_FLAT_NAME", 0x1_0000)),
                constants(NetApi.class));
    }

    @Test
    void theLuidPassedByValueIsEightBytes() {
        assertEquals(8, new AuthzApi.LUID.ByValue().size());
    }
}
