package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.app.ExitCode;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SampleInputs;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.engine.Rule;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.Principal;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.WellKnownSids;
import org.logonrights.report.ReportFormat;
import org.logonrights.sources.InputFiles;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;

/**
 * {@code --redact} through the CLI, in every format and command, over every bundled sample and
 * documentation example: no site, application path, file path, host, domain, account, pool or GPO
 * name and no domain SID of the inputs appears in any output. The values are read from the
 * unredacted inputs, so the test follows the samples as they change.
 */
class RedactedOutputsTest {

    /** Built-in local account names, kept by redaction because every Windows machine has them. */
    private static final Set<String> BUILT_IN = Set.of("guest", "administrator", "defaultaccount", "wdagutilityaccount");
    private static final Pattern PHYSICAL_PATH = Pattern.compile("physicalPath=\"([^\"]+)\"");

    @TempDir
    Path tmp;

    static Stream<InputSelection> inputs() {
        return Stream.concat(SampleInputs.all().stream(), SampleInputs.examples().stream());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void noRealValueAppearsInAnyRedactedOutput(InputSelection in) throws Exception {
        Set<String> secrets = secrets(in);
        // Without --redact the same command shows them: the check below is not about strings nobody prints.
        String plain = run(in, "audit", "--format", "json");
        for (String input : List.of(in.secedit().toString(), in.applicationHost().toString())) {
            assertTrue(plain.contains(input.replace("\\", "\\\\")) && secrets.contains(input), input);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ReportFormat f : ReportFormat.values()) {
            outputs.put("audit --format " + f.cliName(), run(in, "audit", "--redact", "--format", f.cliName()));
        }
        outputs.put("rights", run(in, "rights", "--redact"));
        outputs.put("rights --format json", run(in, "rights", "--redact", "--format", "json"));
        Path snapshot = tmp.resolve("redacted.json");
        outputs.put("collect", run(in, "collect", "--redact", "--output", snapshot.toString()));
        outputs.put("collect's snapshot", Files.readString(snapshot));
        String json = run(in, "audit", "--redact", "--format", "json");
        for (JsonNode pool : new ObjectMapper().readTree(json.substring(0, json.indexOf("\n--- stderr")))
                .get("pools")) {
            String name = pool.get("name").asText();
            outputs.put("explain " + name, run(in, "explain", name, "--redact"));
        }

        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String text = withoutToolWording(output.getValue()).toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                assertFalse(text.contains(secret.toLowerCase(Locale.ROOT)),
                        "'" + secret + "' of " + in.applicationHost() + " is in the output of " + output.getKey() + ":\n"
                                + output.getValue());
            }
        }
    }

    private static String run(InputSelection in, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--secedit", in.secedit().toString(), "--applicationhost", in.applicationHost().toString()));
        if (in.memberships() != null) {
            args.addAll(List.of("--memberships", in.memberships().toString()));
        }
        if (in.gpresult() != null) {
            args.addAll(List.of("--gpresult", in.gpresult().toString()));
        }
        in.gpoTemplates().forEach(t -> args.addAll(List.of("--gpo-template", t.toString())));
        CliResult r = Cli.run(args.toArray(String[]::new));
        int code = r.exitCode();
        assertTrue(code == ExitCode.OK.code() || code == ExitCode.FINDINGS.code() || code == ExitCode.UNKNOWN.code(),
                String.join(" ", args) + " exited " + code + ": " + r.stderr());
        return r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    /** Rule titles and descriptions are the tool's own words ("Group Policy reports ..."), whatever a pool is called. */
    static String withoutToolWording(String output) {
        String out = output;
        for (Rule rule : Rules.all()) {
            out = out.replace(rule.metadata().title(), "").replace(rule.metadata().description(), "");
        }
        return out;
    }

    /** Every value of the inputs that identifies the customer. */
    static Set<String> secrets(InputSelection in) throws Exception {
        Snapshot s = SnapshotLoader.offline(in, InputFiles.DEFAULT);
        Set<String> out = new LinkedHashSet<>();
        addName(out, s.machine().name());
        addName(out, s.machine().domain());
        for (AppPool p : s.iis().pools()) {
            addName(out, p.name());
            addName(out, p.processModel().userName());
            out.add(p.virtualAccountSid().toString());
        }
        for (Application a : s.iis().applications()) {
            addName(out, a.siteName());
            if (!a.path().equals("/")) {
                out.add(a.path());
            }
        }
        s.iis().credentials().forEach(c -> addName(out, c.userName()));
        s.rights().assignments().values().forEach(a -> a.entries().forEach(e -> addPrincipal(out, e.principal())));
        for (AccountMembership m : s.memberships().accounts()) {
            addName(out, m.account());
            addSid(out, m.sid());
            m.groups().forEach(g -> addPrincipal(out, g));
        }
        if (s.groupPolicy() != null) {
            s.groupPolicy().settings().forEach(g -> g.members().forEach(e -> addPrincipal(out, e.principal())));
            for (GpoInfo g : s.groupPolicy().gpos()) {
                addName(out, g.domain());
                if (g.displayName() != null && !g.displayName().equals("Local Group Policy")
                        && !g.displayName().equalsIgnoreCase(g.id())) {
                    out.add(g.displayName());
                }
            }
        }
        for (Path input : inputFiles(in)) {
            // The folders the inputs were read from: a path says whose machine or ticket it is.
            out.add(input.toString());
            if (input.getParent() != null) {
                out.add(input.getParent().toString());
            }
        }
        Matcher physical = PHYSICAL_PATH.matcher(Files.readString(in.applicationHost()));
        while (physical.find()) {
            out.add(physical.group(1));
        }
        return out;
    }

    private static List<Path> inputFiles(InputSelection in) {
        List<Path> files = new ArrayList<>(List.of(in.secedit(), in.applicationHost()));
        Stream.of(in.memberships(), in.gpresult()).filter(p -> p != null).forEach(files::add);
        files.addAll(in.gpoTemplates());
        return files;
    }

    private static void addPrincipal(Set<String> out, Principal p) {
        addSid(out, p.sid());
        if (p.name() != null && WellKnownSids.sidOf(p.name()).isEmpty() && !p.name().startsWith("NT SERVICE\\")) {
            addName(out, p.name());
        }
    }

    /** The domain part (S-1-5-21-a-b-c) identifies the customer; RIDs alone do not. */
    static void addSid(Set<String> out, Sid sid) {
        if (sid != null && (sid.isDomainOrMachine() || sid.isAppPoolSid())) {
            String text = sid.toString();
            out.add(sid.isDomainOrMachine() ? text.substring(0, text.lastIndexOf('-')) : text);
        }
    }

    static void addName(Set<String> out, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = name.strip();
        int slash = n.indexOf('\\');
        if (slash >= 0) {
            String domain = n.substring(0, slash);
            if (!domain.equals(".") && !domain.equalsIgnoreCase("IIS APPPOOL") && !domain.equalsIgnoreCase("NT AUTHORITY")
                    && !domain.equalsIgnoreCase("BUILTIN")) {
                out.add(domain);
            }
            n = n.substring(slash + 1);
        }
        int at = n.indexOf('@');
        if (at > 0) {
            out.add(n.substring(at + 1));
            n = n.substring(0, at);
        }
        // Shorter names are replaced in their own fields but may be ordinary words in the tool's sentences.
        if (n.length() >= 3 && !BUILT_IN.contains(n.toLowerCase(Locale.ROOT))) {
            out.add(n);
        }
    }

}
