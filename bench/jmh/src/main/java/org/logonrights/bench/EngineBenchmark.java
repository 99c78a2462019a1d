package org.logonrights.bench;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.logonrights.app.InputSelection;
import org.logonrights.app.SnapshotLoader;
import org.logonrights.engine.AuditResult;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.Snapshot;
import org.logonrights.report.AuditReport;
import org.logonrights.report.RenderOptions;
import org.logonrights.report.ReportFormat;
import org.logonrights.sources.InputFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The audit of a parsed snapshot, and the text report of its result: growth with the pool count. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

    @Param({"200", "2000", "20000"})
    public int pools;

    private Snapshot snapshot;
    private AuditReport report;

    @Setup
    public void load() throws Exception {
        Path dir = Servers.withPools(pools);
        snapshot = SnapshotLoader.offline(new InputSelection(dir.resolve("secedit.inf"),
                dir.resolve("applicationHost.config"), dir.resolve("memberships.json"), dir.resolve("gpresult.xml"),
                List.of(), null), InputFiles.DEFAULT);
        report = new AuditReport(Rules.standardEngine().audit(snapshot), List.of(), "bench");
    }

    @Benchmark
    public AuditResult audit() {
        return Rules.standardEngine().audit(snapshot);
    }

    @Benchmark
    public int renderText() throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.TEXT.renderer(new RenderOptions(false, 100)).render(report, out);
        return out.getBuffer().length();
    }
}
