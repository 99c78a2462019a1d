package org.logonrights.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.logonrights.testing.Cli;
import org.logonrights.testing.CliResult;
import org.logonrights.testing.Samples;

/** {@code explain --redact} takes the real pool name or its pseudonym (issue 16, point 4). */
class RedactedExplainTest {

    private static final Pattern HEADER = Pattern.compile("(?m)^(\\S+): (WILL_START|WILL_FAIL|AT_RISK|UNKNOWN) ");

    @Test
    void theRealNameAndThePseudonymExplainTheSamePoolAndTheRealNameIsNotPrinted() {
        CliResult byRealName = Cli.run(Samples.command(Samples.serverFault(), "explain", "OrdersApi", "--redact"));
        assertEquals(1, byRealName.exitCode(), byRealName.stderr());
        assertFalse(byRealName.stdout().contains("OrdersApi"), byRealName.stdout());
        Matcher header = HEADER.matcher(byRealName.stdout());
        assertTrue(header.find(), byRealName.stdout());
        assertEquals("WILL_FAIL", header.group(2), "OrdersApi is the pool that will fail");

        CliResult byPseudonym = Cli.run(Samples.command(Samples.serverFault(), "explain", header.group(1), "--redact"));
        assertEquals(byRealName.stdout(), byPseudonym.stdout());
        assertEquals(byRealName.exitCode(), byPseudonym.exitCode());
    }

    @Test
    void anUnknownNameIsStillRefused() {
        CliResult r = Cli.run(Samples.command(Samples.serverFault(), "explain", "NoSuchPool", "--redact"));
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("logonrights: no application pool named 'NoSuchPool'"), r.stderr());
        assertFalse(List.of("OrdersApi", "Payroll", "Storefront").stream().anyMatch(r.stderr()::contains), r.stderr());
    }
}
