package org.logonrights.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The format registry: every format has a unique name, an extension, a description and a renderer. */
class ReportFormatTest {

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatIsComplete(ReportFormat f) {
        assertNotNull(f.renderer(RenderOptions.PLAIN));
        assertFalse(f.description().isBlank());
        assertFalse(f.fileExtension().isBlank());
        assertEquals(f, ReportFormat.fromCliName(" " + f.cliName().toUpperCase(java.util.Locale.ROOT) + " "));
    }

    @Test
    void namesAreTheDocumentedOnes() {
        assertEquals(List.of("text", "json", "sarif", "junit", "markdown"),
                Arrays.stream(ReportFormat.values()).map(ReportFormat::cliName).toList());
        assertEquals(5, Arrays.stream(ReportFormat.values()).map(ReportFormat::fileExtension).distinct().count());
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.fromCliName("html"));
        assertEquals("unknown format 'html'; expected one of [text, json, sarif, junit, markdown]", e.getMessage());
    }
}
