package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Decision;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;

/** LR019 (D6): the effective holders of a right differ from what the GPO that defines it lists. */
public final class GpoDriftRule extends BaseRule implements MachineRule {

    public GpoDriftRule() {
        super(new RuleMetadata("LR019", "gpo-drift", "A logon right in effect differs from the GPO that defines it",
                RuleCategory.GROUP_POLICY, Severity.NOTE, Set.of(), Optional.of(Decision.D6), FIRST_RELEASE,
                List.of(References.LOG_ON_AS_A_SERVICE, References.GROUP_POLICY_BACKGROUND_REFRESH,
                        References.MS_GPAC_MAX_NO_GPO_LIST_CHANGES, References.RSOP_POLICY_SETTING),
                "A GPO-defined right replaces the local list at the next refresh: entries only in effect will vanish "
                        + "and entries only in the GPO will appear (docs/verdicts.md (D6))."));
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory) {
        List<Finding> out = new ArrayList<>();
        if (snapshot.groupPolicy() == null) {
            return out;
        }
        for (UserRight right : UserRight.values()) {
            GpoRightSetting gpo = snapshot.groupPolicy().winning(right).orElse(null);
            if (gpo == null) {
                continue;
            }
            Map<String, RightEntry> effective = keyed(snapshot.rights().holders(right), directory);
            Map<String, RightEntry> defined = keyed(gpo.members(), directory);
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            effective.forEach((k, e) -> {
                if (!defined.containsKey(k)) {
                    removed.add(directory.display(e.principal()));
                }
            });
            defined.forEach((k, e) -> {
                if (!effective.containsKey(k)) {
                    added.add(directory.display(e.principal()));
                    if (directory.resolve(e.principal()).isEmpty()) {
                        unresolved.add("'" + e.principal().name() + "'");
                    }
                }
            });
            if (removed.isEmpty() && added.isEmpty()) {
                continue;
            }
            StringBuilder m = new StringBuilder(right.constantName()).append(" in effect differs from GPO ")
                    .append(gpo.gpo().label()).append(", which defines it:");
            if (!removed.isEmpty()) {
                m.append(" the next refresh removes ").append(String.join(", ", removed)).append(';');
            }
            if (!added.isEmpty()) {
                m.append(" it adds ").append(String.join(", ", added)).append(';');
            }
            m.setLength(m.length() - 1);
            m.append('.');
            if (!unresolved.isEmpty() && !removed.isEmpty()) {
                m.append(" The GPO names ").append(String.join(", ", unresolved))
                        .append(" without a SID the inputs can tie it to, so it may be the same principal as an entry "
                                + "the refresh seems to remove; supply --memberships naming it with its SID to compare exactly.");
            }
            out.add(machineFinding(m.toString(),
                    "Decide which list is right and change the GPO; local changes to a GPO-defined right do not last.",
                    gpo.provenance()));
        }
        return out;
    }

    private static Map<String, RightEntry> keyed(List<RightEntry> entries, PrincipalDirectory directory) {
        Map<String, RightEntry> out = new LinkedHashMap<>();
        for (RightEntry e : entries) {
            String key = directory.resolve(e.principal()).map(Object::toString)
                    .orElseGet(() -> e.principal().name().toLowerCase(Locale.ROOT));
            out.putIfAbsent(key, e);
        }
        return out;
    }
}
