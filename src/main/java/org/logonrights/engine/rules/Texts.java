package org.logonrights.engine.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.logonrights.engine.EntryMatch;
import org.logonrights.engine.PoolContext;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.UserRight;

/** Wording shared by rules, so every message names rights, accounts and GPOs the same way. */
final class Texts {

    private Texts() {
    }

    /** {@code 'Log on as a batch job' (SeBatchLogonRight)}. */
    static String right(UserRight r) {
        return "'" + r.displayName() + "' (" + r.constantName() + ")";
    }

    /** The account with its SID in both forms an admin types: name for secpol, *SID for GptTmpl.inf. */
    static String accountWithSid(PoolContext c) {
        Sid sid = c.identity().sid();
        String account = c.identity().account();
        return sid == null ? account : account + " (" + sid + "; in a GptTmpl.inf: *" + sid + ")";
    }

    /** Where a right must be changed so the change survives: the GPO that defines it, or local policy. */
    static String whereToChange(PoolContext c, UserRight r) {
        Optional<GpoRightSetting> gpo = c.gpoSetting(r);
        if (gpo.isPresent()) {
            return "in GPO " + gpo.get().gpo().label() + ", which defines " + r.constantName()
                    + " (a local change is overwritten at the next policy refresh)";
        }
        if (c.hasGroupPolicyData()) {
            return "in Local Security Policy (secpol.msc > Local Policies > User Rights Assignment); no GPO defines "
                    + r.constantName();
        }
        return "in the GPO that defines " + r.constantName() + " if one does (run with --gpresult to know), "
                + "otherwise in Local Security Policy (secpol.msc > Local Policies > User Rights Assignment)";
    }

    static String displayAll(PoolContext c, List<EntryMatch> matches) {
        return matches.stream().map(m -> c.directory().display(m.entry().principal())).distinct()
                .collect(Collectors.joining(", "));
    }

    static Provenance firstSource(List<EntryMatch> matches) {
        return matches.isEmpty() ? null : matches.get(0).entry().provenance();
    }

    /** The re-commit WAS needs after a logon failure (WAS event 5021 text). */
    static final String WAS_RETRY = "After the change, run gpupdate /force if a GPO changed, then re-save the pool's "
            + "identity or restart WAS: WAS caches an identity that failed to log on (event 5021).";
}
