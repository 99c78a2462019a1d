package org.logonrights.report;

import java.util.Locale;
import java.util.Optional;

/**
 * Every output format, with its name on the command line, its file extension and the renderer that
 * writes it. The only place that knows format names: the CLI lists and parses formats through it.
 */
public enum ReportFormat {
    TEXT("text", "txt", "Aligned table and reasons, for people"),
    JSON("json", "json", "Documented JSON report (docs/json-report.md), for scripts"),
    SARIF("sarif", "sarif", "SARIF 2.1.0 log, for code-scanning dashboards (GitHub, Azure DevOps)"),
    JUNIT("junit", "xml", "JUnit XML, one test case per pool, for CI test reports"),
    MARKDOWN("markdown", "md", "Markdown summary, table and fixes, to paste into an issue or a pull request");

    private final String cliName;
    private final String fileExtension;
    private final String description;

    ReportFormat(String cliName, String fileExtension, String description) {
        this.cliName = cliName;
        this.fileExtension = fileExtension;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    /** The usual file name extension, without the dot. */
    public String fileExtension() {
        return fileExtension;
    }

    public String description() {
        return description;
    }

    /** The renderer of an audit report. */
    public Renderer renderer(RenderOptions options) {
        return switch (this) {
            case TEXT -> new TextRenderer(options);
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer(options);
            case JUNIT -> new JunitRenderer(options);
            case MARKDOWN -> new MarkdownRenderer();
        };
    }

    /**
     * The renderer of {@code explain}: the text format focuses on one pool's reason chain, ending with
     * a short glossary when {@code glossary} is set; the others render the audit.
     */
    public Renderer explainRenderer(RenderOptions options, String pool, boolean glossary) {
        return this == TEXT ? new TextRenderer(options, pool, glossary) : renderer(options);
    }

    /**
     * The renderer of a report over several hosts or snapshots; {@code toolVersion} names the tool
     * where a host could not be read.
     */
    public FleetRenderer fleetRenderer(RenderOptions options, String toolVersion) {
        return switch (this) {
            case TEXT -> new TextFleetRenderer(options);
            case JSON -> new JsonFleetRenderer();
            case SARIF -> new SarifFleetRenderer(options, toolVersion);
            case JUNIT -> new JunitFleetRenderer(options);
            case MARKDOWN -> new MarkdownFleetRenderer();
        };
    }

    /** The renderer of {@code explain POOL} over several hosts: text gives the pool's chain on each, the others as an audit. */
    public FleetRenderer fleetExplainRenderer(RenderOptions options, String pool, String toolVersion) {
        return this == TEXT ? new TextFleetExplainRenderer(options, pool) : fleetRenderer(options, toolVersion);
    }

    /** The renderer of a {@code rights} report, for the formats that have one (text and JSON). */
    public Optional<RightsRenderer> rightsRenderer() {
        return rightsRenderer(RenderOptions.PLAIN);
    }

    /** The renderer of a {@code rights} report with these presentation choices (text on a terminal fits it). */
    public Optional<RightsRenderer> rightsRenderer(RenderOptions options) {
        return switch (this) {
            case TEXT -> Optional.of(new RightsTextRenderer(options));
            case JSON -> Optional.of(new RightsJsonRenderer());
            case SARIF, JUNIT, MARKDOWN -> Optional.empty();
        };
    }

    /** Parses a CLI name, case-insensitively; empty for a name no format has. */
    public static Optional<ReportFormat> parse(String name) {
        for (ReportFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format a file name's extension stands for ({@code report.sarif} is SARIF, {@code .xml} JUnit),
     * case-insensitively; empty for an extension no format has, {@code .txt} included as text.
     */
    public static Optional<ReportFormat> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1);
        for (ReportFormat f : values()) {
            if (f.fileExtension.equalsIgnoreCase(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** Parses a CLI name, case-insensitively. */
    public static ReportFormat fromCliName(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(ReportFormat::cliName).toList()));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
