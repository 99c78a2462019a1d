package org.logonrights.cli;

import java.nio.file.Path;
import org.logonrights.app.FailOn;
import org.logonrights.app.LogonRightsService;
import org.logonrights.app.UsageException;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;
import picocli.CommandLine.Option;

/** Where and how a command writes its report (a picocli mixin). */
public final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            converter = ReportFormatConverter.class, completionCandidates = ReportFormatCandidates.class,
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: the one an --output file's "
                    + "extension names (json, sarif, xml for junit, md for markdown), else text.")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output; - is standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "risk",
            converter = FailOnConverter.class, completionCandidates = FailOnCandidates.class,
            description = "Which verdicts make the exit code 1: fail, risk, unknown or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    /** The format given, or the one the output file's extension implies (exit 2 when they differ). */
    ReportFormat format() throws UsageException {
        return LogonRightsService.reportFormat(format, output);
    }

    /** How to render: the terminal's presentation, and the threshold that decides the exit code. */
    RenderOptions renderOptions() {
        return Terminal.renderOptions(ReportOutput.toStandardOutput(output)).failingOn(failOn.failingVerdicts());
    }

    static final class ReportFormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.fromCliName(value);
            } catch (IllegalArgumentException e) {
                // picocli would print the exception's class; the message alone is the answer.
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ReportFormatCandidates extends java.util.ArrayList<String> {
        ReportFormatCandidates() {
            for (ReportFormat f : ReportFormat.values()) {
                add(f.cliName());
            }
        }
    }

    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn f : FailOn.values()) {
                if (f.toString().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a --fail-on level; expected one of "
                    + java.util.Arrays.toString(FailOn.values()));
        }
    }

    static final class FailOnCandidates extends java.util.ArrayList<String> {
        FailOnCandidates() {
            for (FailOn f : FailOn.values()) {
                add(f.toString());
            }
        }
    }
}
