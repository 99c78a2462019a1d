package org.logonrights.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The index answers every look-up as the linear {@link Memberships#find} does. */
class MembershipsIndexTest {

    private static final Provenance FILE = Provenance.of(SourceKind.MEMBERSHIPS, "memberships.json");
    private static final Sid ONE = Sid.parse("S-1-5-21-1-2-3-1001");
    private static final Sid TWO = Sid.parse("S-1-5-21-1-2-3-1002");

    private static AccountMembership account(String name, Sid sid) {
        return new AccountMembership(name, sid, List.of(), MembershipSource.FILE, true, FILE);
    }

    @Test
    void findsWhatTheScanFinds() {
        Memberships m = new Memberships(List.of(account("CONTOSO\\svc-one", ONE), account("CONTOSO\\SVC-ONE", TWO),
                account(null, TWO), account("CONTOSO\\svc-three", null), account("Straße", null)));
        Memberships.Index index = m.index();
        List<String> names = List.of("CONTOSO\\svc-one", " contoso\\SVC-ONE ", "CONTOSO\\svc-three", "nobody",
                "STRASSE", "straße");
        for (String name : names) {
            for (Sid sid : new Sid[] {null, ONE, TWO, Sid.parse("S-1-5-32-545")}) {
                assertEquals(m.find(name, sid), index.find(name, sid), name + " / " + sid);
            }
        }
        assertEquals(m.find(null, TWO), index.find(null, TWO));
        assertEquals(m.find(null, null), index.find(null, null));
    }
}
