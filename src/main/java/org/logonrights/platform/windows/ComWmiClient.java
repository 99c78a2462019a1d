package org.logonrights.platform.windows;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.COM.COMException;
import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.Wbemcli;
import com.sun.jna.platform.win32.COM.Wbemcli.IEnumWbemClassObject;
import com.sun.jna.platform.win32.COM.Wbemcli.IWbemClassObject;
import com.sun.jna.platform.win32.COM.Wbemcli.IWbemLocator;
import com.sun.jna.platform.win32.COM.Wbemcli.IWbemServices;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.OleAuto;
import com.sun.jna.platform.win32.Variant.VARIANT;
import com.sun.jna.platform.win32.WTypes.BSTR;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HRESULT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WmiClient} over COM, with jna-platform's Wbemcli interfaces, following Microsoft's
 * "Getting WMI data from the local computer" steps: initialise COM (multithreaded), set process
 * security (best effort: it may already be set), connect, set the proxy blanket, run a forward-only
 * WQL query, and read each property with {@code IWbemClassObject::Get} through {@link WmiVariants}.
 *
 * <p>Every COM object is released once and every BSTR and VARIANT freed, in {@code finally}; COM is
 * uninitialised only when this call initialised it. jna-platform's runtime exceptions become
 * {@link WmiException}, so that RSoP trouble never escapes as an unchecked failure.
 */
final class ComWmiClient implements WmiClient {

    /** Per-object wait; RSoP answers in milliseconds, so this only guards against a hung provider. */
    static final int NEXT_TIMEOUT_MS = 30_000;

    @Override
    public List<WmiObject> query(String namespace, String className, List<String> properties) throws WmiException {
        HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        boolean initialised = COMUtils.SUCCEEDED(init);
        if (!initialised && init.intValue() != WinError.RPC_E_CHANGED_MODE) {
            throw new WmiException("CoInitializeEx", init.intValue());
        }
        try {
            // Process-wide and allowed once: RPC_E_TOO_LATE (someone set it already) or any other failure
            // is not fatal, because the proxy blanket set after connecting is what the query relies on.
            Ole32.INSTANCE.CoInitializeSecurity(null, -1, null, null, Ole32.RPC_C_AUTHN_LEVEL_DEFAULT,
                    Ole32.RPC_C_IMP_LEVEL_IMPERSONATE, null, Ole32.EOAC_NONE, null);
            IWbemServices services = connect(namespace);
            try {
                return select(services, namespace, className, properties);
            } finally {
                services.Release();
            }
        } catch (COMException e) {
            int hr = e.getHresult() == null ? 0 : e.getHresult().intValue();
            throw new WmiException("COM", hr, "COM failed: " + e.getMessage(), e);
        } catch (LastErrorException e) {
            throw new WmiException("COM", e.getErrorCode(), "COM failed: " + e.getMessage(), e);
        } finally {
            if (initialised) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private static IWbemServices connect(String namespace) throws WmiException {
        IWbemLocator locator = IWbemLocator.create();
        if (locator == null) {
            throw new WmiException("CoCreateInstance(WbemLocator)", 0, "CoCreateInstance(WbemLocator) gave no locator", null);
        }
        PointerByReference out = new PointerByReference();
        BSTR name = OleAuto.INSTANCE.SysAllocString(namespace);
        HRESULT hr;
        try {
            hr = locator.ConnectServer(name, null, null, null, 0, null, null, out);
        } finally {
            OleAuto.INSTANCE.SysFreeString(name);
            locator.Release();
        }
        if (COMUtils.FAILED(hr)) {
            throw new WmiException("IWbemLocator::ConnectServer(" + namespace + ")", hr.intValue());
        }
        IWbemServices services = new IWbemServices(out.getValue());
        hr = Ole32.INSTANCE.CoSetProxyBlanket(services, Ole32.RPC_C_AUTHN_WINNT, Ole32.RPC_C_AUTHZ_NONE, null,
                Ole32.RPC_C_AUTHN_LEVEL_CALL, Ole32.RPC_C_IMP_LEVEL_IMPERSONATE, null, Ole32.EOAC_NONE);
        if (COMUtils.FAILED(hr)) {
            services.Release();
            throw new WmiException("CoSetProxyBlanket", hr.intValue());
        }
        return services;
    }

    private static List<WmiObject> select(IWbemServices services, String namespace, String className,
                                          List<String> properties) throws WmiException {
        String wql = "SELECT " + String.join(", ", properties) + " FROM " + className;
        String operation = "IWbemServices::ExecQuery(" + namespace + ": " + wql + ")";
        PointerByReference out = new PointerByReference();
        BSTR language = OleAuto.INSTANCE.SysAllocString("WQL");
        BSTR query = OleAuto.INSTANCE.SysAllocString(wql);
        HRESULT hr;
        try {
            hr = services.ExecQuery(language, query,
                    Wbemcli.WBEM_FLAG_FORWARD_ONLY | Wbemcli.WBEM_FLAG_RETURN_IMMEDIATELY, null, out);
        } finally {
            OleAuto.INSTANCE.SysFreeString(query);
            OleAuto.INSTANCE.SysFreeString(language);
        }
        if (COMUtils.FAILED(hr)) {
            throw new WmiException(operation, hr.intValue());
        }
        IEnumWbemClassObject enumerator = new IEnumWbemClassObject(out.getValue());
        try {
            return enumerate(enumerator, operation, properties);
        } finally {
            enumerator.Release();
        }
    }

    private static List<WmiObject> enumerate(IEnumWbemClassObject enumerator, String operation, List<String> properties)
            throws WmiException {
        List<WmiObject> objects = new ArrayList<>();
        while (true) {
            Pointer[] one = new Pointer[1];
            IntByReference returned = new IntByReference();
            HRESULT hr = enumerator.Next(NEXT_TIMEOUT_MS, 1, one, returned);
            if (COMUtils.FAILED(hr)) {
                throw new WmiException(operation + " enumeration", hr.intValue());
            }
            if (returned.getValue() == 0 || one[0] == null) {
                if (hr.intValue() == Wbemcli.WBEM_S_TIMEDOUT) {
                    throw new WmiException(operation + " enumeration", WmiException.WBEM_S_TIMEDOUT);
                }
                return objects;
            }
            IWbemClassObject object = new IWbemClassObject(one[0]);
            try {
                objects.add(read(object, operation, properties));
            } finally {
                object.Release();
            }
        }
    }

    private static WmiObject read(IWbemClassObject object, String operation, List<String> properties) throws WmiException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String property : properties) {
            VARIANT.ByReference value = new VARIANT.ByReference();
            HRESULT hr = object.Get(new WString(property), 0, value, null, null);
            try {
                if (COMUtils.FAILED(hr)) {
                    throw new WmiException(operation + " Get(" + property + ")", hr.intValue());
                }
                try {
                    values.put(property, WmiVariants.decode(value.getPointer()));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new WmiException(operation + " Get(" + property + ")", 0,
                            operation + ": property " + property + " cannot be read: " + e.getMessage(), e);
                }
            } finally {
                OleAuto.INSTANCE.VariantClear(value);
            }
        }
        return new WmiObject(values);
    }
}
