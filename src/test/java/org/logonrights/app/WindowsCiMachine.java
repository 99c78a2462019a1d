package org.logonrights.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.SidNameUse;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * The machine .github/workflows/windows.yml builds, as {@link FakeLiveSources} content: its IIS
 * configuration, the policy its secedit step sets, and what Authz answers for its two accounts.
 * Pure Java (no JUnit), so that the isolation probe can use it too.
 */
final class WindowsCiMachine {

    static final String MACHINE = "S-1-5-21-3623811015-3361044348-30300820";
    static final Sid LR_BATCH = Sid.parse(MACHINE + "-1002");
    static final Sid LR_OK = Sid.parse(MACHINE + "-1003");
    static final Sid LR_BATCH_USERS = Sid.parse(MACHINE + "-1004");
    static final Sid NONE = Sid.parse(MACHINE + "-513");
    static final Sid ADMINISTRATORS = Sid.parse("S-1-5-32-544");
    static final Sid USERS = Sid.parse("S-1-5-32-545");
    static final String CONFIG_FIXTURE = "windows-ci-applicationHost.config";

    private WindowsCiMachine() {
    }

    /** A fake machine whose applicationHost.config is copied into {@code configDirectory}. */
    static FakeLiveSources in(Path configDirectory) throws IOException {
        copyFixture(CONFIG_FIXTURE, configDirectory.resolve("applicationHost.config"));
        FakeLiveSources m = new FakeLiveSources();
        m.configDirectory = configDirectory;
        m.grant(UserRight.BATCH, ADMINISTRATORS, LR_BATCH_USERS)
                .grant(UserRight.DENY_BATCH, LR_BATCH)
                .grant(UserRight.SERVICE, Sid.parse("S-1-5-80-0"))
                .name(ADMINISTRATORS, "BUILTIN", "Administrators", SidNameUse.ALIAS)
                .name(LR_BATCH_USERS, "WEB01", "lr-batch-users", SidNameUse.ALIAS)
                .name(LR_BATCH, "WEB01", "lr-batch", SidNameUse.USER)
                .name(Sid.parse("S-1-5-80-0"), "NT SERVICE", "ALL SERVICES", SidNameUse.WELL_KNOWN_GROUP);
        // lr-batch is in lr-batch-users too: its deny must beat the group's grant.
        m.member(".\\lr-batch", authz(".\\lr-batch", LR_BATCH));
        m.member(".\\lr-ok", authz(".\\lr-ok", LR_OK));
        return m;
    }

    static AccountMembership authz(String account, Sid sid) {
        return new AccountMembership(account, sid, List.of(new Principal(NONE, "WEB01\\None"),
                new Principal(LR_BATCH_USERS, "WEB01\\lr-batch-users"), new Principal(USERS, "BUILTIN\\Users")),
                MembershipSource.AUTHZ_S4U, true,
                new Provenance(SourceKind.ACCOUNT_LOOKUP, "AuthzInitializeContextFromSid (S4U)", 0, account));
    }

    static void copyFixture(String name, Path to) throws IOException {
        try (InputStream in = WindowsCiMachine.class.getResourceAsStream("/fixtures/live/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /fixtures/live/" + name);
            }
            Files.copy(in, to);
        }
    }
}
