package org.logonrights.model;

import java.util.Objects;

/**
 * Where one fact came from: the kind of source, the file (or host) and, when known, the line and
 * the XML element, so that every verdict can point at its evidence.
 *
 * @param line 1-based line number, or 0 when unknown
 * @param element an XML path or INF key that locates the fact inside the file, or null
 */
public record Provenance(SourceKind kind, String file, int line, String element) {

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0");
        }
    }

    public static Provenance of(SourceKind kind, String file) {
        return new Provenance(kind, file, 0, null);
    }

    public static Provenance at(SourceKind kind, String file, int line) {
        return new Provenance(kind, file, line, null);
    }

    public static Provenance computed(String how) {
        return new Provenance(SourceKind.COMPUTED, null, 0, how);
    }

    public Provenance withElement(String newElement) {
        return new Provenance(kind, file, line, newElement);
    }

    /*
     * equals and hashCode are written out, with the values the generated ones have: the generated
     * ones are bootstrapped through method handles on first use, which costs a short audit 15 ms of
     * start-up, and the report's input list uses them every run.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && kind == p.kind && line == p.line && Objects.equals(file, p.file)
                && Objects.equals(element, p.element);
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode();
        h = 31 * h + Objects.hashCode(file);
        h = 31 * h + Integer.hashCode(line);
        return 31 * h + Objects.hashCode(element);
    }

    /** Human-readable location, e.g. {@code secedit.inf line 12} or {@code live LSA policy}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(file != null ? file : kind.label());
        if (line > 0) {
            b.append(" line ").append(line);
        }
        if (element != null && !element.isEmpty()) {
            b.append(" (").append(element).append(')');
        }
        return b.toString();
    }
}
