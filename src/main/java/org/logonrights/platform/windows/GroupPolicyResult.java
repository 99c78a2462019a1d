package org.logonrights.platform.windows;

import java.util.List;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputNote;

/**
 * What reading Group Policy live gave: the GPO picture, or null when it is unknown (then a note says
 * why), and notes about settings that were skipped.
 *
 * @param groupPolicy the GPOs and their logon-right settings, or null: GPO ownership unknown
 */
public record GroupPolicyResult(GroupPolicy groupPolicy, List<InputNote> notes) {

    public GroupPolicyResult {
        notes = List.copyOf(notes);
    }
}
