package org.logonrights.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.IisConfiguration;
import org.logonrights.model.InputException;
import org.logonrights.model.InputNote;
import org.logonrights.model.MachineInfo;
import org.logonrights.model.Memberships;
import org.logonrights.model.Provenance;
import org.logonrights.model.Snapshot;
import org.logonrights.model.SourceKind;
import org.logonrights.platform.remote.DcLocator;
import org.logonrights.platform.remote.DirectoryException;
import org.logonrights.platform.remote.DomainDirectory;
import org.logonrights.platform.remote.LdapDirectory;
import org.logonrights.platform.remote.RemoteAccount;
import org.logonrights.platform.remote.RemoteFiles;
import org.logonrights.platform.remote.RemoteLsa;
import org.logonrights.platform.remote.RemoteLsaException;
import org.logonrights.platform.remote.RemoteRightsReader;
import org.logonrights.platform.remote.RemoteTarget;
import org.logonrights.sources.ApplicationHostParser;
import org.logonrights.sources.DecodedText;
import org.logonrights.sources.Parsed;
import org.logonrights.sources.TextDecoder;

/**
 * Builds a snapshot of another machine from any OS: its logon rights over MS-LSAD and its
 * applicationHost.config over SMB, as one {@link Snapshot} the engine cannot tell from a local one.
 */
public final class RemoteSnapshotReader {

    /** Where IIS keeps its configuration, as {@code SHARE\path}. */
    public static final String DEFAULT_CONFIG_PATH = "C$\\Windows\\System32\\inetsrv\\config\\applicationHost.config";

    private RemoteSnapshotReader() {
    }

    /**
     * Reads {@code host} as {@code user}; {@code configPath} is {@code SHARE\path\to\applicationHost.config}
     * (null: {@link #DEFAULT_CONFIG_PATH}), read only up to {@code maxBytes}. The password array is
     * zeroed before this returns.
     *
     * @throws UsageException when host, user or config path is malformed (exit 2)
     * @throws EnvironmentException when the machine cannot be read: unreachable, logon refused, access denied (exit 3)
     * @throws InputException when the configuration read is too large or invalid (exit 2)
     */
    public static Snapshot read(String host, String user, char[] password, String configPath, long maxBytes)
            throws UsageException, EnvironmentException, InputException {
        return read(host, user, password, configPath, maxBytes, RemoteRequest.Directory.DEFAULT);
    }

    /**
     * As {@link #read(String, String, char[], String, long)}, reading domain accounts' groups as
     * {@code directory} says (null, or its DC null: the target itself when it is a domain controller, with Kerberos).
     */
    public static Snapshot read(String host, String user, char[] password, String configPath, long maxBytes,
                                RemoteRequest.Directory directory)
            throws UsageException, EnvironmentException, InputException {
        try {
            RemoteTarget target = parse(() -> RemoteTarget.parse(host), "--remote");
            RemoteAccount account = parse(() -> RemoteAccount.parse(user), "--user");
            RemoteRequest.Directory dcs = directory == null ? RemoteRequest.Directory.DEFAULT : directory;
            String dc = dcs.dc();
            String dcHost = dc == null ? null : parse(() -> RemoteTarget.parse(dc), "--dc").host();
            ConfigPath config = ConfigPath.parse(configPath == null ? DEFAULT_CONFIG_PATH : configPath);
            List<RemoteFiles> opened = new ArrayList<>();
            try (RemoteLsa lsa = RemoteLsa.open(target, account, password)) {
                // The same credentials log on to the DC (Kerberos); the array is zeroed in finally.
                return read(lsa, target.unc(), config, maxBytes, (isDc, dnsDomain) -> {
                    List<String> candidates = dcHost != null ? List.of(dcHost) : isDc ? List.of(target.host())
                            : discovered(target, dnsDomain);
                    return openFirst(candidates, dcs, account, password, target);
                }, (isDc, dnsDomain) -> {
                    RemoteFiles files = sysvolFiles(lsa, target, dc, isDc, dnsDomain, account, password);
                    if (files != lsa) {
                        opened.add(files);
                    }
                    return files;
                });
            } catch (RemoteLsaException e) {
                if (e.reason() == RemoteLsaException.Reason.TOO_LARGE) {
                    throw new InputException((String) null, null, e.getMessage(), e); // the message names the file
                }
                throw new EnvironmentException(e.getMessage(), e);
            } finally {
                opened.forEach(RemoteFiles::close);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The DC whose SYSVOL holds the GPO templates: {@code --dc} when given (and, when it does not answer,
     * the target if it is a DC), else the target when it is a DC (its own session), else the first DC of
     * its domain that answers; a session of its own, with the same credentials and bounds, for files only.
     */
    private static RemoteFiles sysvolFiles(RemoteLsa lsa, RemoteTarget target, String dc, boolean isDc, String dnsDomain,
                                           RemoteAccount account, char[] password) throws RemoteLsaException {
        List<RemoteTarget> candidates = new ArrayList<>();
        if (dc != null) {
            RemoteTarget given = RemoteTarget.parse(dc).withTimeout(target.timeout());
            if (given.host().equalsIgnoreCase(target.host()) && given.port() == target.port()) {
                return lsa;
            }
            candidates.add(given);
        } else if (isDc) {
            return lsa;
        } else {
            try {
                for (String host : discovered(target, dnsDomain)) {
                    candidates.add(new RemoteTarget(host, RemoteTarget.SMB_PORT, target.timeout()));
                }
            } catch (DirectoryException e) {
                throw new RemoteLsaException(RemoteLsaException.Reason.UNREACHABLE, "no domain controller to read SYSVOL"
                        + " from: " + e.getMessage(), e);
            }
        }
        RemoteLsaException last = new RemoteLsaException(RemoteLsaException.Reason.UNREACHABLE,
                "no domain controller of " + dnsDomain + " found to read SYSVOL from; give --dc HOST");
        for (RemoteTarget candidate : candidates) {
            try {
                return RemoteFiles.open(candidate, account, password);
            } catch (RemoteLsaException e) {
                if (e.reason() != RemoteLsaException.Reason.UNREACHABLE && e.reason() != RemoteLsaException.Reason.TIMEOUT) {
                    throw e;
                }
                last = e;
            }
        }
        if (isDc) {
            return lsa; // --dc did not answer, but the target is itself a DC of the domain whose SYSVOL is wanted
        }
        throw last;
    }

    /** Opens the files of the DC that serves SYSVOL, told whether the target is a DC and its DNS domain. */
    @FunctionalInterface
    interface SysvolChoice {
        RemoteFiles open(boolean targetIsDc, String dnsDomain) throws RemoteLsaException;
    }

    /** The DCs of the target's DNS domain, from its SRV records; at most three are tried. */
    private static List<String> discovered(RemoteTarget target, String dnsDomain) throws DirectoryException {
        if (dnsDomain == null) {
            throw new DirectoryException(DirectoryException.Reason.UNREACHABLE, "no domain controller to ask: "
                    + target.host() + " reports no DNS domain (a workgroup machine, or the query failed); give --dc HOST",
                    null);
        }
        List<String> found = DcLocator.locate(dnsDomain, DcLocator.systemDns(target.timeout()));
        return found.subList(0, Math.min(3, found.size()));
    }

    /** The first candidate that answers; one that is unreachable or silent gives way to the next. */
    private static DomainDirectory openFirst(List<String> candidates, RemoteRequest.Directory dcs, RemoteAccount account,
                                             char[] password, RemoteTarget target) throws DirectoryException {
        DirectoryException last = null;
        for (String dc : candidates) {
            try {
                return dcs.binding() == RemoteRequest.Binding.LDAPS
                        ? LdapDirectory.openLdaps(dc, account, password, target.timeout(), dcs.caFile())
                        : LdapDirectory.open(dc, account, password, target.timeout());
            } catch (DirectoryException e) {
                if (e.reason() != DirectoryException.Reason.UNREACHABLE && e.reason() != DirectoryException.Reason.TIMEOUT) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /**
     * Opens the directory for domain accounts' groups, told whether the target is itself a domain
     * controller and, when not, the DNS domain it belongs to (null: none or unknown).
     */
    @FunctionalInterface
    interface DirectoryChoice {
        DomainDirectory open(boolean targetIsDc, String dnsDomain) throws DirectoryException;
    }

    /** As below, reading SYSVOL through the target's own session. */
    static Snapshot read(RemoteLsa lsa, String uncHost, ConfigPath config, long maxBytes, DirectoryChoice directories)
            throws RemoteLsaException, InputException {
        return read(lsa, uncHost, config, maxBytes, directories, (isDc, dnsDomain) -> lsa);
    }

    /** Assembles the snapshot from an open policy; package-private so tests can pass a fake. */
    static Snapshot read(RemoteLsa lsa, String uncHost, ConfigPath config, long maxBytes, DirectoryChoice directories,
                         SysvolChoice sysvol) throws RemoteLsaException, InputException {
        RemoteRightsReader.Result rights = new RemoteRightsReader(lsa, uncHost).read();
        String fileName = uncHost + "\\" + config.share() + "\\" + config.path();
        byte[] bytes = lsa.readFile(config.share(), config.path(), maxBytes);
        DecodedText decoded = TextDecoder.decode(bytes, fileName);
        Parsed<IisConfiguration> iis = ApplicationHostParser.parse(decoded.text(), fileName);
        List<InputNote> notes = new ArrayList<>(rights.notes());
        if (decoded.warning() != null) {
            notes.add(new InputNote(InputNote.Level.WARNING, "encoding-fallback", decoded.warning(),
                    Provenance.of(SourceKind.APPLICATION_HOST, fileName)));
        }
        notes.addAll(iis.notes());
        MachineInfo machine = rights.machine();
        // On a DC the account domain is the domain itself, so RemoteRightsReader leaves the name unknown.
        boolean targetIsDc = machine.name() == null && machine.domain() != null;
        String dnsDomain = dnsDomain(lsa);
        Memberships memberships = new RemoteMemberships(lsa, uncHost, machine,
                () -> directories.open(targetIsDc, targetIsDc ? null : dnsDomain)).read(iis.value(), notes);
        GroupPolicy gp = new RemoteGroupPolicy(lsa, uncHost, dnsDomain, machine.domain(),
                () -> sysvol.open(targetIsDc, dnsDomain), maxBytes).read(notes);
        return new Snapshot(machine, rights.rights(), iis.value(), memberships, gp, notes);
    }

    /** The target's DNS domain for DC discovery; a failed query means "unknown", which the caller reports. */
    private static String dnsDomain(RemoteLsa lsa) {
        try {
            return lsa.dnsDomainName();
        } catch (RemoteLsaException e) {
            return null;
        }
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, String option) throws UsageException {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** {@code SHARE\path}: the share, then the path inside it (backslashes; forward slashes accepted). */
    record ConfigPath(String share, String path) {

        static ConfigPath parse(String value) throws UsageException {
            String s = value.strip().replace('/', '\\');
            while (s.startsWith("\\")) {
                s = s.substring(1);
            }
            int slash = s.indexOf('\\');
            if (slash <= 0 || slash == s.length() - 1) {
                throw new UsageException("--config-path: expected SHARE\\path\\to\\applicationHost.config, e.g. "
                        + DEFAULT_CONFIG_PATH + ", got '" + value + "'");
            }
            return new ConfigPath(s.substring(0, slash), s.substring(slash + 1));
        }
    }
}
