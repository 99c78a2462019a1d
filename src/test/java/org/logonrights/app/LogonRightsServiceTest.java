package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;
import org.logonrights.model.Snapshot;
import org.logonrights.model.UserRight;
import org.logonrights.report.AuditReport;
import org.logonrights.report.ReportFormat;
import org.logonrights.sources.InputFiles;

/** The use-case API: which source a request names, redaction in one place, and each use case's answer. */
class LogonRightsServiceTest {

    private static final Path SAMPLE = Path.of("samples", "server-fault");
    private static final InputSelection SERVER_FAULT = new InputSelection(SAMPLE.resolve("secedit.inf"),
            SAMPLE.resolve("applicationHost.config"), SAMPLE.resolve("memberships.json"), SAMPLE.resolve("gpresult.xml"),
            List.of(), null);
    private static final InputSelection NO_FILES = new InputSelection(null, null, null, null, List.of(), null);
    private static final PasswordSource NO_PASSWORD = () -> {
        throw new AssertionError("the password must not be asked for before the request is found complete");
    };

    private static SnapshotRequest request(InputSelection files, RemoteRequest remote) {
        return new SnapshotRequest(files, remote, 1 << 20, false);
    }

    private static String usageError(SnapshotRequest request) {
        return assertThrows(UsageException.class, () -> SnapshotSources.select(request)).getMessage();
    }

    @Nested
    class SourceSelection {

        @Test
        void aSizeLimitMustBePositive() {
            assertEquals("--max-input-size must be a positive number of bytes, not 0",
                    usageError(new SnapshotRequest(SERVER_FAULT, null, 0, false)));
        }

        @Test
        void aSnapshotFileReplacesEveryOtherInput() {
            InputSelection both = new InputSelection(SAMPLE.resolve("secedit.inf"), null, null, null, List.of(), Path.of("s.json"));
            assertEquals("--snapshot already holds every input; do not combine it with other input files",
                    usageError(request(both, null)));
        }

        @Test
        void anOfflineAuditNeedsTheRightsAndTheIisConfiguration() {
            InputSelection seceditOnly = new InputSelection(SAMPLE.resolve("secedit.inf"), null, null, null, List.of(), null);
            assertTrue(usageError(request(seceditOnly, null)).startsWith("an offline audit needs both --secedit"));
        }

        @Test
        void remoteOptionsNeedAHostAUserAndNoFiles() {
            assertTrue(usageError(request(NO_FILES, new RemoteRequest(null, "A\\b", NO_PASSWORD, null)))
                    .endsWith("need --remote HOST"));
            assertTrue(usageError(request(SERVER_FAULT, new RemoteRequest("web01", "A\\b", NO_PASSWORD, null)))
                    .contains("do not combine it with input files"));
            assertEquals("--remote needs --user DOMAIN\\name (an administrator of web01)",
                    usageError(request(NO_FILES, new RemoteRequest("web01", null, NO_PASSWORD, null))));
        }

        @Test
        void rightsTakesNoEventLogs() {
            InputSelection withEvents = new InputSelection(SAMPLE.resolve("secedit.inf"), null, null, null, List.of(), null,
                    List.of(SAMPLE.resolve("events/Security-4625.xml")));
            UsageException e = assertThrows(UsageException.class,
                    () -> SnapshotSources.selectForRights(request(withEvents, null)));
            assertTrue(e.getMessage().startsWith("rights holds no verdict against events"), e.getMessage());
        }

        @Test
        void aMembershipFileAloneGoesWithARemoteReadAndOffWindowsIsAnIncompleteOfflineAudit() throws Exception {
            InputSelection membershipsOnly = new InputSelection(null, null, SAMPLE.resolve("memberships.json"), null,
                    List.of(), null);
            assertTrue(SnapshotSources.select(request(membershipsOnly, new RemoteRequest("web01", "A\\b", NO_PASSWORD, null)))
                    != null, "no usage error");
            if (!LiveMode.isWindows()) {
                assertTrue(usageError(request(membershipsOnly, null)).startsWith("an offline audit needs both --secedit"));
            }
        }

        @Test
        void noInputAtAllMeansTheLocalMachine() throws Exception {
            SnapshotSource live = SnapshotSources.select(request(NO_FILES, null));
            if (!LiveMode.isWindows()) {
                assertTrue(assertThrows(UsageException.class, live::read).getMessage()
                        .startsWith("no inputs given, and live reading works only on Windows"));
            }
        }

        @Test
        void exportedFilesAreReadAsTheOfflineLoaderReadsThem() throws Exception {
            Snapshot snapshot = SnapshotSources.select(request(SERVER_FAULT, null)).read();
            assertEquals(SnapshotLoader.offline(SERVER_FAULT, InputFiles.DEFAULT), snapshot);
        }
    }

    @Nested
    class UseCases {

        private final List<SnapshotRequest> asked = new ArrayList<>();
        private final LogonRightsService service = new LogonRightsService(request -> {
            asked.add(request);
            return () -> SnapshotLoader.offline(SERVER_FAULT, InputFiles.DEFAULT);
        });

        @Test
        void redactionIsAppliedOnceForEveryUseCaseThatAsksForIt() throws Exception {
            Snapshot plain = service.snapshot(request(SERVER_FAULT, null));
            Snapshot redacted = service.snapshot(new SnapshotRequest(SERVER_FAULT, null, 1 << 20, true));
            assertEquals("WG-WEB-01", plain.machine().name());
            assertNotEquals(plain.machine().name(), redacted.machine().name());
            assertEquals(SnapshotRedactor.redact(plain), redacted);
            CollectedSnapshot collected = service.collect(new SnapshotRequest(SERVER_FAULT, null, 1 << 20, true));
            assertTrue(collected.redacted());
            assertTrue(!collected.json().contains("WG-WEB-01") && !collected.json().contains("svc-orders"), collected.json());
        }

        @Test
        void auditAnswersForEveryPoolAndTheExitCodeFollowsTheThreshold() throws Exception {
            AuditReport report = service.audit(request(SERVER_FAULT, null), List.of());
            assertEquals(List.of("DefaultAppPool", "LegacyReports", "OrdersApi", "Payroll", "Storefront"),
                    report.result().pools().stream().map(PoolResult::name).toList());
            assertEquals(ExitCode.FINDINGS, LogonRightsService.exitCode(report, FailOn.RISK));
            assertEquals(ExitCode.OK, LogonRightsService.exitCode(report, FailOn.NEVER));
        }

        @Test
        void explainNamesOnePoolCaseInsensitivelyAndRefusesAnUnknownOne() throws Exception {
            AuditReport report = service.explain(request(SERVER_FAULT, null), "ordersapi");
            assertEquals(1, report.result().pools().size());
            assertEquals(Verdict.WILL_FAIL, report.result().pools().get(0).verdict());
            String message = assertThrows(UsageException.class,
                    () -> service.explain(request(SERVER_FAULT, null), "Nope")).getMessage();
            assertTrue(message.startsWith("no application pool named 'Nope'; the pools are: DefaultAppPool"), message);
        }

        @Test
        void rightsAnswersForTheNamedRightsOnly() throws Exception {
            List<UserRight> batch = LogonRightsService.parseRights(List.of("sebatchlogonright"));
            assertEquals(List.of(UserRight.BATCH),
                    service.rights(request(SERVER_FAULT, null), batch).rights().stream().map(r -> r.right()).toList());
            assertTrue(assertThrows(UsageException.class, () -> LogonRightsService.parseRights(List.of("SeBogus")))
                    .getMessage().startsWith("'SeBogus' is not a logon right; expected one of [SeInteractiveLogonRight"));
        }

        @Test
        void rightsAreWrittenAsTextOrJsonOnly() throws Exception {
            assertEquals(ReportFormat.JSON, LogonRightsService.rightsFormat("JSON", null));
            assertEquals("rights supports --format text or json, not 'sarif'",
                    assertThrows(UsageException.class, () -> LogonRightsService.rightsFormat("sarif", null)).getMessage());
            assertEquals(ReportFormat.JSON, LogonRightsService.rightsFormat(null, Path.of("out", "rights.JSON")));
            assertEquals(ReportFormat.TEXT, LogonRightsService.rightsFormat(null, Path.of("rights.log")));
            assertEquals("rights supports --format text or json, not 'sarif'",
                    assertThrows(UsageException.class, () -> LogonRightsService.rightsFormat(null, Path.of("r.sarif"))).getMessage());
        }

        @Test
        void theOutputFileExtensionChoosesTheFormatUnlessOneIsGivenAndAClashIsRefused() throws Exception {
            assertEquals(ReportFormat.TEXT, LogonRightsService.reportFormat(null, null));
            assertEquals(ReportFormat.JSON, LogonRightsService.reportFormat(null, Path.of("report.json")));
            assertEquals(ReportFormat.SARIF, LogonRightsService.reportFormat(null, Path.of("ci", "logonrights.sarif")));
            assertEquals(ReportFormat.JUNIT, LogonRightsService.reportFormat(null, Path.of("TEST-logonrights.xml")));
            assertEquals(ReportFormat.MARKDOWN, LogonRightsService.reportFormat(null, Path.of("report.md")));
            assertEquals(ReportFormat.TEXT, LogonRightsService.reportFormat(null, Path.of("report.txt")));
            assertEquals(ReportFormat.TEXT, LogonRightsService.reportFormat(null, Path.of("report")));
            assertEquals(ReportFormat.JSON, LogonRightsService.reportFormat(ReportFormat.JSON, Path.of("report.log")));
            assertEquals(ReportFormat.SARIF, LogonRightsService.reportFormat(ReportFormat.SARIF, Path.of("a.sarif")));
            UsageException clash = assertThrows(UsageException.class,
                () -> LogonRightsService.reportFormat(ReportFormat.JSON, Path.of("report.sarif")));
            assertEquals("--format json does not match the output file report.sarif, whose extension means --format sarif; "
                    + "change one of them", clash.getMessage());
        }

        @Test
        void collectRefusesToCopyASnapshotUnredactedBeforeReadingAnything() {
            InputSelection snapshotFile = new InputSelection(null, null, null, null, List.of(), Path.of("s.json"));
            assertEquals("collect reads inputs; to redact an existing snapshot add --redact",
                    assertThrows(UsageException.class, () -> service.collect(request(snapshotFile, null))).getMessage());
            assertEquals(List.of(), asked);
        }
    }
}
