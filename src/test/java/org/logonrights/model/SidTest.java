package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SidTest {

    @Test
    void parsesTemplateAndToolSpellings() {
        assertEquals("S-1-5-32-544", Sid.parse("*S-1-5-32-544").toString());
        assertEquals("S-1-5-32-544", Sid.parse("  s-1-5-32-544 ").toString());
        assertEquals("S-1-1-0", Sid.parse("S-1-1-0").toString());
        assertEquals(Sid.of(5, 21, 1, 2, 3, 1127), Sid.parse("S-1-5-21-1-2-3-1127"));
        assertEquals(4294967295L, Sid.parse("S-1-5-82-4294967295-1-2-3-4").subAuthorities().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "S-1", "S-2-5-32", "S-1-X-5", "*S-1-5-32-544,", "S-1-5-4294967296", "S-1-5--1",
            "Administrators", "S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"})
    void rejectsWhatIsNotASid(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sid.parse(text));
        assertFalse(e.getMessage().isBlank());
        assertTrue(Sid.tryParse(text).isEmpty());
    }

    @Test
    void classifiesTheKindsThatMatterForLogons() {
        assertTrue(Sid.parse("S-1-5-21-1004336348-1177238915-682003330-1108").isDomainOrMachine());
        assertTrue(Sid.parse("S-1-5-32-568").isBuiltinAlias());
        assertFalse(Sid.parse("S-1-5-32").isBuiltinAlias());
        assertTrue(Sid.parse("S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415").isAppPoolSid());
        assertFalse(Sid.parse("S-1-5-82-0").isAppPoolSid(), "S-1-5-82-0 is the all-pools group, not a pool");
        assertFalse(Sid.parse("S-1-5-80-0").isServiceSid(), "S-1-5-80-0 is ALL SERVICES, not one service");
        assertEquals(1108, Sid.parse("S-1-5-21-1-2-3-1108").rid());
    }

    @Test
    void ordersNumericallyNotAsText() {
        List<Sid> sorted = List.of(Sid.parse("S-1-5-32-545"), Sid.parse("S-1-5-6"), Sid.parse("S-1-5-32-544"))
                .stream().sorted().toList();
        assertEquals(List.of("S-1-5-6", "S-1-5-32-544", "S-1-5-32-545"), sorted.stream().map(Sid::toString).toList());
    }
}
