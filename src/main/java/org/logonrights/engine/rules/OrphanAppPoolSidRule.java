package org.logonrights.engine.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.Decision;
import org.logonrights.engine.Finding;
import org.logonrights.engine.MachineRule;
import org.logonrights.engine.PrincipalDirectory;
import org.logonrights.engine.RuleCategory;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Wording;
import org.logonrights.model.AppPool;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;

/** LR015 (D7): an IIS APPPOOL SID in a logon right matches no pool in applicationHost.config. */
public final class OrphanAppPoolSidRule extends BaseRule implements MachineRule {

    public OrphanAppPoolSidRule() {
        super(new RuleMetadata("LR015", "orphan-apppool-sid", "A logon right lists the SID of a pool that does not exist",
                RuleCategory.CONFIGURATION, Severity.NOTE, Set.of(), Optional.of(Decision.D7), FIRST_RELEASE,
                List.of(References.KB981949_IIS_USER_RIGHTS, References.IIS_READDS_POOL_SID, References.POOL_SIDS),
                "IIS adds each pool's S-1-5-82 SID to Log on as a service and never removes it when the pool is deleted; "
                        + "a leftover SID is harmless (docs/verdicts.md (D7))."));
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, PrincipalDirectory directory) {
        Set<Sid> poolSids = new HashSet<>();
        for (AppPool p : snapshot.iis().pools()) {
            poolSids.add(directory.poolSid(p));
        }
        List<Finding> out = new ArrayList<>();
        Set<Sid> reported = new HashSet<>();
        for (RightAssignment a : snapshot.rights().assignments().values()) {
            for (RightEntry e : a.entries()) {
                Sid sid = directory.resolve(e.principal()).orElse(null);
                if (sid != null && sid.isAppPoolSid() && !poolSids.contains(sid) && reported.add(sid)) {
                    String name = e.principal().name() != null ? e.principal().name() + " (" + sid + ")" : sid.toString();
                    out.add(machineFinding(name + " in " + a.right().constantName()
                                    + " matches no application pool in the IIS configuration: a deleted pool's leftover.",
                            "Nothing breaks. Remove the SID from " + Wording.right(a.right())
                                    + " to tidy up, unless the pool lives in another (shared) configuration.",
                            e.provenance()));
                }
            }
        }
        return out;
    }
}
