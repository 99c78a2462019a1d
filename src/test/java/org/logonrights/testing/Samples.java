package org.logonrights.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled samples (samples/) as command-line inputs, with the relative paths a user in the
 * project directory types: reports and errors cite them as given.
 */
public final class Samples {

    public static final String SERVER_FAULT = "samples/server-fault/";
    public static final String GPO_REFRESH = "samples/gpo-refresh/";
    public static final String DEFAULT_IIS = "samples/default-iis/";
    /** The GptTmpl.inf of the GPO that owns the logon rights in the gpo-refresh sample. */
    public static final String GPO_REFRESH_TEMPLATE = GPO_REFRESH + "sysvol/woodgrove.example/Policies/"
            + "{B8E2D4A6-1C3F-4F70-9E5D-2A6C8B0E4D13}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf";

    private Samples() {
    }

    /** The Server Fault lockdown: secedit export, applicationHost.config, memberships and gpresult. */
    public static List<String> serverFault() {
        return List.of("--secedit", SERVER_FAULT + "secedit.inf", "--applicationhost", SERVER_FAULT + "applicationHost.config",
                "--memberships", SERVER_FAULT + "memberships.json", "--gpresult", SERVER_FAULT + "gpresult.xml");
    }

    /** The Server Fault inputs with the server's System (WAS) and Security (4625) logs. */
    public static List<String> serverFaultWithEvents() {
        List<String> args = new ArrayList<>(serverFault());
        args.addAll(List.of("--events", SERVER_FAULT + "events/System.evtx", "--events",
                SERVER_FAULT + "events/Security-4625.xml"));
        return args;
    }

    /** Local grants that the next Group Policy refresh removes: with the owning GPO's template. */
    public static List<String> gpoRefresh() {
        return List.of("--secedit", GPO_REFRESH + "secedit.inf", "--applicationhost", GPO_REFRESH + "applicationHost.config",
                "--memberships", GPO_REFRESH + "memberships.json", "--gpo-template", GPO_REFRESH_TEMPLATE);
    }

    /** A default IIS install: secedit export and applicationHost.config only. */
    public static List<String> defaultIis() {
        return List.of("--secedit", DEFAULT_IIS + "secedit.inf", "--applicationhost", DEFAULT_IIS + "applicationHost.config");
    }

    /** {@code head} (command, options), then {@code inputs}. */
    public static List<String> command(List<String> inputs, String... head) {
        List<String> args = new ArrayList<>(List.of(head));
        args.addAll(inputs);
        return args;
    }

    /** The project directory, where surefire and failsafe run. */
    public static Path project() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** A sample's folder, absolute. */
    public static Path dir(String sample) {
        return project().resolve(sample);
    }

    /** The shared folder beside the project ({@code -Dlogonrights.shared} elsewhere), when a machine has it. */
    public static Path shared() {
        String prop = System.getProperty("logonrights.shared");
        return prop != null ? Path.of(prop) : project().getParent().resolve("shared");
    }
}
