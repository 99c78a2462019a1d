package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.platform.windows.LsaAccessDeniedException;
import org.logonrights.platform.windows.LsaException;
import org.logonrights.platform.windows.NtStatus;
import org.logonrights.sources.InputFiles;

/** {@link LiveSnapshotReader} over {@link FakeLiveSources}: what is read, from where, and how failures surface. */
class LiveSnapshotReaderTest {

    static final Sid LR_BATCH_USERS = WindowsCiMachine.LR_BATCH_USERS;
    static final Sid ADMINISTRATORS = WindowsCiMachine.ADMINISTRATORS;
    static final String SECRET = "[enc:AesProvider:c2hhcmVkLWNvbmZpZy1zZWNyZXQ=:enc]";

    @TempDir
    Path config;
    private FakeLiveSources machine;

    @BeforeEach
    void windowsCiMachine() throws IOException {
        machine = WindowsCiMachine.in(config);
    }

    private Snapshot read() throws Exception {
        return new LiveSnapshotReader(machine, InputFiles.DEFAULT).read();
    }

    @Test
    void readsRightsConfigurationMembershipsGpoAndMachine() throws Exception {
        GroupPolicy gp = new GroupPolicy(List.of(), List.of(), List.of(Provenance.of(SourceKind.RSOP, "root\\rsop\\computer")));
        machine.groupPolicy = new GroupPolicyResult(gp, List.of());
        Snapshot s = read();
        assertEquals(SourceKind.LSA, s.rights().source().kind());
        assertEquals(List.of(LR_BATCH_USERS, ADMINISTRATORS),
                s.rights().holders(UserRight.BATCH).stream().map(e -> e.principal().sid()).toList(), "sorted by SID");
        assertEquals("WEB01\\lr-batch-users", s.rights().holders(UserRight.BATCH).get(0).principal().name());
        assertEquals(config.resolve("applicationHost.config").toString(), s.iis().source().file());
        assertEquals(8, s.iis().pools().size());
        assertEquals(List.of(".\\lr-batch", ".\\lr-ok"), s.memberships().accounts().stream().map(AccountMembership::account).toList());
        assertSame(gp, s.groupPolicy());
        assertEquals("WEB01", s.machine().name());
        assertNull(s.machine().domain());
        assertEquals("10.0", s.machine().iisVersion());
        assertTrue(s.machine().osVersion().startsWith("Windows Server 2022 Datacenter "), s.machine().osVersion());
        assertTrue(s.machine().osVersion().endsWith(" (build 20348.2340)"), s.machine().osVersion());
    }

    @Test
    void membershipIsReadOncePerAccountNotPerPool() throws Exception {
        read();
        // lr-granted and lr-granted-again both run as lr-ok (".\lr-ok" and ".\LR-OK").
        assertEquals(List.of(".\\lr-batch", ".\\lr-ok"), machine.membershipReads);
    }

    @Test
    void theReaderIsClosedBeforeThePolicyAndRsopIsReadAfter() throws Exception {
        read();
        assertEquals(List.of("policy opened", "reader opened for WEB01", "reader closed", "policy closed", "rsop read"),
                machine.events);
    }

    @Test
    void membershipAndGpoNotesReachTheSnapshot() throws Exception {
        InputNote fallback = new InputNote(InputNote.Level.WARNING, "membership-incomplete", "fallback",
                Provenance.of(SourceKind.ACCOUNT_LOOKUP, "NetUserGetLocalGroups + NetUserGetGroups"));
        machine.member(".\\lr-ok", null, fallback);
        InputNote unknown = new InputNote(InputNote.Level.WARNING, "gpo-ownership-unknown", "GPO ownership is unknown: x",
                Provenance.of(SourceKind.RSOP, "root\\rsop\\computer"));
        machine.groupPolicy = new GroupPolicyResult(null, List.of(unknown));
        Snapshot s = read();
        assertEquals(List.of(".\\lr-batch"), s.memberships().accounts().stream().map(AccountMembership::account).toList());
        assertTrue(s.notes().contains(fallback));
        assertTrue(s.notes().contains(unknown));
        assertNull(s.groupPolicy(), "RSoP unavailable is GPO ownership unknown, not a failure");
    }

    @Test
    void lsaAccessDeniedTellsToRunElevated() {
        machine.openFailure = new LsaAccessDeniedException("LsaOpenPolicy", 5);
        EnvironmentException e = assertThrows(EnvironmentException.class, this::read);
        assertEquals("access denied by LSA (0xC0000022): run logonrights from an elevated prompt", e.getMessage());
    }

    @Test
    void otherLsaFailuresNameTheCallAndTheStatus() {
        machine.openFailure = new LsaException("LsaOpenPolicy", NtStatus.RPC_SERVER_UNAVAILABLE, 1722);
        EnvironmentException e = assertThrows(EnvironmentException.class, this::read);
        assertTrue(e.getMessage().contains("LsaOpenPolicy") && e.getMessage().contains("0xC0020017"), e.getMessage());
    }

    @Test
    void noApplicationHostConfigMeansIisIsNotInstalled() throws Exception {
        Files.delete(config.resolve("applicationHost.config"));
        EnvironmentException e = assertThrows(EnvironmentException.class, this::read);
        assertTrue(e.getMessage().startsWith("no IIS configuration at ") && e.getMessage().contains("is IIS"), e.getMessage());
        assertTrue(machine.events.contains("policy closed"), "the policy is closed when the configuration fails");
    }

    @Test
    void aMalformedConfigurationIsAnInputErrorWithItsLine() throws Exception {
        Files.writeString(config.resolve("applicationHost.config"), "<configuration>\n<system.applicationHost>\n</configuration>\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertTrue(e.oneLine().contains("applicationHost.config"), e.oneLine());
    }

    @Test
    void aDisabledRedirectionReadsTheLocalFile() throws Exception {
        Files.writeString(config.resolve("redirection.config"), redirection("false", "\\\\fileserver\\iis"));
        assertEquals(config.resolve("applicationHost.config").toString(), read().iis().source().file());
    }

    @Test
    void sharedConfigurationIsReadFromItsPathAndSaidSo(@TempDir Path share) throws Exception {
        WindowsCiMachine.copyFixture(WindowsCiMachine.CONFIG_FIXTURE, share.resolve("applicationHost.config"));
        Files.writeString(config.resolve("applicationHost.config"), "<configuration/>\n"); // the stale local copy
        Files.writeString(config.resolve("redirection.config"), redirection("true", share.toString()));
        Snapshot s = read();
        assertEquals(share.resolve("applicationHost.config").toString(), s.iis().source().file());
        assertEquals(8, s.iis().pools().size());
        InputNote n = s.notes().stream().filter(x -> x.code().equals("shared-configuration-followed")).findFirst().orElseThrow();
        assertTrue(n.message().contains(share.toString()), n.message());
        assertFalse(s.notes().toString().contains(SECRET) || s.notes().toString().contains("svc-iisconfig"));
    }

    @Test
    void anUnreachableSharedConfigurationFailsNamingThePathButNeverThePassword() throws Exception {
        Files.writeString(config.resolve("redirection.config"), redirection("true", "\\\\fileserver\\iisconfig$"));
        EnvironmentException e = assertThrows(EnvironmentException.class, this::read);
        assertTrue(e.getMessage().startsWith("shared configuration is enabled ("), e.getMessage());
        assertTrue(e.getMessage().contains("the config lives at \\\\fileserver\\iisconfig$"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET) || e.getMessage().contains("c2hhcmVk"), e.getMessage());
    }

    @Test
    void anEnabledRedirectionWithoutPathFails() throws Exception {
        Files.writeString(config.resolve("redirection.config"), redirection("true", " "));
        EnvironmentException e = assertThrows(EnvironmentException.class, this::read);
        assertTrue(e.getMessage().contains("names no path"), e.getMessage());
    }

    @Test
    void aBadEnabledValueIsAnInputErrorWithoutThePassword() throws Exception {
        Files.writeString(config.resolve("redirection.config"), redirection("yes", "\\\\fileserver\\iis"));
        InputException e = assertThrows(InputException.class, this::read);
        assertTrue(e.oneLine().contains("redirection.config") && e.oneLine().contains("'yes'"), e.oneLine());
        assertFalse(e.oneLine().contains(SECRET));
    }

    static String redirection(String enabled, String path) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n    <configSections>\n"
                + "        <section name=\"configurationRedirection\" />\n    </configSections>\n"
                + "    <configurationRedirection enabled=\"" + enabled + "\" path=\"" + path
                + "\" userName=\"CONTOSO\\svc-iisconfig\" password=\"" + SECRET + "\" />\n</configuration>\n";
    }
}
