package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.model.Sid;

class SidScannerTest {

    /** The fast path must accept exactly what {@link Sid#tryParse} accepts, with the same result. */
    @ParameterizedTest
    @ValueSource(strings = {"*S-1-5-32-544", "S-1-5-32-544", "*S-1-5", "*S-1-0-0", "*S-1-05-032-0544",
        "*S-1-5-21-4294967295-1-2-3", "*S-1-5-21-4294967296", "*S-1-5-21-00000000001", "*S-1-5-21-0000000001",
        "*S-1-281474976710655-1", "*S-1-281474976710656-1", "*S-1-0000000000000005-1", "*S-1-000000000000005-1",
        "*S-1-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15", "*S-1-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16",
        "*S-1-5-", "*S-1--5", "*S-1-5--32", "*S-1-X-5", "*S-2-5-32", "*s-1-5-32-544", "* S-1-5-32-544",
        "*S-1-5-32-544 ", "*S-1-5-32-544;x", "*", "", "S-1-", "**S-1-5"})
    void agreesWithSidParse(String entry) {
        assertEquals(Sid.tryParse(entry), SidScanner.scan(entry), entry);
    }
}
