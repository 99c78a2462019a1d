package org.logonrights.platform.remote;

import com.rapid7.client.dcerpc.RPCException;
import com.rapid7.client.dcerpc.io.ndr.arrays.RPCConformantVaryingByteArray;
import com.rapid7.client.dcerpc.messages.HandleResponse;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegCloseKey;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegEnumKeyRequest;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegEnumKeyResponse;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegOpenKey;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegQueryValueRequest;
import com.rapid7.client.dcerpc.msrrp.messages.BaseRegQueryValueResponse;
import com.rapid7.client.dcerpc.msrrp.messages.HandleRequest;
import com.rapid7.client.dcerpc.msrrp.messages.OpenLocalMachine;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;
import com.rapid7.client.dcerpc.service.Service;
import com.rapid7.client.dcerpc.transport.RPCTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few MS-RRP calls that read Group Policy history, on rapid7's request classes but with a
 * read-only access mask: rapid7's {@code RegistryService} opens every key with MAXIMUM_ALLOWED,
 * which an administrator gets as full control. Handles are raw 20-byte context handles.
 */
final class RegistryRpcService extends Service {

    /** KEY_READ (MS-RRP 2.2.3): STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY. */
    static final int KEY_READ = 0x00020019;
    /** Win32 error codes that winreg returns (MS-ERREF 2.2). */
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_NO_MORE_ITEMS = 259;
    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_DWORD = 4;
    /** The longest key name the registry allows, in characters (MS-RRP 3.1.5.10). */
    private static final int MAX_KEY_NAME = 256;
    /** Group Policy history values are short strings and DWORDs; a longer value is not one of them. */
    private static final int MAX_VALUE_BYTES = 65_536;
    /** A hard stop against a server that never says "no more items". */
    private static final int MAX_SUBKEYS = 10_000;

    RegistryRpcService(RPCTransport transport) {
        super(transport);
    }

    /** OpenLocalMachine (opnum 2) with KEY_READ. */
    byte[] openLocalMachine() throws IOException {
        HandleResponse r = call(new HandleRequest(OpenLocalMachine.OP_NUM, KEY_READ));
        check(r.getReturnValue(), "OpenLocalMachine");
        return r.getHandle();
    }

    /** BaseRegOpenKey (opnum 15) with KEY_READ; throws {@link RPCException} with the Win32 code on failure. */
    byte[] openKey(byte[] parent, String path) throws IOException {
        HandleResponse r = call(new BaseRegOpenKey(parent, RPCUnicodeString.NullTerminated.of(path), 0, KEY_READ));
        check(r.getReturnValue(), "BaseRegOpenKey");
        return r.getHandle();
    }

    /** Every subkey name (BaseRegEnumKey, opnum 9, until ERROR_NO_MORE_ITEMS). */
    List<String> subKeys(byte[] key) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < MAX_SUBKEYS; i++) {
            BaseRegEnumKeyResponse r = call(new BaseRegEnumKeyRequest(key, i, MAX_KEY_NAME, MAX_KEY_NAME));
            if (r.getReturnValue() == ERROR_NO_MORE_ITEMS) {
                return names;
            }
            check(r.getReturnValue(), "BaseRegEnumKey");
            names.add(parseRPCUnicodeString(r.getLpNameOut()));
        }
        return names;
    }

    /**
     * A string or DWORD value (BaseRegQueryValue, opnum 17): a {@link String} for REG_SZ and
     * REG_EXPAND_SZ (unexpanded), an {@link Integer} for REG_DWORD, null when the value does not exist
     * or has another type.
     */
    Object value(byte[] key, String name) throws IOException {
        BaseRegQueryValueResponse r = call(new BaseRegQueryValueRequest(key, RPCUnicodeString.NullTerminated.of(name),
                MAX_VALUE_BYTES));
        if (r.getReturnValue() == ERROR_FILE_NOT_FOUND) {
            return null;
        }
        check(r.getReturnValue(), "BaseRegQueryValue");
        RPCConformantVaryingByteArray data = r.getData();
        byte[] bytes = data == null || data.getArray() == null ? new byte[0] : data.getArray();
        int type = r.getType() == null ? 0 : r.getType();
        return decode(type, bytes);
    }

    /** Decodes value data as the registry stores it: UTF-16LE strings ending in NUL, little-endian DWORDs. */
    static Object decode(int type, byte[] bytes) {
        if (type == REG_SZ || type == REG_EXPAND_SZ) {
            String s = new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
            int nul = s.indexOf('\0');
            return nul >= 0 ? s.substring(0, nul) : s;
        }
        if (type == REG_DWORD && bytes.length >= 4) {
            return ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        return null;
    }

    /** BaseRegCloseKey (opnum 5); best effort, as the session's end releases handles anyway. */
    void close(byte[] key) {
        if (key == null) {
            return;
        }
        try {
            call(new BaseRegCloseKey(key));
        } catch (IOException | RuntimeException e) {
            // ignored: see above
        }
    }

    private static void check(int status, String call) throws RPCException {
        if (status != 0) {
            throw new RPCException(call, status);
        }
    }
}
