package org.logonrights.sources;

import java.util.List;
import java.util.Objects;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.UnknownRight;

/**
 * What a gpresult RSoP report or a Get-GPOReport file says about computer logon rights: the GPOs
 * and their settings, the machine it was captured on, and the right names nobody recognises.
 */
public record GpresultReport(GroupPolicy groupPolicy, MachineInfo machine, List<UnknownRight> unknownRights) {
    public GpresultReport {
        Objects.requireNonNull(groupPolicy, "groupPolicy");
        Objects.requireNonNull(machine, "machine");
        unknownRights = List.copyOf(unknownRights);
    }
}
