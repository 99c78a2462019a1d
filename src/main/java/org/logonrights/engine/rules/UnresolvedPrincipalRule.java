package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;

/** LR016: a logon-right entry names a principal that cannot be tied to a SID. */
public final class UnresolvedPrincipalRule extends BaseRule implements MachineRule {

    /** Only rights a pool logon depends on; a local "Guest" in Deny log on locally concerns no pool. */
    private static final Set<UserRight> POOL_RIGHTS = java.util.EnumSet.of(
            UserRight.BATCH, UserRight.DENY_BATCH, UserRight.SERVICE, UserRight.DENY_SERVICE);

    public UnresolvedPrincipalRule() {
        super(new RuleMetadata("LR016", "unresolved-principal", "A logon right names a principal that cannot be tied to a SID",
                RuleCategory.INPUT, Severity.NOTE, Set.of(), Optional.empty(), FIRST_RELEASE,
                List.of(References.ACCOUNT_RIGHTS_CONSTANTS, References.MS_GPSB_PRIVILEGE_RIGHTS, References.RSOP_POLICY_SETTING,
                        References.RSOP_SECURITY_SETTINGS_MOF, References.GPRESULT),
                "Templates and gpresult reports name local accounts, localized groups and baseline placeholders without "
                        + "a SID; such an entry is matched by name only, and a placeholder such as 'ADD YOUR DOMAIN ADMINS' matches nobody."));
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RightAssignment a : snapshot.rights().assignments().values()) {
            for (RightEntry e : a.entries()) {
                check(a.right(), e, directory, seen, out, "");
            }
        }
        if (snapshot.groupPolicy() != null) {
            for (GpoRightSetting s : snapshot.groupPolicy().settings()) {
                for (RightEntry e : s.members()) {
                    check(s.right(), e, directory, seen, out, " (GPO " + s.gpo().label() + ")");
                }
            }
        }
        return out;
    }

    private void check(UserRight right, RightEntry e, PrincipalDirectory directory, Set<String> seen,
                       List<Finding> out, String where) {
        if (!POOL_RIGHTS.contains(right) || directory.resolve(e.principal()).isPresent()) {
            return;
        }
        String name = e.principal().name();
        if (!seen.add(right.constantName() + "|" + name.toLowerCase(Locale.ROOT))) {
            return;
        }
        out.add(machineFinding("'" + name + "' in " + right.constantName() + where
                        + " cannot be tied to a SID; it is matched by name only.",
                "Use the *SID form in templates and GPOs, or supply --memberships naming the account or group with its SID.",
                e.provenance()));
    }
}
