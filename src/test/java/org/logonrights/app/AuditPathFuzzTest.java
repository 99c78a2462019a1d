package org.logonrights.app;

import static org.logonrights.sources.FuzzChecks.checkRefusal;
import static org.logonrights.sources.FuzzChecks.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.report.AuditReport;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;

/**
 * The whole audit on in-memory inputs: parse, build the snapshot, run the engine, render every
 * format. One input holds the secedit export, the applicationHost.config and optionally the
 * memberships JSON and the gpresult XML, separated by lines of {@value #SEPARATOR_LINE}.
 */
class AuditPathFuzzTest {

    static final String SEPARATOR_LINE = "@@";
    private static final String SEPARATOR = "\n" + SEPARATOR_LINE + "\n";
    private static final String[] NAMES = {"secedit.inf", "applicationHost.config", "memberships.json", "gpresult.xml"};

    @FuzzTest
    void audit(byte[] data) throws UsageException {
        String[] parts = text(data).split(SEPARATOR, NAMES.length);
        if (parts.length < 2) {
            return;
        }
        NamedText[] in = new NamedText[NAMES.length];
        for (int i = 0; i < parts.length; i++) {
            in[i] = new NamedText(NAMES[i], parts[i]);
        }
        Snapshot snapshot;
        try {
            snapshot = SnapshotLoader.offline(in[0], in[1], in[2], in[3]);
        } catch (InputException e) {
            checkRefusal(e, e.file() != null && Set.of(NAMES).contains(e.file()) ? e.file() : "one of the inputs");
            return;
        }
        Map<ReportFormat, String> first = renderAll(AuditService.audit(snapshot, List.of()));
        Map<ReportFormat, String> second = renderAll(AuditService.audit(snapshot, List.of()));
        if (!first.equals(second)) {
            throw new AssertionError("the same snapshot rendered differently twice");
        }
    }

    private static Map<ReportFormat, String> renderAll(AuditReport report) {
        Map<ReportFormat, String> out = new java.util.EnumMap<>(ReportFormat.class);
        for (ReportFormat format : ReportFormat.values()) {
            StringWriter w = new StringWriter();
            try {
                format.renderer(RenderOptions.PLAIN).render(report, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.put(format, w.toString());
        }
        return out;
    }
}
