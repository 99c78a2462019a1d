package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/**
 * The expected outcomes listed in shared/samples/README.md, checked through the CLI. Skipped
 * visibly when the shared folder is not beside the project.
 */
class SharedSamplesTest {

    private static Path samples;

    @BeforeAll
    static void locate() {
        samples = Samples.shared().resolve("samples");
        Assumptions.assumeTrue(Files.isDirectory(samples), "shared samples not found at " + samples + "; skipped");
    }

    private Map<String, String> verdicts(String... extra) throws Exception {
        String[] args = new String[extra.length + 5];
        args[0] = "audit";
        args[1] = "--applicationhost";
        args[2] = samples.resolve("applicationHost.config").toString();
        args[3] = "--format";
        args[4] = "json";
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliResult r = Cli.run(args);
        JsonNode report = new ObjectMapper().readTree(r.stdout());
        Map<String, String> v = new HashMap<>();
        report.get("pools").forEach(p -> v.put(p.get("name").asText(), p.get("verdict").asText() + "/" + p.get("confidence").asText()));
        return v;
    }

    @Test
    void defaultExportWithoutMemberships() throws Exception {
        Map<String, String> v = verdicts("--secedit", samples.resolve("secedit-default-2019.inf").toString());
        assertEquals(Map.of("DefaultAppPool", "WILL_START/OBSERVED", "Reports", "AT_RISK/UNCERTAIN", "Batch2", "WILL_FAIL/DOCUMENTED",
                "Legacy", "WILL_START/OBSERVED", "Intranet", "WILL_START/OBSERVED", "Kiosk", "WILL_START/OBSERVED"), v);
    }

    @Test
    void lockdownExportWithoutMembershipsIsUnknownForTheDomainAccount() throws Exception {
        Map<String, String> v = verdicts("--secedit", samples.resolve("secedit-gpo-lockdown.inf").toString());
        assertEquals("UNKNOWN/UNCERTAIN", v.get("Reports"));
        assertEquals("WILL_FAIL/DOCUMENTED", v.get("Batch2"));
        assertEquals("WILL_START/OBSERVED", v.get("DefaultAppPool"));
    }

    @Test
    void lockdownWithMembershipInTheBatchGroupStarts(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path memberships = tmp.resolve("memberships.json");
        Files.writeString(memberships, """
                {"accounts": [{"account": "CONTOSO\\\\svc-reports",
                  "sid": "S-1-5-21-1004336348-1177238915-682003330-1127",
                  "groups": [{"sid": "S-1-5-21-1004336348-1177238915-682003330-513", "name": "CONTOSO\\\\Domain Users"},
                             {"sid": "S-1-5-21-1004336348-1177238915-682003330-1108", "name": "CONTOSO\\\\IIS-BatchAccounts"}]}]}
                """);
        Map<String, String> v = verdicts("--secedit", samples.resolve("secedit-gpo-lockdown.inf").toString(),
                "--memberships", memberships.toString(), "--gpresult", samples.resolve("gpresult.xml").toString());
        assertEquals("WILL_START/DOCUMENTED", v.get("Reports"));
    }
}
