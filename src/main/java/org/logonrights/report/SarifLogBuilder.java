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
import org.logonrights.engine.Rule;
import org.logonrights.engine.RuleMetadata;
import org.logonrights.engine.Severity;
import org.logonrights.model.Provenance;
import org.logonrights.model.SourceKind;
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
    /** Rule pages are resolved against the repository's main branch, where {@link RuleMetadata#docPath()} lives. */
    static final String DOC_BASE = INFORMATION_URI + "/blob/main/";

    private final Function<String, Optional<Rule>> catalogue;
    private final RenderOptions options;

    /**
     * {@code catalogue} gives a rule's metadata by id ({@code Rules::byId}); {@code options} say which
     * verdicts fail the run.
     */
    SarifLogBuilder(Function<String, Optional<Rule>> catalogue, RenderOptions options) {
        this.catalogue = catalogue;
        this.options = options;
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

        String fallback = fallbackArtifact(report, machine);
        List<Result> results = findings.stream()
                .map(l -> result(l, ruleIds.indexOf(l.finding().ruleId()), machine, fallback, options)).toList();
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
        RuleMetadata d = rule.get().metadata();
        return new ReportingDescriptor(d.id(), d.name(), new MultiformatMessageString(d.title()),
                new MultiformatMessageString(d.description()), DOC_BASE + d.docPath(),
                new ReportingConfiguration(level(d.severity())));
    }

    /**
     * The artifact of a finding whose evidence is computed rather than read: the first input of the
     * audit (the rights export, or the machine's LSA policy), so that it still has the physical
     * location code scanning requires.
     */
    private static String fallbackArtifact(AuditReport report, String machine) {
        return report.inputs().stream().map(p -> ArtifactUris.of(p, machine)).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> ArtifactUris.of(Provenance.of(SourceKind.LSA, null), machine).orElseThrow());
    }

    private static Result result(Located l, int ruleIndex, String machine, String fallback, RenderOptions options) {
        Finding f = l.finding();
        PoolResult pool = l.pool();
        ResultProperties properties = pool == null ? null
                : new ResultProperties(pool.name(), pool.verdict().name(), pool.confidence().name(),
                        pool.events() == null ? null : pool.events().agreement().name());
        return new Result(f.ruleId(), ruleIndex, level(f, pool, options), new Message(messageText(f)),
                locations(f, pool, machine, fallback), new PartialFingerprints(fingerprint(f)), properties);
    }

    /**
     * A result's level says whether it fails the run, as the exit code does under {@code --fail-on}:
     * the finding that decided the verdict of a pool that fails the run is {@code error}; an ERROR
     * finding anywhere else is written {@code warning}, so that a CI gate on {@code error} is a gate on
     * exit code 1; every other finding keeps its severity (WARNING {@code warning}, NOTE {@code note}).
     * Under the default {@code risk} this makes WILL_FAIL and AT_RISK pools' decisive findings errors.
     */
    static Level level(Finding f, PoolResult pool, RenderOptions options) {
        boolean failsTheRun = pool != null && options.fails(pool.verdict());
        if (failsTheRun && f.ruleId().equals(pool.decidedBy())) {
            return Level.ERROR;
        }
        if (f.severity() == Severity.ERROR && !failsTheRun) {
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

    /** Every result has one location: the evidence's file or live store, and the pool when there is one. */
    private static List<Location> locations(Finding f, PoolResult pool, String machine, String fallback) {
        String uri = ArtifactUris.of(f.location(), machine).orElse(fallback);
        Region region = ArtifactUris.hasLine(f.location()) ? new Region(f.location().line()) : null;
        List<LogicalLocation> logical = pool == null ? null
                : List.of(new LogicalLocation(pool.name(), machine + "/" + pool.name(), "module"));
        return List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri), region), logical));
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
