package org.logonrights.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.IdentityType;
import org.logonrights.model.LogonType;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.PoolSource;
import org.logonrights.model.Principal;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.model.ValueOrigin;

/** What the builder promises beyond what the golden reports and engine texts pin: Group Policy data, lines, memberships, IIS Express. */
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

    @Test
    void anEntryCanBeANameWithItsSidASidOrANameAlone() {
        Snapshot s = SnapshotBuilder.server().right(UserRight.BATCH, "CONTOSO\\Web Batch Accounts=*" + SnapshotBuilder.BATCH_ACCOUNTS,
                SnapshotBuilder.IIS_IUSRS, "CONTOSO\\svc-jobs").build();

        assertEquals(List.of(new Principal(SnapshotBuilder.BATCH_ACCOUNTS, "CONTOSO\\Web Batch Accounts"),
                        Principal.ofSid(Sid.parse("S-1-5-32-568")), Principal.ofName("CONTOSO\\svc-jobs")),
                s.rights().holders(UserRight.BATCH).stream().map(RightEntry::principal).toList());
    }

    @Test
    void membershipsAreOneLineEachFromTheSecondAndMaySayHowTheyWereRead() {
        Snapshot s = SnapshotBuilder.server().member("CONTOSO\\svc-reports", SnapshotBuilder.SVC_REPORTS, "*" + SnapshotBuilder.DOMAIN_USERS)
                .member("CONTOSO\\svc-portal", SnapshotBuilder.SVC_PORTAL, MembershipSource.NETAPI_FALLBACK, false).build();

        AccountMembership reports = s.memberships().accounts().get(0);
        AccountMembership portal = s.memberships().accounts().get(1);
        assertEquals(List.of(MembershipSource.FILE, MembershipSource.NETAPI_FALLBACK), List.of(reports.source(), portal.source()));
        assertEquals(List.of(true, false), List.of(reports.complete(), portal.complete()));
        assertEquals(List.of(Principal.ofSid(SnapshotBuilder.DOMAIN_USERS)), reports.groups());
        assertEquals(List.of(), portal.groups());
        assertEquals(Provenance.at(SourceKind.MEMBERSHIPS, "memberships.json", 2), reports.provenance());
        assertEquals(3, portal.provenance().line());
    }

    @Test
    void poolsAndApplicationsCanSayWhereTheirValuesCameFrom() {
        Snapshot s = SnapshotBuilder.server().appPoolIdentity("DefaultAppPool")
                .pool("Reports", IdentityType.SPECIFIC_USER, "CONTOSO\\svc-reports", LogonType.LOGON_SERVICE, false,
                        Map.of("logonType", ValueOrigin.POOL_DEFAULTS))
                .application("Default Web Site", "/", "DefaultAppPool").application("Intranet", "/", null, PoolSource.NONE).build();

        ProcessModel defaults = s.iis().pools().get(0).processModel();
        ProcessModel reports = s.iis().pools().get(1).processModel();
        assertEquals(ValueOrigin.POOL, defaults.originOf("identityType"));
        assertEquals(ValueOrigin.POOL_DEFAULTS, reports.originOf("logonType"));
        assertEquals(ValueOrigin.SCHEMA_DEFAULT, reports.originOf("identityType"));
        assertEquals(List.of(101, 201), List.of(s.iis().pools().get(1).provenance().line(), s.iis().applications().get(1).provenance().line()));
        assertEquals(List.of(PoolSource.EXPLICIT, PoolSource.NONE), s.iis().applications().stream().map(a -> a.poolSource()).toList());
    }

    @Test
    void theMachineNameCanBeUnknownWhileTheDomainAndVersionsStay() {
        assertEquals(new MachineInfo("SRV-WEB01", "CONTOSO", "10.0.17763", "10.0"), SnapshotBuilder.server().build().machine());
        assertEquals(new MachineInfo(null, "CONTOSO", "10.0.17763", "10.0"), SnapshotBuilder.server().machineName(null).build().machine());
    }
}
