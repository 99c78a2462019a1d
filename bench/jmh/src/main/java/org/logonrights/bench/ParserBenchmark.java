package org.logonrights.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.logonrights.model.SourceKind;
import org.logonrights.sources.ApplicationHostParser;
import org.logonrights.sources.GpresultParser;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.MembershipFileParser;
import org.logonrights.sources.Parsed;
import org.logonrights.sources.SecurityTemplateParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Each input parser on already-decoded text of a generated server (decoding is measured apart). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParserBenchmark {

    @Param({"2000", "20000"})
    public int pools;

    /** Generated servers of 20,000 pools are larger than the CLI's default limit. */
    private final InputFiles files = new InputFiles(Integer.MAX_VALUE - 16);
    private Path dir;
    private String secedit;
    private String applicationHost;
    private String memberships;
    private String gpresult;

    @Setup
    public void read() throws Exception {
        dir = Servers.withPools(pools);
        secedit = files.readText(dir.resolve("secedit.inf")).text();
        applicationHost = files.readText(dir.resolve("applicationHost.config")).text();
        memberships = files.readText(dir.resolve("memberships.json")).text();
        gpresult = files.readText(dir.resolve("gpresult.xml")).text();
    }

    @Benchmark
    public Parsed<?> secedit() throws Exception {
        return SecurityTemplateParser.parse(secedit, "secedit.inf", SourceKind.SECEDIT_EXPORT);
    }

    @Benchmark
    public Parsed<?> applicationHost() throws Exception {
        return ApplicationHostParser.parse(applicationHost, "applicationHost.config");
    }

    @Benchmark
    public Parsed<?> memberships() throws Exception {
        return MembershipFileParser.parse(memberships, "memberships.json");
    }

    @Benchmark
    public Parsed<?> gpresult() throws Exception {
        return GpresultParser.parse(gpresult, "gpresult.xml");
    }

    /** Reading and decoding the UTF-16LE secedit export, which every parse above skipped. */
    @Benchmark
    public Object readSecedit() throws Exception {
        return files.readText(dir.resolve("secedit.inf"));
    }
}
