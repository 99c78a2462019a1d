package org.logonrights.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled samples as input selections, for tests that must hold for every sample. */
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
}
