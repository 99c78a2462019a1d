package org.logonrights.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.EffectiveRights;
import org.logonrights.model.IdentityType;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Memberships;
import org.logonrights.model.ProcessModel;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.windows.GroupMembershipReader;
import org.logonrights.platform.windows.GroupPolicyResult;
import org.logonrights.platform.windows.LiveRightsReader;
import org.logonrights.platform.windows.LocalSecurityPolicy;
import org.logonrights.platform.windows.LsaException;
import org.logonrights.platform.windows.MachineFacts;
import org.logonrights.platform.windows.MembershipResult;
import org.logonrights.sources.ApplicationHostParser;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.Parsed;

/**
 * Builds a snapshot of the machine this runs on: the ten logon rights from LSA, the IIS
 * configuration (following shared configuration), the group membership of every SpecificUser
 * account (once per account), what RSoP says about GPOs, and the machine's name and versions.
 *
 * <p>Fails only when the audit would otherwise be wrong: LSA unreadable, or no readable IIS
 * configuration. Membership and GPO trouble become notes, and the engine decides with less.
 */
final class LiveSnapshotReader {

    static final String ACCESS_DENIED = "access denied by LSA (0xC0000022): run logonrights from an elevated prompt";

    private final LiveSources sources;
    private final InputFiles files;

    LiveSnapshotReader(LiveSources sources, InputFiles files) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** A reader of the Windows machine this runs on. */
    static LiveSnapshotReader windows(InputFiles files) {
        return new LiveSnapshotReader(new WindowsLiveSources(), files);
    }

    Snapshot read() throws EnvironmentException, InputException {
        List<InputNote> notes = new ArrayList<>();
        MachineFacts facts = sources.machine();
        String computer = facts.computerName();
        MachineInfo machine = machineInfo(facts, computer);
        Parsed<IisConfiguration> iis;
        EffectiveRights rights;
        Memberships memberships;
        // LSA first: without elevation it is the first thing to refuse, with the clearest message.
        try (LocalSecurityPolicy policy = sources.openPolicy()) {
            rights = new LiveRightsReader(policy, null).read(notes);
            iis = readIis(sources.inetsrvConfig(), files, notes);
            notes.addAll(0, iis.notes());
            try (GroupMembershipReader reader = sources.membershipReader(policy, computer)) {
                memberships = readMemberships(iis.value(), reader, notes);
            }
        } catch (LsaException e) {
            throw environment(e);
        }
        GroupPolicyResult gp = sources.groupPolicy();
        notes.addAll(gp.notes());
        return new Snapshot(machine, rights, iis.value(), memberships, gp.groupPolicy(), notes);
    }

    /** The EnvironmentException for a failed LSA read: the elevation hint, or the call and its status. */
    static EnvironmentException environment(LsaException e) {
        if (e.isAccessDenied()) {
            return new EnvironmentException(ACCESS_DENIED, e);
        }
        return new EnvironmentException("cannot read the local security policy: " + e.getMessage(), e);
    }

    private static MachineInfo machineInfo(MachineFacts facts, String computer) {
        String os = facts.productName().orElse(System.getProperty("os.name", "Windows"));
        String version = System.getProperty("os.version", "");
        StringBuilder b = new StringBuilder(os);
        if (!version.isBlank()) {
            b.append(' ').append(version);
        }
        facts.build().ifPresent(build -> b.append(" (build ").append(build).append(')'));
        return new MachineInfo(computer, facts.dnsDomain().orElse(null), b.toString(), facts.iisVersion().orElse(null));
    }

    /**
     * Reads applicationHost.config, or the shared one redirection.config points at. Missing or
     * unreadable files are environment errors; a malformed file is an input error naming its line.
     */
    static Parsed<IisConfiguration> readIis(Path configDirectory, InputFiles files, List<InputNote> notes)
            throws EnvironmentException, InputException {
        Path config = configDirectory.resolve("applicationHost.config");
        Path redirection = configDirectory.resolve("redirection.config");
        if (Files.exists(redirection)) {
            requireReadable(redirection);
            SharedConfiguration shared = SharedConfiguration.read(redirection, files);
            if (shared.enabled()) {
                config = sharedConfig(shared, redirection);
                notes.add(new InputNote(InputNote.Level.INFO, "shared-configuration-followed",
                        "shared configuration is enabled in " + redirection + ": the IIS configuration was read from "
                                + config, Provenance.of(SourceKind.APPLICATION_HOST, redirection.toString())));
            }
        }
        if (!Files.exists(config)) {
            throw new EnvironmentException("no IIS configuration at " + config + ": is IIS (the Web Server role) installed?");
        }
        requireReadable(config);
        return ApplicationHostParser.parse(config, files);
    }

    private static Path sharedConfig(SharedConfiguration shared, Path redirection) throws EnvironmentException {
        if (shared.path() == null) {
            throw new EnvironmentException("shared configuration is enabled in " + redirection
                    + " but it names no path, so the IIS configuration cannot be found");
        }
        Path config;
        try {
            config = Path.of(shared.path()).resolve("applicationHost.config");
        } catch (InvalidPathException e) {
            throw new EnvironmentException("shared configuration is enabled (" + redirection + "): the config lives at "
                    + shared.path() + ", which is not a path this tool can open", e);
        }
        if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
            throw new EnvironmentException("shared configuration is enabled (" + redirection + "): the config lives at "
                    + shared.path() + ", and " + config + " cannot be read from here; run logonrights as an account that "
                    + "can read that share, or copy that applicationHost.config and audit it with --applicationhost");
        }
        return config;
    }

    private static void requireReadable(Path file) throws EnvironmentException {
        if (!Files.isReadable(file)) {
            throw new EnvironmentException("cannot read " + file + ": access denied; run logonrights from an elevated prompt");
        }
    }

    /** One read per distinct SpecificUser account (case-insensitive), in the order pools name them. */
    static Memberships readMemberships(IisConfiguration iis, GroupMembershipReader reader, List<InputNote> notes) {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (AppPool pool : iis.pools()) {
            ProcessModel pm = pool.processModel();
            if (pm.identityType() == IdentityType.SPECIFIC_USER && pm.userName() != null) {
                String user = pm.userName().strip();
                accounts.putIfAbsent(user.toLowerCase(Locale.ROOT), user);
            }
        }
        List<AccountMembership> found = new ArrayList<>();
        for (String account : accounts.values()) {
            MembershipResult r = reader.read(account);
            r.found().ifPresent(found::add);
            notes.addAll(r.notes());
        }
        return found.isEmpty() ? Memberships.NONE : new Memberships(found);
    }
}
