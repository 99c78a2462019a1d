package org.logonrights.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.logonrights.testing.CliResult;

/** Runs Debian's {@code ansible-playbook} for the samples/ansible tests, in a throw-away Ansible home. */
final class Ansible {

    static final Path PLAYBOOK = Path.of("/usr/bin/ansible-playbook");
    static final Path SAMPLES = Path.of("samples", "ansible");

    private Ansible() {
    }

    /** Skips without Ansible, with the reason; under CI a missing Ansible is a failure. */
    static void assumeAvailable() {
        if (!Files.isExecutable(PLAYBOOK)) {
            skipOrFail("ansible-playbook is not installed (apt-get install ansible, as .ci/run does)");
        }
    }

    static void skipOrFail(String reason) {
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            fail("CI is set, so this is a failure, not a skip: " + reason);
        }
        Assumptions.abort(reason);
    }

    /** {@code ansible-playbook ARGS} in {@code dir}, with {@code env} added; its output as one stream. */
    static CliResult run(Path dir, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve(".ansible-home"));
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(PLAYBOOK.toString())));
        pb.command().addAll(args);
        pb.directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("ANSIBLE_HOME", home.toString(), "ANSIBLE_LOCAL_TEMP", home.resolve("tmp").toString(),
                "ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "false", "ANSIBLE_HOST_KEY_CHECKING", "false"));
        pb.environment().putAll(env);
        Path log = dir.resolve("ansible-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("ansible-playbook did not finish within 5 minutes:\n" + Files.readString(log));
        }
        return new CliResult(p.exitValue(), Files.readString(log), "");
    }
}
