package org.logonrights.model;

/** What is known about the audited machine; any field may be null. */
public record MachineInfo(String name, String domain, String osVersion, String iisVersion) {
    public static final MachineInfo UNKNOWN = new MachineInfo(null, null, null, null);
}
