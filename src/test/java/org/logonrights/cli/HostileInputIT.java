package org.logonrights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.JarRunner;

/**
 * The one hostile-input case that needs its own JVM: a file the user may not read. Root reads any
 * file, and CI runs as root, so the jar runs as {@code nobody} (util-linux {@code setpriv}), which the
 * permission bits do stop; a process cannot drop root for one in-process call and get it back.
 * Every other case is in {@link HostileInputTest}.
 */
class HostileInputIT {

    @Test
    void fileWithoutReadPermissionAsNobody() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: not root; see HostileInputTest.fileWithoutReadPermission");
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(setpriv != null, "skipped: no setpriv to drop root");
        Path shared = Files.createTempDirectory("logonrights-nobody");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path jar = Files.copy(JarRunner.jar(), shared.resolve("logonrights.jar"));
            Path config = Files.write(shared.resolve("applicationHost.config"), HostileInputTest.sample("applicationHost.config"));
            Path file = Files.write(shared.resolve("unreadable.inf"), HostileInputTest.sample("secedit.inf"));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder pb = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    JarRunner.java().toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Duser.home=" + shared,
                    "-jar", jar.toString(), "audit", "--secedit", file.toString(), "--applicationhost", config.toString());
            pb.directory(shared.toFile());

            HostileInputTest.assertRefused(JarRunner.run(pb), file.toString(), null, "permission denied");
        } finally {
            try (Stream<Path> files = Files.list(shared)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(shared);
        }
    }
}
