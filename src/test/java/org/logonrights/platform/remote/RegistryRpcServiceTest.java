package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Registry value data as BaseRegQueryValue returns it, and the read-only access mask. */
class RegistryRpcServiceTest {

    @Test
    void stringsEndAtTheirNulAndDwordsAreLittleEndian() {
        byte[] sz = "\\\\probe.test\\SysVol\\probe.test\\Policies\\{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}\0"
                .getBytes(StandardCharsets.UTF_16LE);
        assertEquals("\\\\probe.test\\SysVol\\probe.test\\Policies\\{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}",
                RegistryRpcService.decode(RegistryRpcService.REG_SZ, sz));
        assertEquals("%SystemRoot%", RegistryRpcService.decode(RegistryRpcService.REG_EXPAND_SZ,
                "%SystemRoot%\0junk".getBytes(StandardCharsets.UTF_16LE)), "unexpanded, and nothing after the NUL");
        assertEquals(65537, RegistryRpcService.decode(RegistryRpcService.REG_DWORD, new byte[] {1, 0, 1, 0}));
        assertNull(RegistryRpcService.decode(RegistryRpcService.REG_DWORD, new byte[] {1, 0}), "too short for a DWORD");
        assertNull(RegistryRpcService.decode(3, new byte[] {1, 2, 3}), "REG_BINARY is not read");
    }

    @Test
    void keysAreOpenedWithKeyReadNotMaximumAllowed() {
        // KEY_READ = STANDARD_RIGHTS_READ (0x20000) | KEY_QUERY_VALUE (1) | KEY_ENUMERATE_SUB_KEYS (8) | KEY_NOTIFY (0x10)
        assertEquals(0x20000 | 0x1 | 0x8 | 0x10, RegistryRpcService.KEY_READ);
    }
}
