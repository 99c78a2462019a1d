package org.logonrights.app;

import java.nio.file.Path;
import java.util.List;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.InputKind;

/**
 * Chooses the {@link SnapshotSource} a request names, and refuses requests that mix sources or lack
 * what their source needs. The only place that knows which options go together: a new kind of input
 * is a new source here and a new option in the front end, nothing else.
 */
public final class SnapshotSources {

    private SnapshotSources() {
    }

    /**
     * The source of {@code request}: a remote machine when any remote option was given, else a snapshot
     * file, else the exported files, else (no input at all) the local machine.
     *
     * @throws UsageException when the request mixes sources or lacks a required input
     */
    public static SnapshotSource select(SnapshotRequest request) throws UsageException {
        return select(request, true);
    }

    /**
     * The source of a {@code rights} request: as {@link #select}, but exported files need only the
     * rights (--secedit), since listing rights looks at no application pool.
     */
    public static SnapshotSource selectForRights(SnapshotRequest request) throws UsageException {
        return select(request, false);
    }

    /** The machine's source, with the event logs of {@code --events} (if any) read on top of it. */
    private static SnapshotSource select(SnapshotRequest request, boolean needsPools) throws UsageException {
        SnapshotSource source = machine(request, needsPools);
        List<Path> events = request.files().events();
        if (events.isEmpty()) {
            return source;
        }
        if (!needsPools) {
            throw new UsageException("rights holds no verdict against events; --events goes with audit, explain and collect");
        }
        InputFiles limit = new InputFiles(request.maxInputSize());
        return () -> SnapshotLoader.withEvents(source.read(), events, limit);
    }

    private static SnapshotSource machine(SnapshotRequest request, boolean needsPools) throws UsageException {
        long maxBytes = request.maxInputSize();
        if (maxBytes <= 0) {
            throw new UsageException("--max-input-size must be a positive number of bytes, not " + maxBytes);
        }
        InputSelection files = request.files();
        if (request.remote() != null) {
            return remote(request.remote(), files, maxBytes);
        }
        InputFiles limit = new InputFiles(maxBytes);
        if (files.snapshot() != null) {
            if (files.secedit() != null || files.applicationHost() != null || files.memberships() != null
                    || files.gpresult() != null || !files.gpoTemplates().isEmpty()) {
                throw new UsageException("--snapshot already holds every input; do not combine it with other input files");
            }
            return () -> ExpectedInput.read(InputKind.SNAPSHOT, files.snapshot(), limit,
                    () -> SnapshotFiles.read(files.snapshot(), limit));
        }
        if (files.isEmpty()) {
            return () -> LiveMode.readLocalMachine(limit);
        }
        if (onlyMemberships(files) && LiveMode.isWindows()) {
            // The live reader, with the file's groups supplying or overriding what it resolves; elsewhere
            // a lone --memberships is an incomplete offline audit, and the message below says so.
            return () -> MembershipOverrides.apply(LiveMode.readLocalMachine(limit), files.memberships(), limit);
        }
        if (!needsPools && files.secedit() == null) {
            throw new UsageException("rights needs --secedit (secedit /export /areas USER_RIGHTS), or --snapshot");
        }
        if (needsPools && (files.secedit() == null || files.applicationHost() == null)) {
            throw new UsageException("an offline audit needs both --secedit (secedit /export /areas USER_RIGHTS) and "
                    + "--applicationhost (applicationHost.config), or --snapshot");
        }
        return () -> SnapshotLoader.offline(files, limit);
    }

    private static SnapshotSource remote(RemoteRequest remote, InputSelection files, long maxBytes)
            throws UsageException {
        if (remote.host() == null) {
            throw new UsageException("--user, --password-env, --password-file, --config-path and the --dc options need --remote HOST");
        }
        if (!files.isEmpty() && !onlyMemberships(files)) {
            throw new UsageException("--remote reads the rights and applicationHost.config from HOST; "
                    + "do not combine it with input files other than --memberships");
        }
        if (remote.directory().caFile() != null && remote.directory().binding() != RemoteRequest.Binding.LDAPS) {
            throw new UsageException("--dc-ca names the CA of the DC's TLS certificate: it goes with --dc-auth ldaps");
        }
        if (remote.user() == null) {
            throw new UsageException("--remote needs --user DOMAIN\\name (an administrator of " + remote.host() + ")");
        }
        SnapshotSource read = () -> RemoteSnapshotReader.read(remote.host(), remote.user(), remote.password().read(),
                remote.configPath(), maxBytes, remote.directory());
        if (files.memberships() == null) {
            return read;
        }
        InputFiles limit = new InputFiles(maxBytes);
        return () -> MembershipOverrides.apply(read.read(), files.memberships(), limit);
    }

    /** True when --memberships is the only input file: it then adds to a live or remote read. */
    private static boolean onlyMemberships(InputSelection files) {
        return files.memberships() != null && files.secedit() == null && files.applicationHost() == null
                && files.gpresult() == null && files.gpoTemplates().isEmpty() && files.snapshot() == null;
    }
}
