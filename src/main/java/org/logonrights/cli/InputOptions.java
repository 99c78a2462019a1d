package org.logonrights.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.logonrights.app.EnvironmentException;
import org.logonrights.app.FleetTargets;
import org.logonrights.app.InputSelection;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.SnapshotRequest;
import org.logonrights.app.UsageException;
import org.logonrights.model.InputException;
import org.logonrights.report.PseudonymTable;
import picocli.CommandLine.Option;

/** The input files every reporting command accepts (a picocli mixin). */
public final class InputOptions {

    @Option(names = "--secedit", paramLabel = "FILE",
            description = "Effective user rights: output of 'secedit /export /cfg FILE /areas USER_RIGHTS' (UTF-16 or UTF-8).")
    Path secedit;

    @Option(names = {"--applicationhost", "--applicationHost"}, paramLabel = "FILE",
            description = "IIS configuration: applicationHost.config, from %%windir%%\\System32\\inetsrv\\config.")
    Path applicationHost;

    @Option(names = "--memberships", paramLabel = "FILE",
            description = "Group memberships of custom pool identities (JSON, see docs/memberships.md).")
    Path memberships;

    @Option(names = "--gpresult", paramLabel = "FILE",
            description = "Group Policy result: output of 'gpresult /scope computer /x FILE'.")
    Path gpresult;

    @Option(names = "--gpo-template", paramLabel = "FILE",
            description = "A GPO's GptTmpl.inf (repeatable; the first given has the highest precedence).")
    List<Path> gpoTemplates = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE|DIR",
            description = "A snapshot written by 'logonrights collect' (replaces the other inputs). With audit and explain "
                    + "repeatable, and a folder means every *.json in it, sorted by name: one fleet report over them all.")
    List<Path> snapshots = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE",
            description = "The server's events (repeatable): an .evtx log or an XML export of the System log (WAS) "
                    + "or the Security log (4625), to hold each verdict against what happened (docs/event-logs.md).")
    List<Path> events = new ArrayList<>();

    @Option(names = "--max-input-size", paramLabel = "BYTES",
            description = "Largest input file accepted, in bytes (default: ${DEFAULT-VALUE}).", defaultValue = "67108864",
            converter = ByteSizeConverter.class)
    long maxInputSize;

    @Option(names = "--redact",
            description = "Replace account, group, domain, machine, site and pool names and domain-specific SIDs with "
                    + "stable pseudonyms (verdicts are unchanged), for reports attached to tickets.")
    boolean redact;

    @Option(names = "--redact-map", paramLabel = "FILE",
            description = "With --redact (implied): also write each real name and its pseudonym to FILE (JSON, see "
                    + "docs/snapshot.md), for your own use; the table is never part of the report.")
    Path redactMap;

    /** The pseudonym table of this run, once a redacted use case has made it. */
    private PseudonymTable table;

    /** The request of a command that reads one host: several --remote or --snapshot values are refused. */
    SnapshotRequest request(RemoteOptions remote) throws UsageException, InputException {
        FleetTargets targets = targets(remote);
        if (targets.isFleet()) {
            targets.close();
            throw new UsageException("this command reads one host: give one --remote HOST or one --snapshot FILE "
                    + "(audit and explain take several)");
        }
        return targets.single();
    }

    /** The use-case API, keeping the pseudonym table when --redact-map asks for it. */
    LogonRightsService service() {
        LogonRightsService service = new LogonRightsService();
        return redactMap == null ? service : service.withPseudonymTable(t -> table = t);
    }

    /** Writes the pseudonym table where --redact-map says, as --output writes a report (atomic, mode kept). */
    void writeRedactMap() throws UsageException, EnvironmentException {
        if (redactMap != null && table != null) {
            ReportOutput.writeFile(redactMap, table.json());
        }
    }

    /** Each host of a fleet has its own pseudonyms, so one table would mislead: --redact-map takes one host. */
    void refuseRedactMapForFleet() throws UsageException {
        if (redactMap != null) {
            throw new UsageException("--redact-map takes one host or snapshot: each host of a fleet has its own "
                    + "pseudonyms; run it per host");
        }
    }

    /** The host, or the hosts of a fleet, that these options and the remote options name. */
    FleetTargets targets(RemoteOptions remote) throws UsageException, InputException {
        InputSelection files = new InputSelection(secedit, applicationHost, memberships, gpresult, gpoTemplates, null, events);
        if (redactMap != null && ReportOutput.toStandardOutput(redactMap)) {
            throw new UsageException("--redact-map needs a file: the pseudonym table never goes to standard output, "
                    + "where the redacted report goes");
        }
        return FleetTargets.of(new SnapshotRequest(files, remote.request(), maxInputSize, redact || redactMap != null),
                remote.hosts(), snapshots);
    }

    /**
     * A size in bytes, or with a binary unit as -Xmx takes it: {@code 10M}, {@code 10MB} and {@code 10MiB}
     * are all 10,485,760 bytes; K and G likewise.
     */
    static final class ByteSizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
        private static final java.util.regex.Pattern SIZE =
                java.util.regex.Pattern.compile("(\\d{1,19})\\s*(?:([KkMmGg])(?:i?[Bb])?|[Bb])?");

        @Override
        public Long convert(String value) {
            java.util.regex.Matcher m = SIZE.matcher(value.strip());
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a size; give bytes (67108864) or a number with K, M or G (64M)");
            }
            int shift = m.group(2) == null ? 0 : switch (Character.toUpperCase(m.group(2).charAt(0))) {
                case 'K' -> 10;
                case 'M' -> 20;
                default -> 30;
            };
            try {
                long n = Long.parseLong(m.group(1));
                if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
                    throw new NumberFormatException();
                }
                return n << shift;
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is too large a size");
            }
        }
    }
}
