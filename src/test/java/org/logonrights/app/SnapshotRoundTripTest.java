package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logonrights.engine.rules.Rules;
import org.logonrights.model.InputException;
import org.logonrights.model.Snapshot;
import org.logonrights.sources.InputFiles;
import org.logonrights.sources.snapshot.SnapshotReader;
import org.logonrights.sources.snapshot.SnapshotWriter;

/** Snapshots survive a write and a read unchanged, and bad snapshots name the JSON path. */
class SnapshotRoundTripTest {

    static Stream<InputSelection> samples() {
        return SampleInputs.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writeThenReadGivesTheSameSnapshotAndVerdicts(InputSelection in) throws Exception {
        Snapshot original = SnapshotLoader.offline(in, InputFiles.DEFAULT);
        StringWriter w = new StringWriter();
        SnapshotWriter.write(original, "test", w);
        Snapshot back = SnapshotReader.read(w.toString(), "snap.json");
        assertEquals(original, back);
        assertEquals(Rules.standardEngine().audit(original), Rules.standardEngine().audit(back));
        assertFalse(w.toString().contains("[enc:"), "no password material in snapshots");
    }

    private static String minimal(String rights) {
        return """
                {"format": "logonrights-snapshot", "schemaVersion": 1,
                 "rights": {"source": {"kind": "SECEDIT_EXPORT", "file": "s.inf"}, "assignments": [%s]},
                 "iis": {"kind": "SERVER", "source": {"kind": "APPLICATION_HOST"}, "pools": []}}
                """.formatted(rights);
    }

    @Test
    void minimalSnapshotReads() throws Exception {
        Snapshot s = SnapshotReader.read(minimal(""), "snap.json");
        assertTrue(s.iis().pools().isEmpty());
    }

    @Test
    void badSidNamesItsPath() {
        InputException e = assertThrows(InputException.class, () -> SnapshotReader.read(
                minimal("{\"right\": \"SeBatchLogonRight\", \"entries\": [{\"sid\": \"S-1-X\"}]}"), "snap.json"));
        assertEquals("rights.assignments[0].entries[0].sid", e.position());
    }

    @Test
    void otherDocumentsAndNewerVersionsAreRefused() {
        InputException wrong = assertThrows(InputException.class, () -> SnapshotReader.read("{\"schemaVersion\": 1}", "x.json"));
        assertEquals("format", wrong.position());
        InputException newer = assertThrows(InputException.class, () -> SnapshotReader.read(
                minimal("").replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"), "x.json"));
        assertTrue(newer.getMessage().contains("99"));
        InputException broken = assertThrows(InputException.class, () -> SnapshotReader.read("{\"format\": ", "x.json"));
        assertTrue(broken.oneLine().startsWith("x.json: line 1"), broken.oneLine());
        InputException duplicate = assertThrows(InputException.class, () -> SnapshotReader.read(minimal(
                "{\"right\": \"SeBatchLogonRight\"}, {\"right\": \"sebatchlogonright\"}"), "x.json"));
        assertEquals("rights.assignments[1].right", duplicate.position());
    }
}
