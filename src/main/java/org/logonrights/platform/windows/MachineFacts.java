package org.logonrights.platform.windows;

import java.util.Locale;
import java.util.Optional;

/**
 * What the live audit reports about the machine itself: its name, domain, Windows build and IIS
 * version, read from the environment and the registry (read-only). Pure Java so that tests and the
 * offline path never load JNA; {@link #local()} loads the native side.
 */
public interface MachineFacts {

    /**
     * The facts of this machine.
     *
     * @throws UnsupportedOperationException when not running on Windows
     */
    static MachineFacts local() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            throw new UnsupportedOperationException("reading machine facts needs Windows (running on " + os + ")");
        }
        return new JnaMachineFacts();
    }

    /** The NetBIOS computer name, which {@code .\name} and {@code HOST\name} accounts refer to. */
    String computerName();

    /** The DNS domain the computer is joined to; empty for a workgroup machine. */
    Optional<String> dnsDomain();

    /** {@code ProductName} of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion, e.g. Windows Server 2022 Datacenter. */
    Optional<String> productName();

    /** CurrentBuildNumber.UBR of the same key, e.g. {@code 20348.2340}. */
    Optional<String> build();

    /** MajorVersion.MinorVersion of HKLM\SOFTWARE\Microsoft\InetStp, e.g. {@code 10.0}; empty without IIS. */
    Optional<String> iisVersion();
}
