package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.app.ExitCode;
import org.logonrights.report.ReportFormat;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;

/**
 * A property over generated applicationHost.config files: whatever passwords they hold, clear text
 * or {@code [enc:Provider:payload:enc]}, on pools, pool defaults, virtual directories and anonymous
 * authentication, no password value or encrypted payload appears in any report format, in explain,
 * or in any error, even with {@code --debug}. Each seed is one reproducible file.
 */
class PasswordLeakPropertyTest {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64 = ALNUM + "+/";
    private static final String[] PROVIDERS = {"IISWASOnlyCngProvider", "IISWASOnlyAesProvider", "AesProvider"};

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** One generated configuration and the secrets written into it. */
    private static final class Generated {
        final Random random;
        final List<String> secrets = new ArrayList<>();
        final List<String> pools = new ArrayList<>();
        final StringBuilder xml = new StringBuilder();
        int broken;

        Generated(long seed) {
            random = new Random(seed);
        }

        String token(String alphabet, int length) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return b.toString();
        }

        /** A password attribute (or nothing), remembering what must never be printed. */
        String password() {
            switch (random.nextInt(4)) {
                case 0:
                    return "";
                case 1: {
                    // The alphanumeric core is what the assertions look for even if an output escapes the rest.
                    String core = "pw" + token(ALNUM, 14);
                    String value = token(" <>&\"'é密", random.nextInt(3)) + core + token(" <>&\"'%;", random.nextInt(3));
                    secrets.add(value);
                    secrets.add(core);
                    return " password=\"" + escape(value) + "\"";
                }
                default: {
                    String payload = token(BASE64, 24 + random.nextInt(40)) + "==";
                    String value = "[enc:" + PROVIDERS[random.nextInt(PROVIDERS.length)] + ":" + payload + ":enc]";
                    secrets.add(value);
                    secrets.add(payload);
                    return " password=\"" + value + "\"";
                }
            }
        }

        String user() {
            return "FABRIKAM\\svc-" + token(ALNUM, 5).toLowerCase(java.util.Locale.ROOT);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A configuration in the shape IIS writes; {@code broken} adds one of the errors users make. */
    static Generated generate(long seed) {
        Generated g = new Generated(seed);
        StringBuilder x = g.xml;
        Random r = g.random;
        int broken = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0;
        g.broken = broken;
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n  <system.applicationHost>\n");
        x.append("    <applicationPools>\n      <add name=\"DefaultAppPool\" />\n");
        int pools = 1 + r.nextInt(4);
        for (int i = 0; i < pools; i++) {
            String name = "Pool" + i + g.token(ALNUM, 3);
            g.pools.add(name);
            String logonType = broken == 1 && i == pools - 1 ? " logonType=\"Sometimes\"" : "";
            x.append("      <add name=\"").append(name).append("\">\n        <processModel identityType=\"SpecificUser\" userName=\"")
                    .append(g.user()).append('"').append(g.password()).append(logonType).append(" />\n      </add>\n");
        }
        if (broken == 2) {
            x.append("      <add name=\"").append(g.pools.get(0).toUpperCase(java.util.Locale.ROOT)).append("\">\n")
                    .append("        <processModel identityType=\"SpecificUser\" userName=\"").append(g.user()).append('"')
                    .append(g.password()).append(" />\n      </add>\n");
        }
        x.append("      <applicationPoolDefaults managedRuntimeVersion=\"v4.0\">\n        <processModel identityType=\"ApplicationPoolIdentity\"")
                .append(g.password()).append(" />\n      </applicationPoolDefaults>\n    </applicationPools>\n");
        x.append("    <sites>\n      <site name=\"Default Web Site\" id=\"1\">\n");
        x.append("        <application path=\"/\" applicationPool=\"").append(g.pools.get(0)).append("\">\n");
        String method = broken == 3 ? " logonMethod=\"Telepathic\"" : "";
        x.append("          <virtualDirectory path=\"/\" physicalPath=\"\\\\fs01\\web\" userName=\"").append(g.user()).append('"')
                .append(g.password()).append(method).append(" />\n");
        x.append("          <virtualDirectory path=\"/files\" physicalPath=\"\\\\fs02\\files\"").append(" />\n");
        x.append("        </application>\n        <virtualDirectoryDefaults userName=\"").append(g.user()).append('"')
                .append(g.password()).append(" />\n      </site>\n    </sites>\n  </system.applicationHost>\n");
        x.append("  <system.webServer>\n    <security>\n      <authentication>\n        <anonymousAuthentication enabled=\"true\" userName=\"")
                .append(g.user()).append('"').append(g.password()).append(" />\n      </authentication>\n    </security>\n  </system.webServer>\n");
        x.append("  <location path=\"Default Web Site/app\">\n    <system.webServer>\n      <security>\n        <authentication>\n")
                .append("          <anonymousAuthentication userName=\"").append(g.user()).append('"').append(g.password())
                .append(" />\n        </authentication>\n      </security>\n    </system.webServer>\n  </location>\n</configuration>\n");
        if (broken == 4) {
            // Truncated right after the last password: the XML error must not quote it.
            int cut = x.lastIndexOf("password=\"");
            if (cut > 0) {
                x.setLength(x.indexOf("\"", cut + 10) + 1);
            }
        }
        return g;
    }

    /** The seeds cover both kinds of password and every kind of broken file, or the property proves little. */
    @Test
    void seedsCoverEveryCase() {
        java.util.Set<Integer> broken = new java.util.TreeSet<>();
        int clear = 0;
        int encrypted = 0;
        for (long seed : seeds().toArray()) {
            Generated g = generate(seed);
            broken.add(g.broken);
            encrypted += (int) g.secrets.stream().filter(s -> s.startsWith("[enc:")).count();
            clear += (int) g.secrets.stream().filter(s -> s.startsWith("pw")).count();
        }
        assertEquals(java.util.Set.of(0, 1, 2, 3, 4), broken);
        assertTrue(clear > 20 && encrypted > 20, clear + " clear-text and " + encrypted + " encrypted passwords");
    }

    private static void assertNoSecret(String what, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> what + " shows the password value '" + secret + "':\n" + text);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPasswordInAnyOutputOrError(long seed) throws IOException {
        Generated g = generate(seed);
        Path config = Files.writeString(dir.resolve("applicationHost.config"), g.xml, StandardCharsets.UTF_8);
        Path secedit = Files.writeString(dir.resolve("secedit.inf"),
                "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-544,*S-1-5-32-568\r\n"
                        + "SeServiceLogonRight = *S-1-5-80-0\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
        List<String> inputs = List.of("--secedit", secedit.toString(), "--applicationhost", config.toString());

        List<CliResult> runs = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            List<String> args = new ArrayList<>(List.of("audit", "--format", format.cliName()));
            args.addAll(inputs);
            runs.add(Cli.run(args));
            args.add("--debug");
            runs.add(Cli.run(args));
            List<String> explain = new ArrayList<>(List.of("explain", g.pools.get(g.pools.size() - 1), "--format",
                    format.cliName()));
            explain.addAll(inputs);
            runs.add(Cli.run(explain));
        }

        for (CliResult run : runs) {
            assertTrue(List.of(0, 1, 2, 4).contains(run.exitCode()), () -> "exit " + run.exitCode() + ": " + run.stderr());
            assertNoSecret("the report", run.stdout(), g.secrets);
            assertNoSecret("stderr", run.stderr(), g.secrets);
        }
        boolean refused = runs.get(0).exitCode() == ExitCode.INVALID_INPUT.code();
        assertEquals(refused, runs.get(0).stdout().isEmpty(), () -> runs.get(0).stderr());
    }
}
