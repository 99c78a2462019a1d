package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.AppPool;
import org.logonrights.model.Application;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.Snapshot;
import org.logonrights.model.WellKnownSids;
import org.logonrights.report.AuditReport;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;
import org.logonrights.sources.SnapshotJson;

/** --redact: no original name or domain SID survives in any format, and no verdict changes. */
class SnapshotRedactorTest {

    static Stream<InputSelection> samples() {
        return SampleInputs.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void verdictsAreUnchanged(InputSelection in) throws Exception {
        Snapshot original = SnapshotLoader.offline(in);
        AuditResult before = Rules.standardEngine().audit(original);
        AuditResult after = Rules.standardEngine().audit(SnapshotRedactor.redact(original));
        assertEquals(signature(before), signature(after));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void noOriginalNameOrDomainSidSurvivesInAnyFormat(InputSelection in) throws Exception {
        Snapshot original = SnapshotLoader.offline(in);
        Snapshot redacted = SnapshotRedactor.redact(original);
        List<String> outputs = new ArrayList<>();
        AuditReport report = AuditService.audit(redacted, List.of());
        for (ReportFormat f : ReportFormat.values()) {
            StringWriter w = new StringWriter();
            f.renderer(RenderOptions.PLAIN).render(report, w);
            outputs.add(w.toString());
        }
        StringWriter snap = new StringWriter();
        SnapshotJson.write(redacted, "test", snap);
        outputs.add(snap.toString());
        // Rule titles and descriptions are the tool's own words ("Group Policy reports ..."); a pool
        // named "Reports" must not be confused with them.
        List<String> scrubbed = new ArrayList<>();
        for (String out : outputs) {
            for (org.logonrights.engine.Rule rule : Rules.all()) {
                out = out.replace(rule.metadata().title(), "").replace(rule.metadata().description(), "");
            }
            scrubbed.add(out);
        }
        for (String secret : secrets(original)) {
            for (String out : scrubbed) {
                assertFalse(out.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                        "'" + secret + "' survived redaction in:\n" + out.substring(0, Math.min(out.length(), 2000)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void pseudonymsAreStableWithinARun(InputSelection in) throws Exception {
        Snapshot original = SnapshotLoader.offline(in);
        assertEquals(SnapshotRedactor.redact(original), SnapshotRedactor.redact(original));
    }

    /** Every name and domain-specific SID of the original that redaction must remove. */
    private static Set<String> secrets(Snapshot s) {
        Set<String> out = new HashSet<>();
        addName(out, s.machine().name());
        addName(out, s.machine().domain());
        for (AppPool p : s.iis().pools()) {
            addName(out, p.name());
            addName(out, p.processModel().userName());
            out.add(p.virtualAccountSid().toString());
        }
        for (Application a : s.iis().applications()) {
            addName(out, a.siteName());
        }
        s.rights().assignments().values().forEach(a -> a.entries().forEach(e -> addPrincipal(out, e)));
        for (AccountMembership m : s.memberships().accounts()) {
            addName(out, m.account());
            addSid(out, m.sid());
            m.groups().forEach(g -> addPrincipal(out, new RightEntry(g, s.rights().source())));
        }
        if (s.groupPolicy() != null) {
            s.groupPolicy().settings().forEach(g -> g.members().forEach(e -> addPrincipal(out, e)));
            s.groupPolicy().gpos().stream().map(GpoInfo::displayName)
                    .filter(n -> n != null && !n.equals("Local Group Policy") && !n.startsWith("{")).forEach(out::add);
        }
        return out;
    }

    private static void addPrincipal(Set<String> out, RightEntry e) {
        Principal p = e.principal();
        addSid(out, p.sid());
        if (p.name() != null && WellKnownSids.sidOf(p.name()).isEmpty() && !p.name().startsWith("NT SERVICE\\")) {
            addName(out, p.name());
        }
    }

    private static void addSid(Set<String> out, Sid sid) {
        if (sid != null && (sid.isDomainOrMachine() || sid.isAppPoolSid())) {
            String text = sid.toString();
            // The domain part (S-1-5-21-a-b-c) identifies the customer; RIDs alone do not.
            out.add(sid.isDomainOrMachine() ? text.substring(0, text.lastIndexOf('-')) : text);
        }
    }

    private static void addName(Set<String> out, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = name.strip();
        int slash = n.indexOf('\\');
        if (slash >= 0) {
            String domain = n.substring(0, slash);
            if (!domain.equals(".") && !domain.equalsIgnoreCase("IIS APPPOOL")) {
                out.add(domain);
            }
            n = n.substring(slash + 1);
        }
        if (n.length() >= 3 && !SnapshotRedactor.BUILT_IN_ACCOUNTS.contains(n.toLowerCase(Locale.ROOT))) {
            out.add(n);
        }
    }

    private static List<String> signature(AuditResult r) {
        List<String> sig = new ArrayList<>();
        for (PoolResult p : r.pools()) {
            sig.add(p.verdict() + "/" + p.confidence() + "/" + p.logon() + "/"
                    + p.findings().stream().map(Finding::ruleId).toList());
        }
        r.machineFindings().forEach(f -> sig.add(f.ruleId()));
        sig.sort(String::compareTo);
        return sig;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void wellKnownPrincipalsAreKept(InputSelection in) throws Exception {
        Snapshot redacted = SnapshotRedactor.redact(SnapshotLoader.offline(in));
        assertTrue(redacted.rights().assignments().values().stream().flatMap(a -> a.entries().stream())
                .anyMatch(e -> WellKnownSids.ADMINISTRATORS.equals(e.principal().sid())
                        || WellKnownSids.ALL_SERVICES.equals(e.principal().sid())));
    }
}
