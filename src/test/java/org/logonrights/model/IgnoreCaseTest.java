package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The key must agree with equalsIgnoreCase on every pair, including characters toLowerCase treats specially. */
class IgnoreCaseTest {

    private static final List<String> NAMES = List.of("DefaultAppPool", "defaultapppool", "DEFAULTAPPPOOL",
            "Straße", "STRASSE", "strasse", "İstanbul", "istanbul", "ISTANBUL", "ıstanbul", "ΟΔΟΣ", "οδος", "οδοσ",
            "Kelvin\u212A", "kelvink", "\uD801\uDC00pool", "\uD801\uDC28pool", "Ǆ", "ǅ", "ǆ", "", "a");

    @Test
    void keysAreEqualExactlyWhenEqualsIgnoreCaseSaysSo() {
        for (String a : NAMES) {
            for (String b : NAMES) {
                assertEquals(a.equalsIgnoreCase(b), IgnoreCase.key(a).equals(IgnoreCase.key(b)), a + " / " + b);
            }
        }
    }

    @Test
    void aFoldedNameIsReturnedAsIs() {
        String name = "pool-00042";
        assertEquals(name, IgnoreCase.key(name));
    }
}
