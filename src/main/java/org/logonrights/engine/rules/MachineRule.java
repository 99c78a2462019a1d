package org.logonrights.engine.rules;

import java.util.List;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.model.Snapshot;

/** A rule evaluated once per machine (orphan SIDs, drift, unresolved names). */
public interface MachineRule extends Rule {
    List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory);
}
