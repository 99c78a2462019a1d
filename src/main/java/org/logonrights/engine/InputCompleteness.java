package org.logonrights.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logonrights.engine.ReasonStep.Step;
import org.logonrights.model.IncompleteInput;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;

/**
 * What the inputs' completeness does to a pool's verdict (docs/bad-input.md, "Files cut short"): an
 * input that {@link IncompleteInput may be incomplete} never gives a confident verdict that rests on
 * what it may lack. A template line the reader kept is whole (a cut inside a line is refused), so only
 * the rights a cut template does not define are in doubt: a missing deny would turn a failure into a
 * start, a missing grant a start into a failure. A pool that needs such a right gets UNCERTAIN, and
 * WILL_START becomes UNKNOWN; an export without any user rights decides nothing (UNKNOWN). A verdict
 * that rests only on rights the file defines keeps its confidence.
 */
final class InputCompleteness {

    /** The doubt about one pool: the verdict and confidence it gets, and the reason that says why. */
    record Doubt(Verdict verdict, boolean undecided, ReasonStep reason) {
    }

    private final Snapshot snapshot;
    /** Sources that may be cut short: the rights they do not define may be missing. */
    private final List<Provenance> cut;
    /** The effective-rights export, when it holds no user rights at all. */
    private final Provenance exportWithoutRights;

    private InputCompleteness(Snapshot snapshot, List<Provenance> cut, Provenance exportWithoutRights) {
        this.snapshot = snapshot;
        this.cut = cut;
        this.exportWithoutRights = exportWithoutRights;
    }

    static InputCompleteness of(Snapshot snapshot) {
        List<Provenance> cut = new ArrayList<>();
        Provenance exportWithoutRights = null;
        for (InputNote note : snapshot.notes()) {
            Optional<IncompleteInput> doubt = IncompleteInput.of(note);
            if (doubt.isEmpty() || note.provenance() == null) {
                continue;
            }
            if (doubt.get() == IncompleteInput.NO_USER_RIGHTS && note.provenance().equals(snapshot.rights().source())) {
                exportWithoutRights = note.provenance();
            }
            if (!cut.contains(note.provenance())) {
                cut.add(note.provenance());
            }
        }
        return new InputCompleteness(snapshot, cut, exportWithoutRights);
    }

    /**
     * The doubt about a pool whose rules gave {@code verdict} with {@code confidence}, or empty when
     * every right its logon needs is defined by a complete input.
     */
    Optional<Doubt> doubt(PoolContext c, Verdict verdict, Confidence confidence) {
        Set<UserRight> needed = rightsNeeded(c);
        if (needed.isEmpty() || cut.isEmpty()) {
            return Optional.empty();
        }
        if (exportWithoutRights != null) {
            return Optional.of(new Doubt(Verdict.UNKNOWN, true, new ReasonStep(Step.VERDICT,
                    Wording.exportWithoutRights(exportWithoutRights), exportWithoutRights)));
        }
        List<String> doubts = new ArrayList<>();
        Provenance first = null;
        for (Provenance file : cut) {
            List<UserRight> missing = needed.stream().filter(r -> !defines(file, r)).toList();
            if (!missing.isEmpty()) {
                doubts.add(Wording.mayBeCutShort(file, missing));
                first = first == null ? file : first;
            }
        }
        if (doubts.isEmpty()) {
            return Optional.empty();
        }
        Verdict lowered = verdict == Verdict.WILL_START ? Verdict.UNKNOWN : verdict;
        return Optional.of(new Doubt(lowered, false, new ReasonStep(Step.VERDICT,
                Wording.loweredByDoubts(lowered, doubts, verdict, confidence), first)));
    }

    /** The rights whose entries decide the pool's logon: the required right and its deny, or a built-in account's deny. */
    private static Set<UserRight> rightsNeeded(PoolContext c) {
        if (c.requiredRight() != null) {
            return EnumSet.of(c.requiredRight(), c.requiredRight().twin());
        }
        if (c.logon() == WorkerLogon.BUILT_IN_SESSION) {
            return EnumSet.of(UserRight.DENY_SERVICE);
        }
        return EnumSet.noneOf(UserRight.class);
    }

    private boolean defines(Provenance source, UserRight right) {
        if (source.file() != null && source.file().equals(snapshot.rights().source().file())) {
            return snapshot.rights().assignment(right).isPresent();
        }
        return snapshot.groupPolicy() != null && snapshot.groupPolicy().settings().stream()
                .anyMatch(s -> s.right() == right && source.file() != null && source.file().equals(s.provenance().file()));
    }
}
