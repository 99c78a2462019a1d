package org.logonrights.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.Finding;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Severity;
import org.logonrights.engine.Verdict;
import org.logonrights.engine.rules.Rule;
import org.logonrights.report.sarif.SarifLog;
import org.logonrights.report.sarif.SarifLog.ArtifactLocation;
import org.logonrights.report.sarif.SarifLog.Level;
import org.logonrights.report.sarif.SarifLog.Location;
import org.logonrights.report.sarif.SarifLog.LogicalLocation;
import org.logonrights.report.sarif.SarifLog.Message;
import org.logonrights.report.sarif.SarifLog.MultiformatMessageString;
import org.logonrights.report.sarif.SarifLog.PartialFingerprints;
import org.logonrights.report.sarif.SarifLog.PhysicalLocation;
import org.logonrights.report.sarif.SarifLog.Region;
import org.logonrights.report.sarif.SarifLog.ReportingConfiguration;
import org.logonrights.report.sarif.SarifLog.ReportingDescriptor;
import org.logonrights.report.sarif.SarifLog.Result;
import org.logonrights.report.sarif.SarifLog.ResultProperties;
import org.logonrights.report.sarif.SarifLog.Run;
import org.logonrights.report.sarif.SarifLog.Tool;
import org.logonrights.report.sarif.SarifLog.ToolComponent;

/**
 * Maps an audit report onto the SARIF model: one run, each rule that produced a finding described
 * once (ordered by id) and every finding, of pools first then of the machine, as a result that
 * points at its rule by index.
 */
final class SarifLogBuilder {

    static final String INFORMATION_URI = "https://github.com/logonrights/logonrights";
    /** Rule pages are resolved against the repository's main branch, where {@link Rule#docPath()} lives. */
    static final String DOC_BASE = INFORMATION_URI + "/blob/main/";

    private final Function<String, Optional<Rule>> catalogue;

    /** {@code catalogue} gives a rule's metadata by id ({@code Rules::byId}). */
    SarifLogBuilder(Function<String, Optional<Rule>> catalogue) {
        this.catalogue = catalogue;
    }

    /** A finding with the pool it belongs to, or null for a machine finding. */
    private record Located(Finding finding, PoolResult pool) {
    }

    SarifLog build(AuditReport report) {
        AuditResult r = report.result();
        String machine = ReportFacts.machineLabel(r.machine());
        List<Located> findings = new ArrayList<>();
        r.pools().forEach(p -> p.findings().forEach(f -> findings.add(new Located(f, p))));
        r.machineFindings().forEach(f -> findings.add(new Located(f, null)));

        SortedMap<String, ReportingDescriptor> rules = new TreeMap<>();
        findings.forEach(l -> rules.computeIfAbsent(l.finding().ruleId(), id -> descriptor(l.finding())));
        List<String> ruleIds = List.copyOf(rules.keySet());

        List<Result> results = findings.stream()
                .map(l -> result(l, ruleIds.indexOf(l.finding().ruleId()), machine)).toList();
        ToolComponent driver = new ToolComponent("logonrights", report.toolVersion(), INFORMATION_URI,
                List.copyOf(rules.values()));
        List<SarifLog.PoolAgreement> agreements = r.pools().stream().filter(p -> p.events() != null)
                .map(p -> new SarifLog.PoolAgreement(p.name(), p.verdict().name(), p.events().agreement().name(),
                        EventTexts.agreement(p))).toList();
        return SarifLog.of(List.of(new Run(new Tool(driver), results,
                agreements.isEmpty() ? null : new SarifLog.RunProperties(agreements))));
    }

    /** The rule's metadata from the catalogue; a rule it does not know is described by its finding alone. */
    private ReportingDescriptor descriptor(Finding f) {
        Optional<Rule> rule = catalogue.apply(f.ruleId());
        if (rule.isEmpty()) {
            return new ReportingDescriptor(f.ruleId(), f.ruleName(), null, null, null,
                    new ReportingConfiguration(level(f.severity())));
        }
        Rule d = rule.get();
        return new ReportingDescriptor(d.id(), d.name(), new MultiformatMessageString(d.title()),
                new MultiformatMessageString(d.description()), DOC_BASE + d.docPath(),
                new ReportingConfiguration(level(d.defaultSeverity())));
    }

    private static Result result(Located l, int ruleIndex, String machine) {
        Finding f = l.finding();
        PoolResult pool = l.pool();
        ResultProperties properties = pool == null ? null
                : new ResultProperties(pool.name(), pool.verdict().name(), pool.confidence().name(),
                        pool.events() == null ? null : pool.events().agreement().name());
        return new Result(f.ruleId(), ruleIndex, level(f, pool), new Message(messageText(f)),
                locations(f, pool, machine), new PartialFingerprints(fingerprint(f)), properties);
    }

    /**
     * A result's level is its finding's severity: ERROR is {@code error}, WARNING {@code warning},
     * NOTE {@code note}. An {@code error} on a pool means the pool will not start: the error rules
     * (LR001, LR002) always force WILL_FAIL, and should a future rule report an ERROR on a pool that
     * still starts or is only at risk, it is written as {@code warning} so that a CI gate on
     * {@code error} stays a gate on WILL_FAIL.
     */
    static Level level(Finding f, PoolResult pool) {
        if (f.severity() == Severity.ERROR && pool != null && pool.verdict() != Verdict.WILL_FAIL) {
            return Level.WARNING;
        }
        return level(f.severity());
    }

    static Level level(Severity severity) {
        return switch (severity) {
            case ERROR -> Level.ERROR;
            case WARNING -> Level.WARNING;
            case NOTE -> Level.NOTE;
        };
    }

    /**
     * The finding's message, led by the pool and its account unless it already names both, so that it
     * stands alone in a dashboard list.
     */
    static String messageText(Finding f) {
        boolean namesPool = f.message().contains("'" + f.pool() + "'");
        boolean namesAccount = f.account() == null || f.message().contains(f.account());
        if (f.pool() == null || (namesPool && namesAccount)) {
            return f.message();
        }
        String account = f.account() == null ? "" : " (" + f.account() + ")";
        return "Pool '" + f.pool() + "'" + account + ": " + f.message();
    }

    private static List<Location> locations(Finding f, PoolResult pool, String machine) {
        PhysicalLocation physical = ArtifactUris.of(f.location())
                .map(uri -> new PhysicalLocation(new ArtifactLocation(uri),
                        f.location().line() > 0 ? new Region(f.location().line()) : null))
                .orElse(null);
        List<LogicalLocation> logical = pool == null ? null
                : List.of(new LogicalLocation(pool.name(), machine + "/" + pool.name(), "module"));
        if (physical == null && logical == null) {
            return null;
        }
        return List.of(new Location(physical, logical));
    }

    /**
     * SHA-256 of rule id, pool and message: the same finding gets the same fingerprint in every run,
     * whatever its position or input line, so dashboards track it instead of opening a new alert.
     */
    static String fingerprint(Finding f) {
        String key = f.ruleId() + "\u001f" + (f.pool() == null ? "" : f.pool()) + "\u001f" + f.message();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
