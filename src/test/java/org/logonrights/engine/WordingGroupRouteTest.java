package org.logonrights.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.AccountMembership;
import org.logonrights.model.GroupRoute;
import org.logonrights.model.MembershipSource;
import org.logonrights.model.Principal;
import org.logonrights.model.Provenance;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;

/** A remote membership's route to a group is worded from its typed links, in {@link Wording} alone. */
class WordingGroupRouteTest {

    private static final Sid USER = Sid.parse("S-1-5-21-1-2-3-1105");
    private static final Sid G_WEB = Sid.parse("S-1-5-21-1-2-3-1201");
    private static final Sid G_BATCH = Sid.parse("S-1-5-21-1-2-3-1202");
    private static final Sid OTHER = Sid.parse("S-1-5-21-1-2-3-1203");

    private static AccountMembership membership(List<GroupRoute> routes) {
        return new AccountMembership("PROBE\\u", USER,
                List.of(new Principal(G_WEB, "PROBE\\g_web"), new Principal(G_BATCH, "PROBE\\g_batch"), new Principal(OTHER, null)),
                MembershipSource.REMOTE_TOKEN_GROUPS, true,
                new Provenance(SourceKind.ACCOUNT_LOOKUP, "dc01", 0, "tokenGroups"), routes);
    }

    @Test
    void aNestedGroupIsWordedLinkByLink() {
        AccountMembership m = membership(List.of(
                new GroupRoute(G_WEB, USER, new Provenance(SourceKind.ACCOUNT_LOOKUP, "dc01", 0, "memberOf")),
                new GroupRoute(G_BATCH, G_WEB, new Provenance(SourceKind.ACCOUNT_LOOKUP, "dc01", 0, "memberOf"))));
        assertEquals("a group the account belongs to: PROBE\\u is a member of PROBE\\g_web "
                + "(S-1-5-21-1-2-3-1201) (memberOf on dc01), which is a member of PROBE\\g_batch (S-1-5-21-1-2-3-1202) "
                + "(memberOf on dc01)", Wording.groupRoute("PROBE\\u", m, G_BATCH));
    }

    @Test
    void withoutARouteTheGroupNamesWhereTheMembershipWasRead() {
        assertEquals("a group the account belongs to (dc01 (tokenGroups))", Wording.groupRoute("PROBE\\u", membership(List.of()), OTHER));
    }
}
