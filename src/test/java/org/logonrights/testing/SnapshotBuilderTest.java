package org.logonrights.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/** What the builder promises beyond what the golden reports pin: Group Policy data, lines, IIS Express. */
class SnapshotBuilderTest {

    private static final GpoInfo BASELINE = new GpoInfo("{00000000-0000-0000-0000-000000000001}", "Baseline", "contoso.com");

    @Test
    void groupPolicyIsAbsentUntilSuppliedAndThenTheLockdownGpoApplies() {
        assertNull(SnapshotBuilder.server().build().groupPolicy());

        GroupPolicy onlyData = SnapshotBuilder.server().withGroupPolicyData().build().groupPolicy();
        assertEquals(List.of(SnapshotBuilder.LOCKDOWN), onlyData.gpos());
        assertEquals(List.of(), onlyData.settings());

        GroupPolicy two = SnapshotBuilder.server().gpo(UserRight.BATCH, BASELINE, 2, "*S-1-5-32-544")
                .gpo(UserRight.BATCH, SnapshotBuilder.LOCKDOWN, 1, "*" + SnapshotBuilder.BATCH_ACCOUNTS).build().groupPolicy();
        assertEquals(List.of(SnapshotBuilder.LOCKDOWN, BASELINE), two.gpos());
        assertEquals(List.of(2, 1), two.settings().stream().map(s -> s.precedence()).toList());
        assertEquals(Provenance.at(SourceKind.GPRESULT, "gpresult.xml", 40), two.settings().get(1).members().get(0).provenance());
    }

    @Test
    void eachRightIsOneLineOfTheExportInCallOrder() {
        Snapshot s = SnapshotBuilder.server("exports\\secedit.inf").right(UserRight.BATCH, SnapshotBuilder.DEFAULT_BATCH)
                .unknownRight("SeBatchLogonRigth").right(UserRight.SERVICE).build();

        List<RightEntry> batch = s.rights().holders(UserRight.BATCH);
        assertEquals(4, batch.size());
        batch.forEach(e -> assertEquals(Provenance.at(SourceKind.SECEDIT_EXPORT, "exports\\secedit.inf", 3), e.provenance()));
        assertEquals(4, s.rights().unknownRights().get(0).provenance().line());
        assertEquals(Provenance.of(SourceKind.SECEDIT_EXPORT, "exports\\secedit.inf"),
                s.rights().assignment(UserRight.SERVICE).orElseThrow().provenance(), "an empty right cites the file");
    }

    @Test
    void iisExpressChangesTheConfigurationKindOnly() {
        Snapshot s = SnapshotBuilder.server().iisExpress().appPoolIdentity("Clr4IntegratedAppPool").build();

        assertEquals(ConfigKind.IIS_EXPRESS, s.iis().kind());
        assertEquals(List.of("Clr4IntegratedAppPool"), s.iis().pools().stream().map(p -> p.name()).toList());
    }
}
