package org.logonrights.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.logonrights.model.ConfigKind;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.EventLogs;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.LoggedEvent;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Memberships;
import org.logonrights.model.Provenance;
import org.logonrights.model.RightAssignment;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;
import org.logonrights.sources.ApplicationHostParser;
import org.logonrights.sources.EventLogReader;
import org.logonrights.sources.GpoMetadata;
import org.logonrights.sources.GpresultParser;
import org.logonrights.sources.GpresultReport;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.InputKind;
import org.logonrights.sources.MembershipFileParser;
import org.logonrights.sources.Parsed;
import org.logonrights.sources.SecurityTemplate;
import org.logonrights.sources.SecurityTemplateParser;

/**
 * Builds one snapshot from exported files: a secedit export and applicationHost.config, with the
 * optional memberships, gpresult and GPO templates ({@link SnapshotSources} chooses this source).
 */
public final class SnapshotLoader {

    /** What stands for the IIS configuration when none was given ({@code rights} needs only the rights). */
    private static final IisConfiguration NO_APPLICATION_HOST = new IisConfiguration(ConfigKind.NO_POOLS, List.of(),
            List.of(), List.of(), Provenance.computed("no applicationHost.config given"));

    private SnapshotLoader() {
    }

    /** Reads the offline artifacts into one snapshot, each file within the size limit. */
    public static Snapshot offline(InputSelection in, InputFiles files) throws InputException {
        InputReads reads = InputReads.forFiles(in.secedit(), in.applicationHost(), in.memberships(), in.gpresult());
        InputReads.Pending<Parsed<SecurityTemplate>> secedit =
                reads.add(() -> ExpectedInput.read(InputKind.SECURITY_TEMPLATE, in.secedit(), files,
                        () -> SecurityTemplateParser.parse(in.secedit(), SourceKind.SECEDIT_EXPORT, files)));
        InputReads.Pending<Parsed<IisConfiguration>> iis =
                reads.add(() -> in.applicationHost() == null ? null : ExpectedInput.read(InputKind.APPLICATION_HOST,
                        in.applicationHost(), files, () -> ApplicationHostParser.parse(in.applicationHost(), files)));
        InputReads.Pending<Parsed<Memberships>> memberships =
                reads.add(() -> in.memberships() == null ? null : ExpectedInput.read(InputKind.MEMBERSHIPS, in.memberships(),
                        files, () -> MembershipFileParser.parse(in.memberships(), files)));
        InputReads.Pending<Parsed<GpresultReport>> gpresult =
                reads.add(() -> in.gpresult() == null ? null : ExpectedInput.read(InputKind.GPRESULT, in.gpresult(), files,
                        () -> GpresultParser.parse(in.gpresult(), files)));
        reads.await();
        Snapshot snapshot = assemble(secedit.get(), iis.get(), memberships.get(), gpresult.get());
        if (in.gpoTemplates().isEmpty()) {
            return snapshot;
        }
        List<InputNote> notes = new ArrayList<>(snapshot.notes());
        GroupPolicy gp = withTemplates(snapshot.groupPolicy(), in.gpoTemplates(), files, notes);
        return new Snapshot(snapshot.machine(), snapshot.rights(), snapshot.iis(), snapshot.memberships(), gp, notes);
    }

    /**
     * The snapshot with the events of the server's logs: each file an .evtx log or an XML export.
     * A snapshot that already holds events (collected with {@code --events}) keeps them, first.
     */
    public static Snapshot withEvents(Snapshot snapshot, List<Path> logs, InputFiles files) throws InputException {
        List<LoggedEvent> events = new ArrayList<>();
        List<EventLogs.File> read = new ArrayList<>();
        if (snapshot.events() != null) {
            events.addAll(snapshot.events().events());
            read.addAll(snapshot.events().files());
        }
        List<InputNote> notes = new ArrayList<>();
        for (Path log : logs) {
            Parsed<EventLogReader.FileEvents> parsed = EventLogReader.read(files.readAll(log), log.toString());
            events.addAll(parsed.value().events());
            read.add(parsed.value().summary());
            notes.addAll(parsed.notes());
        }
        events.sort(Comparator.comparing(LoggedEvent::time).thenComparingLong(LoggedEvent::recordId));
        return snapshot.withEvents(new EventLogs(events, read), notes);
    }

    /**
     * Builds a snapshot from inputs already decoded in memory, exactly as {@link #offline(InputSelection, InputFiles)}
     * does from files; for tests and fuzzing, which need the whole path without the file system.
     *
     * @param memberships null when not supplied
     * @param gpresult null when not supplied
     */
    public static Snapshot offline(NamedText secedit, NamedText applicationHost, NamedText memberships,
                                   NamedText gpresult) throws InputException {
        return assemble(
                SecurityTemplateParser.parse(secedit.text(), secedit.name(), SourceKind.SECEDIT_EXPORT),
                ApplicationHostParser.parse(applicationHost.text(), applicationHost.name()),
                memberships == null ? null : MembershipFileParser.parse(memberships.text(), memberships.name()),
                gpresult == null ? null : GpresultParser.parse(gpresult.text(), gpresult.name()));
    }

    private static Snapshot assemble(Parsed<SecurityTemplate> secedit, Parsed<IisConfiguration> iis,
                                     Parsed<Memberships> memberships, Parsed<GpresultReport> gpresult) {
        List<InputNote> notes = new ArrayList<>(secedit.notes());
        EffectiveRights rights = secedit.value().toEffectiveRights();
        IisConfiguration pools = NO_APPLICATION_HOST;
        if (iis != null) {
            notes.addAll(iis.notes());
            pools = iis.value();
        }
        Memberships accounts = Memberships.NONE;
        if (memberships != null) {
            notes.addAll(memberships.notes());
            accounts = memberships.value();
        }
        MachineInfo machine = MachineInfo.UNKNOWN;
        GroupPolicy gp = null;
        if (gpresult != null) {
            notes.addAll(gpresult.notes());
            gp = gpresult.value().groupPolicy();
            machine = gpresult.value().machine();
        }
        return new Snapshot(machine, rights, pools, accounts, gp, notes);
    }

    /**
     * Adds GPO templates to the Group Policy picture. Templates rank below what gpresult reports for the
     * same right (gpresult is what the client applied) and among themselves in the order given.
     */
    private static GroupPolicy withTemplates(GroupPolicy gp, List<Path> templates, InputFiles files, List<InputNote> notes)
            throws InputException {
        List<GpoInfo> gpos = new ArrayList<>(gp == null ? List.of() : gp.gpos());
        List<GpoRightSetting> settings = new ArrayList<>(gp == null ? List.of() : gp.settings());
        List<Provenance> sources = new ArrayList<>(gp == null ? List.of() : gp.sources());
        int order = 0;
        for (Path path : templates) {
            order++;
            Parsed<SecurityTemplate> t = ExpectedInput.read(InputKind.SECURITY_TEMPLATE, path, files,
                    () -> SecurityTemplateParser.parse(path, SourceKind.GPO_TEMPLATE, files));
            notes.addAll(t.notes());
            Parsed<GpoInfo> info = GpoMetadata.forTemplate(path, files);
            notes.addAll(info.notes());
            GpoInfo gpo = info.value();
            if (gpos.stream().noneMatch(g -> g.sameGpo(gpo))) {
                gpos.add(gpo);
            }
            sources.add(t.value().source());
            for (RightAssignment a : t.value().rights().values()) {
                UserRight right = a.right();
                int maxExisting = settings.stream().filter(s -> s.right() == right)
                        .mapToInt(GpoRightSetting::precedence).max().orElse(0);
                settings.add(new GpoRightSetting(right, gpo, maxExisting + 1, a.entries(), a.provenance()));
            }
        }
        return new GroupPolicy(gpos, settings, sources);
    }
}
