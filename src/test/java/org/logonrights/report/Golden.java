package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the renderer contract test, read from and written to the source tree
 * ({@code src/test/resources/golden}), so that a regeneration is checked by the same run.
 *
 * <p>To regenerate after an intended output change, run
 * {@code mvn -B -o -q test -Dtest=RendererContractTest -Dlogonrights.updateGolden=true}, then review
 * {@code git diff src/test/resources/golden} before committing. Without the property a difference fails.
 */
final class Golden {

    static final String UPDATE_PROPERTY = "logonrights.updateGolden";
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** {@code expected-<scenario>.<extension>}. */
    static Path file(ReportScenarios scenario, ReportFormat format) {
        return DIR.resolve("expected-" + scenario.fileName() + "." + format.fileExtension());
    }

    static String render(ReportFormat format, AuditReport report) {
        StringWriter out = new StringWriter();
        try {
            format.renderer(RenderOptions.PLAIN).render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Compares with the golden file, line endings normalised; rewrites it instead when updating. */
    static void check(ReportScenarios scenario, ReportFormat format, String actual) throws IOException {
        Path file = file(scenario, format);
        if (updating()) {
            Files.createDirectories(DIR);
            Files.writeString(file, normalise(actual), StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), () -> "no golden file " + file + "; create it with -D" + UPDATE_PROPERTY + "=true");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(normalise(expected), normalise(actual), () -> format + " output of " + scenario.fileName()
                + " differs from " + file + "; if the change is intended, regenerate with -D" + UPDATE_PROPERTY + "=true");
    }

    static String normalise(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
