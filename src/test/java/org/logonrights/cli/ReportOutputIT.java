package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Samples;

/**
 * {@code --output} as issue 16 specifies it, through the jar (umask, descriptors and another user
 * need their own process): each case as the user running the build and, when that is root, again as
 * {@code nobody} through util-linux {@code setpriv}, since root writes where permission bits stop
 * everybody else.
 */
class ReportOutputIT {

    private static final int NOBODY = 65534;
    private static Path shared;
    private static Path jar;
    private static Path secedit;
    private static Path config;

    /** Who runs the jar: the build's own user, or nobody. */
    enum As { SELF, NOBODY }

    @BeforeAll
    static void setUp() throws IOException {
        shared = Files.createTempDirectory("logonrights-output");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.copy(JarRunner.jar(), shared.resolve("logonrights.jar"));
        secedit = Files.copy(Samples.dir(Samples.DEFAULT_IIS).resolve("secedit.inf"), shared.resolve("secedit.inf"));
        config = Files.copy(Samples.dir(Samples.DEFAULT_IIS).resolve("applicationHost.config"),
                shared.resolve("applicationHost.config"));
        for (Path p : List.of(jar, secedit, config)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        delete(shared);
    }

    static Stream<As> users() {
        return isRoot() && setpriv() != null ? Stream.of(As.SELF, As.NOBODY) : Stream.of(As.SELF);
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void dashIsStandardOutputAndCreatesNoFile(As as) throws Exception {
        Path dir = workDir(as);
        CliResult r = run(as, dir, "umask 022; exec \"$@\"", "-o", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("{"), r.stdout());
        assertFalse(Files.exists(dir.resolve("-")), "no file named -");
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void aNewFileGetsTheUmasksModeAndAnExistingOneKeepsItsMode(As as) throws Exception {
        Path dir = workDir(as);
        Path report = dir.resolve("report.json");
        assertEquals(0, run(as, dir, "umask 027; exec \"$@\"", "-o", report.toString()).exitCode());
        assertEquals("rw-r-----", mode(report));
        assertReport(report);

        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.writeString(report, "old");
        assertEquals(0, run(as, dir, "umask 077; exec \"$@\"", "-o", report.toString()).exitCode());
        assertEquals("rw-rw-r--", mode(report));
        assertReport(report);
        assertEquals(List.of(report), list(dir), "no temporary file is left");
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void aSymlinkIsFollowedNeverReplaced(As as) throws Exception {
        Path dir = workDir(as);
        Path target = oldFile(dir, "target.json", as);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("target.json"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("created.json"));

        assertEquals(0, run(as, dir, "exec \"$@\"", "-o", link.toString()).exitCode());
        assertEquals(0, run(as, dir, "exec \"$@\"", "-o", dangling.toString()).exitCode());

        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(dangling), "the links stay links");
        assertReport(target);
        assertReport(dir.resolve("created.json"));
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void devicesFifosAndDescriptorsAreWrittenDirectly(As as) throws Exception {
        Path dir = workDir(as);
        assertEquals(0, run(as, dir, "exec \"$@\"", "-o", "/dev/null").exitCode());
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "/dev/null stays a device");

        Path viaStdout = dir.resolve("stdout.json");
        Path viaFd = dir.resolve("fd3.json");
        Path viaSubstitution = dir.resolve("substituted.json");
        assertEquals(0, run(as, dir, "exec \"$@\" > " + viaStdout, "-o", "/dev/stdout").exitCode());
        assertEquals(0, run(as, dir, "exec \"$@\" 3> " + viaFd, "-o", "/dev/fd/3").exitCode());
        // Process substitution: the path is /dev/fd/63, a pipe to cat.
        CliResult substituted = run(as, dir, "\"$@\" -o >(cat > " + viaSubstitution + "); wait");
        assertEquals(0, substituted.exitCode(), substituted.stderr());
        for (Path p : List.of(viaStdout, viaFd, viaSubstitution)) {
            waitFor(p);
            assertReport(p);
        }

        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        chown(fifo, as);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readAll(fifo));
        assertEquals(0, run(as, dir, "exec \"$@\"", "-o", fifo.toString()).exitCode());
        assertTrue(read.get(2, TimeUnit.MINUTES).startsWith("{"));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO stays a FIFO");
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void aReadOnlyFileIsPermissionDenied(As as) throws Exception {
        Path dir = workDir(as);
        Path report = oldFile(dir, "readonly.json", as);
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("r--r--r--"));

        CliResult r = run(as, dir, "exec \"$@\"", "-o", report.toString());

        assertEquals(2, r.exitCode());
        assertEquals(List.of("logonrights: permission denied: " + report), r.stderrLines());
        assertEquals("old", Files.readString(report));
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void aFolderWithoutWritePermission(As as) throws Exception {
        Path dir = workDir(as);
        Path locked = Files.createDirectory(dir.resolve("locked"));
        chown(locked, as);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path report = locked.resolve("report.json");

        CliResult r = run(as, dir, "exec \"$@\"", "-o", report.toString());

        if (as == As.SELF && isRoot()) {
            // Root writes into any folder, as cp and a shell redirection do.
            assertEquals(0, r.exitCode(), r.stderr());
            assertReport(report);
        } else {
            assertEquals(2, r.exitCode());
            assertEquals(List.of("logonrights: permission denied: " + report), r.stderrLines());
            assertFalse(Files.exists(report));
        }
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("users")
    void aDirectoryOrAMissingFolderIsAUsageError(As as) throws Exception {
        Path dir = workDir(as);
        CliResult folder = run(as, dir, "exec \"$@\"", "-o", dir.toString());
        assertEquals(2, folder.exitCode());
        assertEquals(List.of("logonrights: " + dir + ": is a directory, not a file"), folder.stderrLines());
        CliResult missing = run(as, dir, "exec \"$@\"", "-o", dir.resolve("no/such/report.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(List.of("logonrights: " + dir.resolve("no/such/report.json")
                + ": the folder for the output file does not exist"), missing.stderrLines());
    }

    // ---- running the jar as a user, in a shell

    /** {@code bash -c SCRIPT} in {@code dir}, where "$@" is the audit command with {@code outputArgs} after it. */
    private static CliResult run(As as, Path dir, String script, String... outputArgs) throws Exception {
        List<String> command = new ArrayList<>();
        if (as == As.NOBODY) {
            command.addAll(List.of(setpriv().toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of("bash", "-c", script, "bash", JarRunner.java().toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-Duser.home=" + dir, "-jar", jar.toString(), "audit", "--format", "json",
                "--secedit", secedit.toString(), "--applicationhost", config.toString()));
        command.addAll(List.of(outputArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(dir.toFile());
        return JarRunner.run(pb);
    }

    private static Path workDir(As as) throws IOException {
        Path dir = Files.createTempDirectory(shared, as.name().toLowerCase(java.util.Locale.ROOT));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        chown(dir, as);
        return dir;
    }

    /** A file holding "old", owned by the user the jar runs as. */
    private static Path oldFile(Path dir, String name, As as) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "old");
        chown(file, as);
        return file;
    }

    private static void chown(Path p, As as) throws IOException {
        if (as == As.NOBODY) {
            UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(p, users.lookupPrincipalByName(String.valueOf(NOBODY)));
            Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(users.lookupPrincipalByGroupName(String.valueOf(NOBODY)));
        }
    }

    private static void assertReport(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{") && text.contains("\"pools\""), p + ": " + text);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** A process substitution's reader may finish after the shell. */
    private static void waitFor(Path p) throws InterruptedException, IOException {
        for (int i = 0; i < 100 && (!Files.exists(p) || Files.size(p) == 0); i++) {
            Thread.sleep(50);
        }
    }

    private static String readAll(Path fifo) {
        try (InputStream in = Files.newInputStream(fifo)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path setpriv() {
        return Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Files.delete(p);
            }
        }
    }
}
