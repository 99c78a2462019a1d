package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.JarRunner;
import org.logonrights.testing.Truncations;

/**
 * The cuts of the two security templates issue 16 names, through the built jar: the Server Fault
 * export (a cut inside a SID was a confident WILL_FAIL) and the gpo-refresh GPO template (a cut
 * that drops a deny was a WILL_START). {@link TruncatedInputsTest} runs every input of every sample in
 * process; a JVM per cut keeps this to the two files, about a minute.
 */
class TruncatedInputsIT {

    @Test
    void cutsOfTheServerFaultExport() {
        check("server-fault", "secedit.inf");
    }

    @Test
    void cutsOfTheGpoRefreshTemplate() {
        check("gpo-refresh", "GptTmpl.inf");
    }

    private static void check(String name, String fileName) {
        Truncations.Sample all = Truncations.samples().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        List<String> file = all.files().stream().filter(f -> f.endsWith(fileName)).toList();
        Truncations.Sample sample = new Truncations.Sample(all.name(), all.folder(), all.inputs(), file);
        int runs = Truncations.check(sample, TruncatedInputsIT::jar);
        assertTrue(runs >= 30, runs + " cuts");
    }

    private static CliResult jar(List<String> args) {
        try {
            return JarRunner.run(args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
