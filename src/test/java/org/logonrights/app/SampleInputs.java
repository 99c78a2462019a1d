package org.logonrights.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The bundled samples and documentation examples as input selections, for tests that must hold for every one. */
public final class SampleInputs {

    private SampleInputs() {
    }

    public static List<InputSelection> all() {
        List<InputSelection> out = new ArrayList<>();
        Path sf = Path.of("samples/server-fault");
        out.add(new InputSelection(sf.resolve("secedit.inf"), sf.resolve("applicationHost.config"),
                sf.resolve("memberships.json"), sf.resolve("gpresult.xml"), List.of(), null));
        Path gr = Path.of("samples/gpo-refresh");
        out.add(new InputSelection(gr.resolve("secedit.inf"), gr.resolve("applicationHost.config"),
                gr.resolve("memberships.json"), null, List.of(gr.resolve("sysvol/woodgrove.example/Policies/"
                + "{B8E2D4A6-1C3F-4F70-9E5D-2A6C8B0E4D13}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf")), null));
        Path di = Path.of("samples/default-iis");
        out.add(new InputSelection(di.resolve("secedit.inf"), di.resolve("applicationHost.config"), null, null, List.of(), null));
        Path shared = Path.of("").toAbsolutePath().getParent().resolve("shared/samples");
        if (Files.isDirectory(shared)) {
            for (String secedit : List.of("secedit-default-2019.inf", "secedit-gpo-lockdown.inf")) {
                out.add(new InputSelection(shared.resolve(secedit), shared.resolve("applicationHost.config"), null,
                        shared.resolve("gpresult.xml"), List.of(), null));
            }
        }
        return out;
    }

    /**
     * Every documentation example under docs/examples, with the files run-examples.sh gives it: its
     * secedit.inf and applicationHost.config, its memberships.json and GPO template when it has them.
     */
    public static List<InputSelection> examples() {
        List<InputSelection> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("docs/examples"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.exists(dir.resolve("secedit.inf"))) {
                    continue; // a snapshot example (lr021: what a remote audit collected), not a set of files
                }
                Path config = Files.exists(dir.resolve("applicationHost.config")) ? dir.resolve("applicationHost.config")
                        : dir.resolve("applicationhost.config");
                Path memberships = dir.resolve("memberships.json");
                out.add(new InputSelection(dir.resolve("secedit.inf"), config,
                        Files.exists(memberships) ? memberships : null, null, templates(dir), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Path> templates(Path example) throws IOException {
        Path policies = example.resolve("Policies");
        if (!Files.isDirectory(policies)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(policies)) {
            return files.filter(f -> f.getFileName().toString().equals("GptTmpl.inf")).sorted().toList();
        }
    }
}
