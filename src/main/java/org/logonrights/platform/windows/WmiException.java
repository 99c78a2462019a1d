package org.logonrights.platform.windows;

import java.util.Map;
import java.util.Objects;

/**
 * A WMI (COM) step that failed, with the HRESULT it returned. Checked: RSoP being unavailable is an
 * expected outcome the caller turns into "GPO ownership unknown", never a failed audit.
 */
public class WmiException extends Exception {

    /** WBEM_E_NOT_FOUND. */
    public static final int WBEM_E_NOT_FOUND = 0x80041002;
    /** WBEM_E_ACCESS_DENIED. */
    public static final int WBEM_E_ACCESS_DENIED = 0x80041003;
    /** WBEM_E_INVALID_NAMESPACE: the namespace does not exist. */
    public static final int WBEM_E_INVALID_NAMESPACE = 0x8004100E;
    /** WBEM_E_INVALID_CLASS: the class does not exist in the namespace. */
    public static final int WBEM_E_INVALID_CLASS = 0x80041010;
    /** E_ACCESSDENIED. */
    public static final int E_ACCESSDENIED = 0x80070005;
    /** WBEM_S_TIMEDOUT, reported as a failure when the enumeration gives up. */
    public static final int WBEM_S_TIMEDOUT = 0x00040004;

    private static final Map<Integer, String> NAMES = Map.of(
            WBEM_E_NOT_FOUND, "WBEM_E_NOT_FOUND",
            WBEM_E_ACCESS_DENIED, "WBEM_E_ACCESS_DENIED",
            WBEM_E_INVALID_NAMESPACE, "WBEM_E_INVALID_NAMESPACE",
            WBEM_E_INVALID_CLASS, "WBEM_E_INVALID_CLASS",
            E_ACCESSDENIED, "E_ACCESSDENIED",
            WBEM_S_TIMEDOUT, "WBEM_S_TIMEDOUT");

    private final String operation;
    private final int hresult;

    /**
     * @param operation what failed, e.g. {@code IWbemLocator::ConnectServer(root\rsop\computer)}
     * @param hresult the HRESULT it returned; 0 when the failure has none (a malformed value)
     */
    public WmiException(String operation, int hresult) {
        this(operation, hresult, operation + " failed with " + describe(hresult), null);
    }

    public WmiException(String operation, int hresult, String message, Throwable cause) {
        super(message, cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.hresult = hresult;
    }

    public String operation() {
        return operation;
    }

    public int hresult() {
        return hresult;
    }

    public boolean isAccessDenied() {
        return hresult == WBEM_E_ACCESS_DENIED || hresult == E_ACCESSDENIED;
    }

    /** The namespace or class is not there (RSoP never written, or a different Windows edition). */
    public boolean isMissing() {
        return hresult == WBEM_E_INVALID_NAMESPACE || hresult == WBEM_E_INVALID_CLASS || hresult == WBEM_E_NOT_FOUND;
    }

    /** {@code HRESULT 0x8004100E (WBEM_E_INVALID_NAMESPACE)}. */
    public static String describe(int hresult) {
        String name = NAMES.get(hresult);
        return "HRESULT " + String.format("0x%08X", hresult) + (name == null ? "" : " (" + name + ")");
    }
}
