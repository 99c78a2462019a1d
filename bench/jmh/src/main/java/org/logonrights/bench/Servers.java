package org.logonrights.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The generated servers the benchmarks read, made by bench/GenerateServer.java when missing. */
final class Servers {

    private Servers() {
    }

    /** The folder of the server with {@code pools} pools (half of them custom accounts in 20 groups). */
    static Path withPools(int pools) throws IOException, InterruptedException {
        Path dir = Path.of("target", "bench", "servers", "pools-" + pools);
        if (!Files.exists(dir.resolve("gpresult.xml"))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "bench/GenerateServer.java", dir.toString(), "--pools",
                    String.valueOf(pools), "--groups", "20", "--service-sids", String.valueOf(pools), "--gpresult")
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("bench/GenerateServer.java failed for " + pools + " pools");
            }
        }
        return dir;
    }
}
