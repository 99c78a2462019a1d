package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** Wrong but parseable inputs (issue 16, point 2): plain one-line answers that name the right option. */
class WrongInputsTest {

    /** Java's marks in a message: a package, a nested class, an exception's or Jackson's names. */
    private static final Pattern JAVA = Pattern.compile("\\b(org|java|com)\\.[a-z]|\\$[A-Z]|Exception|DeserializationFeature"
            + "|JsonToken|\\bint\\b|\\blong\\b");
    private static final String SF = Samples.SERVER_FAULT;

    /** Each sample file with the option it belongs to. */
    private static final Map<String, String> FILES = Map.of(SF + "secedit.inf", "--secedit",
            SF + "applicationHost.config", "--applicationhost", SF + "memberships.json", "--memberships",
            SF + "gpresult.xml", "--gpresult", Samples.GPO_REFRESH_TEMPLATE, "--gpo-template");

    @Test
    void everyFileGivenToEveryWrongOptionSaysWhatItIsAndWhereItBelongs(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("snapshot.json");
        assertEquals(0, Cli.run(Samples.command(Samples.serverFault(), "collect", "-o", snapshot.toString())).exitCode());
        Map<String, String> files = new java.util.HashMap<>(FILES);
        files.put(snapshot.toString(), "--snapshot");
        List<String> options = List.of("--secedit", "--applicationhost", "--memberships", "--gpresult", "--gpo-template",
                "--snapshot");
        int checked = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            for (String option : options) {
                if (option.equals(file.getValue()) || option.equals("--gpo-template") && file.getValue().equals("--secedit")
                        || option.equals("--secedit") && file.getValue().equals("--gpo-template")) {
                    continue;
                }
                CliResult r = Cli.run(withFileAt(option, file.getKey()));
                String what = file.getKey() + " given to " + option;
                assertEquals(2, r.exitCode(), what + ": " + r.stderr());
                assertEquals(1, r.stderrLines().size(), what + ": " + r.stderr());
                String line = r.stderrLines().get(0);
                assertFalse(JAVA.matcher(line).find(), what + " names Java: " + line);
                String belongs = file.getValue().equals("--secedit") || file.getValue().equals("--gpo-template")
                        ? "give it to --secedit or --gpo-template" : "give it to " + file.getValue();
                assertTrue(line.endsWith(belongs), what + ": " + line);
                checked++;
            }
        }
        assertEquals(28, checked, "6 files, 6 options, less each file's own and the two template options");
    }

    @Test
    void aReportGivenAsASnapshotIsNamedAsOne(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        Cli.run(Samples.command(Samples.serverFault(), "audit", "--format", "json", "-o", report.toString()));
        CliResult r = Cli.run("audit", "--snapshot", report.toString());
        assertEquals(List.of("logonrights: " + report + ": this is a logonrights report, not a snapshot (logonrights collect)"),
                r.stderrLines());
    }

    @Test
    void aSnapshotWithAWrongValueIsPlain(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("snapshot.json");
        Cli.run(Samples.command(Samples.serverFault(), "collect", "-o", snapshot.toString()));
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                snapshot.toFile());
        doc.putNull("schemaVersion");
        Files.writeString(snapshot, json.writeValueAsString(doc));
        CliResult r = Cli.run("audit", "--snapshot", snapshot.toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("logonrights: " + snapshot + ": schemaVersion (line 1): not a valid snapshot: a required value"
                + " is missing or null"), r.stderrLines());
    }

    @Test
    void anExportWithoutUserRightsGivesUnknownAndSaysHowToExport(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("secedit.inf");
        Files.writeString(export, "\uFEFF[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordAge = 1\r\n"
                + "[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n", StandardCharsets.UTF_16LE);
        List<String> args = withFileAt("--secedit", export.toString());
        args.addAll(List.of("--format", "json"));
        CliResult r = Cli.run(args);
        assertEquals(4, r.exitCode(), r.stderr());
        JsonNode report = new ObjectMapper().readTree(r.stdout());
        for (JsonNode pool : report.get("pools")) {
            String verdict = pool.get("verdict").asText() + " " + pool.get("confidence").asText();
            if (pool.get("requiredRight").isNull() && !pool.get("logonType").asText().equals("BuiltInServiceSession")) {
                continue;
            }
            assertEquals("UNKNOWN UNCERTAIN", verdict, pool.get("name").asText());
            JsonNode reasons = pool.get("reasons");
            assertEquals("UNKNOWN (uncertain): " + export + " holds no user rights: export with /areas USER_RIGHTS.",
                    reasons.get(reasons.size() - 1).get("message").asText());
        }
    }

    @Test
    void aConfigurationWithoutApplicationPoolsIsRefused(@TempDir Path dir) throws Exception {
        Path webConfig = dir.resolve("web.config");
        Files.writeString(webConfig, "<?xml version=\"1.0\"?>\n<configuration>\n  <system.webServer>\n    <handlers/>\n"
                + "  </system.webServer>\n</configuration>\n");
        CliResult r = Cli.run(withFileAt("--applicationhost", webConfig.toString()));
        assertEquals(2, r.exitCode());
        assertEquals(List.of("logonrights: " + webConfig + ": not an applicationHost.config (no applicationPools section)"),
                r.stderrLines());
    }

    @Test
    void optionValuesAndMisspellingsArePlain() {
        CliResult format = Cli.run(Samples.command(Samples.defaultIis(), "audit", "--format", "xml"));
        assertEquals(2, format.exitCode());
        assertEquals("logonrights: Invalid value for option '--format': unknown format 'xml'; expected one of [text, json,"
                + " sarif, junit, markdown]", format.stderrLines().get(0));

        assertEquals(0, Cli.run(Samples.command(Samples.defaultIis(), "audit", "--max-input-size", "10MB")).exitCode());
        CliResult size = Cli.run(Samples.command(Samples.defaultIis(), "audit", "--max-input-size", "ten"));
        assertEquals("logonrights: Invalid value for option '--max-input-size': 'ten' is not a size; give bytes (67108864)"
                + " or a number with K, M or G (64M)", size.stderrLines().get(0));
        CliResult tooSmall = Cli.run(Samples.command(Samples.defaultIis(), "audit", "--max-input-size", "1K"));
        assertEquals(2, tooSmall.exitCode(), "1K is 1024 bytes, below the sample's size");

        CliResult misspelled = Cli.run("audit", "--secedt", SF + "secedit.inf", "--applicationhost", SF + "applicationHost.config");
        assertEquals(2, misspelled.exitCode());
        assertTrue(misspelled.stderr().contains("Possible solutions: --secedit"), misspelled.stderr());
        for (CliResult r : List.of(format, size, misspelled)) {
            assertFalse(JAVA.matcher(r.stderr()).find(), r.stderr());
        }
    }

    /** The Server Fault inputs with {@code file} given to {@code option} (replacing the file that option had). */
    private static List<String> withFileAt(String option, String file) {
        List<String> args = new ArrayList<>(List.of("audit"));
        if (option.equals("--snapshot")) {
            args.addAll(List.of(option, file));
            return args;
        }
        List<String> inputs = new ArrayList<>(Samples.serverFault());
        int at = inputs.indexOf(option);
        if (at >= 0) {
            inputs.set(at + 1, file);
        } else {
            inputs.addAll(List.of(option, file));
        }
        args.addAll(inputs);
        return args;
    }
}
