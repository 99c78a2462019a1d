package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code explain POOL} over several hosts, for people: which hosts have the pool, then its full
 * reason chain on each host that has it, in the order given, and why a host could not be read.
 */
public final class TextFleetExplainRenderer implements FleetRenderer {

    private final RenderOptions options;
    private final String pool;

    public TextFleetExplainRenderer(RenderOptions options, String pool) {
        this.options = options;
        this.pool = pool;
    }

    @Override
    public void head(FleetSummary s, Writer out) throws IOException {
        long having = s.rows().stream().filter(r -> r.pools() > 0).count();
        TextRenderer.wrap(out, "", pool + " on " + s.hosts() + " hosts: " + having + " ha" + (having == 1 ? "s" : "ve")
                + " it, " + (s.audited() - having) + " do" + (s.audited() - having == 1 ? "es" : "") + " not, " + s.failed()
                + " not read", options);
    }

    @Override
    public void host(HostAudit host, int index, Writer out) throws IOException {
        if (!host.audited()) {
            out.write("\n");
            TextRenderer.wrap(out, "", "== " + host.host() + ": not read (exit " + host.exitCode() + "): " + host.error(), options);
            return;
        }
        if (host.report().result().pools().isEmpty()) {
            return;
        }
        out.write("\n== " + host.host() + "\n");
        new TextRenderer(options, host.report().poolNames().get(0), false).render(host.report(), out);
    }

    @Override
    public void tail(FleetSummary summary, Writer out) {
        // nothing after the hosts
    }
}
