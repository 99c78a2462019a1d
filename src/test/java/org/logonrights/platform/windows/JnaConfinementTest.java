package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only org.logonrights.platform.windows mentions JNA, and within it only the native side. */
class JnaConfinementTest {

    private static final Path WINDOWS = Path.of("org", "logonrights", "platform", "windows");
    private static final List<String> PURE_JAVA = List.of(
            "LocalSecurityPolicy.java", "LiveRightsReader.java", "LsaException.java",
            "LsaAccessDeniedException.java", "LsaNoSuchPrivilegeException.java", "ResolvedName.java",
            "SidNameUse.java", "NtStatus.java", "GroupMembershipReader.java", "MembershipResult.java",
            "LogonGroupFilter.java", "AccountResolver.java", "ResolvedAccount.java", "Win32CallException.java",
            "WmiClient.java", "WmiObject.java", "WmiException.java", "GroupPolicyResult.java", "LiveGroupPolicyReader.java",
            "MachineFacts.java");

    private static Path mainSources() throws URISyntaxException {
        Path testClasses = Path.of(JnaConfinementTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent().getParent().resolve(Path.of("src", "main", "java"));
    }

    @Test
    void noOtherPackageAndNoPureJavaTypeMentionsJna() throws IOException, URISyntaxException {
        Path root = mainSources();
        assertTrue(Files.isDirectory(root.resolve(WINDOWS)), "sources not found at " + root);
        List<String> offenders;
        List<String> users;
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> jna = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(JnaConfinementTest::mentionsJna)
                    .map(root::relativize)
                    .sorted()
                    .toList();
            offenders = jna.stream()
                    .filter(p -> !p.getParent().equals(WINDOWS) || PURE_JAVA.contains(p.getFileName().toString()))
                    .map(Path::toString)
                    .toList();
            users = jna.stream().map(p -> p.getFileName().toString()).toList();
        }
        assertEquals(List.of(), offenders);
        assertTrue(users.contains("LsaApi.java") && users.contains("JnaLocalSecurityPolicy.java"),
                "the scan must see the native side, or it proves nothing: " + users);
    }

    private static boolean mentionsJna(Path file) {
        try {
            return Files.readString(file).contains("com.sun.jna");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
