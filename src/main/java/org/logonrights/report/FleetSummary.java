package org.logonrights.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.logonrights.engine.PoolResult;
import org.logonrights.engine.Verdict;

/**
 * What a fleet report says before and after its hosts: per host only its status and verdict counts,
 * never its report, so that a run over thousands of hosts keeps a few bytes per host. Filled in host
 * order as each host's part is written.
 */
public final class FleetSummary {

    /** One line of the summary table. */
    public record Row(String host, boolean audited, String error, int exitCode, int pools, Map<Verdict, Integer> counts) {
        public Row {
            counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        }

        /** The pools of this host with the verdict (0 for a host not read). */
        public int count(Verdict verdict) {
            return counts.getOrDefault(verdict, 0);
        }
    }

    private final String toolVersion;
    private final List<Row> rows = new ArrayList<>();

    public FleetSummary(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /** Adds a host's line (call in host order). */
    public void add(HostAudit host) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        int pools = 0;
        if (host.audited()) {
            for (PoolResult p : host.report().result().pools()) {
                counts.merge(p.verdict(), 1, Integer::sum);
                pools++;
            }
        }
        rows.add(new Row(host.host(), host.audited(), host.error(), host.exitCode(), pools, counts));
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** The hosts, in the order given. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int hosts() {
        return rows.size();
    }

    public int audited() {
        return (int) rows.stream().filter(Row::audited).count();
    }

    /** Hosts that could not be read. */
    public int failed() {
        return hosts() - audited();
    }

    public int pools() {
        return rows.stream().mapToInt(Row::pools).sum();
    }

    /** Pools with this verdict over every audited host. */
    public int count(Verdict verdict) {
        return rows.stream().mapToInt(r -> r.count(verdict)).sum();
    }
}
