package org.logonrights.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.function.Function;
import org.logonrights.engine.Rule;
import org.logonrights.engine.rules.Rules;

/**
 * The SARIF 2.1.0 log (OASIS), for code-scanning dashboards: one run whose rules are those that
 * produced a finding. Levels follow {@code --fail-on} and the finding's severity ({@link SarifLogBuilder#level}); each pool
 * finding carries the pool as a logical location and its verdict in the result's properties.
 * Pretty-printed with LF line ends, in a fixed order, so the same report gives the same bytes.
 */
public final class SarifRenderer implements Renderer {

    private final SarifLogBuilder builder;

    public SarifRenderer() {
        this(RenderOptions.PLAIN);
    }

    /** With the threshold of {@code options} deciding which results are errors. */
    public SarifRenderer(RenderOptions options) {
        this(Rules::byId, options);
    }

    /** With a rule catalogue other than {@link Rules}, for engines run with their own rules. */
    public SarifRenderer(Function<String, Optional<Rule>> catalogue) {
        this(catalogue, RenderOptions.PLAIN);
    }

    private SarifRenderer(Function<String, Optional<Rule>> catalogue, RenderOptions options) {
        this.builder = new SarifLogBuilder(catalogue, options);
    }

    @Override
    public void render(AuditReport report, Writer out) throws IOException {
        JsonRenderer.write(builder.build(report), out);
    }
}
