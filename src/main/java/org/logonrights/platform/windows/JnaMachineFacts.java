package org.logonrights.platform.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;

/**
 * {@link MachineFacts} from the environment, GetComputerName(Ex) and the registry through
 * jna-platform's read-only helpers. A value that cannot be read is empty, never an error: machine
 * facts are for the report header only.
 */
final class JnaMachineFacts implements MachineFacts {

    private static final String CURRENT_VERSION = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    private static final String INETSTP = "SOFTWARE\\Microsoft\\InetStp";

    @Override
    public String computerName() {
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return Kernel32Util.getComputerName();
    }

    @Override
    public Optional<String> dnsDomain() {
        try {
            char[] buffer = new char[256];
            IntByReference size = new IntByReference(buffer.length);
            if (!Kernel32.INSTANCE.GetComputerNameEx(WinBase.COMPUTER_NAME_FORMAT.ComputerNameDnsDomain, buffer, size)) {
                return Optional.empty();
            }
            String domain = new String(buffer, 0, Math.min(size.getValue(), buffer.length)).strip();
            return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
        } catch (Win32Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> productName() {
        return string(CURRENT_VERSION, "ProductName");
    }

    @Override
    public Optional<String> build() {
        Optional<String> build = string(CURRENT_VERSION, "CurrentBuildNumber");
        Optional<Integer> ubr = integer(CURRENT_VERSION, "UBR");
        return build.map(b -> ubr.map(u -> b + "." + Integer.toUnsignedString(u)).orElse(b));
    }

    @Override
    public Optional<String> iisVersion() {
        Optional<Integer> major = integer(INETSTP, "MajorVersion");
        Optional<Integer> minor = integer(INETSTP, "MinorVersion");
        return major.map(m -> m + "." + minor.orElse(0));
    }

    private static Optional<String> string(String key, String value) {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)) {
                return Optional.empty();
            }
            String s = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, value);
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
        } catch (RuntimeException e) {
            // Win32Exception, or jna-platform's RuntimeException for a value of another registry type.
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String key, String value) {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, value)) {
                return Optional.empty();
            }
            return Optional.of(Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, value));
        } catch (RuntimeException e) {
            // Win32Exception, or jna-platform's RuntimeException for a value of another registry type.
            return Optional.empty();
        }
    }
}
