package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.model.Snapshot;

/** LR017: an input names a right that is neither a logon right nor a known privilege. */
public final class UnknownRightRule extends BaseRule implements MachineRule {

    public UnknownRightRule() {
        super(new RuleMetadata("LR017", "unknown-right", "An input names an unknown user right",
                RuleCategory.INPUT, Severity.NOTE, Set.of(), Optional.empty(), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.MS_GPSB_PRIVILEGE_RIGHTS,
                        References.LSA_ENUMERATE_ACCOUNTS_WITH_USER_RIGHT),
                "Windows ignores right names it does not know (Group Policy reports silently drop them), so the entry "
                        + "grants or denies nothing; it is usually a typo or a test value."));
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory) {
        return snapshot.rights().unknownRights().stream()
                .map(u -> machineFinding("'" + u.name() + "' is not a Windows logon right or privilege; it grants nothing.",
                        "Check the spelling against the Account Rights Constants list; remove the line if it is a leftover.",
                        u.provenance()))
                .toList();
    }
}
