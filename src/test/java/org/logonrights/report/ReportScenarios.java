package org.logonrights.report;

import static org.logonrights.testing.SnapshotBuilder.ADMINISTRATORS;
import static org.logonrights.testing.SnapshotBuilder.ALL_SERVICES;
import static org.logonrights.testing.SnapshotBuilder.BATCH_ACCOUNTS;
import static org.logonrights.testing.SnapshotBuilder.DOMAIN_USERS;
import static org.logonrights.testing.SnapshotBuilder.GUESTS;
import static org.logonrights.testing.SnapshotBuilder.IIS_IUSRS;
import static org.logonrights.testing.SnapshotBuilder.SVC_PORTAL;
import static org.logonrights.testing.SnapshotBuilder.SVC_REPORTS;

import java.util.function.Supplier;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.IdentityType;
import org.logonrights.model.InputNote;
import org.logonrights.model.UserRight;
import org.logonrights.model.VirtualAccounts;
import org.logonrights.testing.SnapshotBuilder;

/**
 * The situations every renderer is tested on, each audited by the real engine. Golden files are
 * named {@code expected-<scenario>.<extension>} after {@link #fileName()}.
 */
enum ReportScenarios {

    /** An IIS server without application pools. */
    EMPTY_SERVER(() -> SnapshotBuilder.server()
            .right(UserRight.BATCH, ADMINISTRATORS, "*S-1-5-32-551", "*S-1-5-32-559", IIS_IUSRS)
            .right(UserRight.SERVICE, ALL_SERVICES)),

    /** Every identity kind holds what its logon needs: no finding at all. */
    ALL_START(() -> SnapshotBuilder.server()
            .right(UserRight.BATCH, ADMINISTRATORS, "*" + SVC_REPORTS)
            .right(UserRight.SERVICE, ALL_SERVICES, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"))
            .appPoolIdentity("DefaultAppPool")
            .batchUser("Reports", "CONTOSO\\svc-reports")
            .builtIn("Legacy", IdentityType.NETWORK_SERVICE)
            .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS)),

    /** The Server Fault lockdown: a GPO left the batch right to a group the service account is not in. */
    ONE_FAILS(() -> SnapshotBuilder.server()
            .right(UserRight.BATCH, ADMINISTRATORS, "*" + BATCH_ACCOUNTS)
            .right(UserRight.SERVICE, ALL_SERVICES, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"))
            .appPoolIdentity("DefaultAppPool")
            .batchUser("Reports", "CONTOSO\\svc-reports")
            .builtIn("Legacy", IdentityType.NETWORK_SERVICE)
            .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS)),

    /**
     * One pool of every verdict, a LocalSystem warning on a pool that starts, machine findings of
     * four rules and an input note; the export path has a folder and a Windows backslash.
     */
    MIXED(() -> SnapshotBuilder.server("exports\\secedit.inf")
            .right(UserRight.INTERACTIVE, ADMINISTRATORS, "ADD YOUR DOMAIN ADMINS")
            .right(UserRight.BATCH, ADMINISTRATORS, IIS_IUSRS, "*" + BATCH_ACCOUNTS, "*" + SVC_REPORTS)
            .right(UserRight.DENY_BATCH, GUESTS)
            .right(UserRight.SERVICE, ALL_SERVICES, "*" + VirtualAccounts.appPoolSid("DefaultAppPool"),
                    "*" + VirtualAccounts.appPoolSid("OldPortal"))
            .unknownRight("SeBatchLogonRigth")
            .appPoolIdentity("DefaultAppPool")
            .builtIn("Intranet", IdentityType.LOCAL_SYSTEM)
            .batchUser("Jobs", "CONTOSO\\svc-jobs")
            .batchUser("Portal", "CONTOSO\\svc-portal")
            .batchUser("Reports", "CONTOSO\\svc-reports")
            .member("CONTOSO\\svc-portal", SVC_PORTAL, "*" + DOMAIN_USERS)
            .member("CONTOSO\\svc-reports", SVC_REPORTS, "*" + DOMAIN_USERS, GUESTS)
            .application("Default Web Site", "/", "DefaultAppPool")
            .application("Default Web Site", "/legacy", "Legacy")
            .note(InputNote.Level.WARNING, "duplicate-pool-attribute",
                    "applicationPools/add[@name='Portal'] sets processModel twice; the last one wins."));

    static final String TOOL_VERSION = "0.1.0-test";

    private final Supplier<SnapshotBuilder> snapshot;

    ReportScenarios(Supplier<SnapshotBuilder> snapshot) {
        this.snapshot = snapshot;
    }

    /** A fresh audit of a freshly built snapshot: nothing is shared between two calls. */
    AuditReport report() {
        SnapshotBuilder s = snapshot.get();
        return new AuditReport(Rules.standardEngine().audit(s.build()), s.inputs(), TOOL_VERSION);
    }

    /** "one-fails". */
    String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
