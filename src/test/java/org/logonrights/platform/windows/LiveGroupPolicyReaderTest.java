package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.GpoRightSetting;
import org.logonrights.model.GroupPolicy;
import org.logonrights.model.InputNote;
import org.logonrights.model.Principal;
import org.logonrights.model.RightEntry;
import org.logonrights.model.Sid;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/** {@link LiveGroupPolicyReader} over a fake {@link WmiClient} that answers with RSoP rows. */
class LiveGroupPolicyReaderTest {

    private static final String LOCKDOWN_DN =
            "CN={5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70},CN=Policies,CN=System,DC=contoso,DC=com";
    private static final String DEFAULT_DN =
            "CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=contoso,DC=com";

    private final Map<String, List<WmiObject>> classes = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private WmiException failure;

    private final WmiClient fake = (namespace, className, properties) -> {
        queries.add(namespace + "|" + className + "|" + String.join(",", properties));
        if (failure != null) {
            throw failure;
        }
        return classes.getOrDefault(className, List.of());
    };

    private static WmiObject row(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new WmiObject(m);
    }

    private void gpo(String id, String name, String guid) {
        classes.computeIfAbsent("RSOP_GPO", k -> new ArrayList<>()).add(row("id", id, "name", name, "guidName", guid));
    }

    private void right(String right, int precedence, String gpoId, String... accounts) {
        classes.computeIfAbsent("RSOP_UserPrivilegeRight", k -> new ArrayList<>())
                .add(row("UserRight", right, "AccountList", accounts == null ? null : Arrays.asList(accounts),
                        "precedence", precedence, "GPOID", gpoId));
    }

    private GroupPolicyResult read() {
        return new LiveGroupPolicyReader(fake).read();
    }

    @Test
    void queriesBothClassesInTheComputerRsopNamespace() {
        gpo(LOCKDOWN_DN, "Lockdown", "{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}");
        read();
        assertEquals(List.of("root\\rsop\\computer|RSOP_GPO|id,name,guidName",
                "root\\rsop\\computer|RSOP_UserPrivilegeRight|UserRight,AccountList,precedence,GPOID"), queries);
    }

    @Test
    void settingsAreJoinedToTheirGposWithNameOnlyMembers() {
        gpo(LOCKDOWN_DN, "CONTOSO Web Servers - User Rights Lockdown", "{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}");
        gpo(DEFAULT_DN, "Default Domain Policy", "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        right("SeBatchLogonRight", 1, LOCKDOWN_DN, "Administrators", "CONTOSO\\svc-batch", "*S-1-5-32-568");
        right("SeBatchLogonRight", 2, DEFAULT_DN, "Administrators", "Backup Operators");
        right("SeDenyBatchLogonRight", 1, LOCKDOWN_DN, (String[]) null);
        right("SeDebugPrivilege", 1, DEFAULT_DN, "Administrators");
        GroupPolicyResult r = read();
        assertEquals(List.of(), r.notes(), "privileges are skipped silently");
        GroupPolicy gp = r.groupPolicy();
        GpoInfo lockdown = new GpoInfo("{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}", "CONTOSO Web Servers - User Rights Lockdown",
                "contoso.com");
        assertEquals(List.of(lockdown, new GpoInfo("{31B2F340-016D-11D2-945F-00C04FB984F9}", "Default Domain Policy",
                "contoso.com")), gp.gpos());
        GpoRightSetting batch = gp.winning(UserRight.BATCH).orElseThrow();
        assertEquals(lockdown, batch.gpo());
        assertEquals(List.of(Principal.ofName("Administrators"), Principal.ofName("CONTOSO\\svc-batch"),
                Principal.ofSid(Sid.parse("S-1-5-32-568"))), batch.members().stream().map(RightEntry::principal).toList());
        assertEquals(SourceKind.RSOP, batch.provenance().kind());
        assertEquals("root\\rsop\\computer", batch.provenance().file());
        assertEquals("RSOP_UserPrivilegeRight[SeBatchLogonRight, precedence 1]", batch.provenance().element());
        assertEquals(List.of("Default Domain Policy"), gp.losing(UserRight.BATCH).stream().map(s -> s.gpo().displayName()).toList());
        GpoRightSetting deny = gp.winning(UserRight.DENY_BATCH).orElseThrow();
        assertEquals(List.of(), deny.members(), "an empty AccountList defines the right as held by nobody");
        assertEquals(3, gp.settings().size());
        assertEquals(List.of(SourceKind.RSOP), gp.sources().stream().map(p -> p.kind()).toList());
    }

    @Test
    void theLocalGpoKeepsItsIdAndGetsItsName() {
        gpo("LocalGPO", "", "");
        right("SeServiceLogonRight", 1, "LocalGPO", "NT SERVICE\\ALL SERVICES");
        GroupPolicy gp = read().groupPolicy();
        assertEquals(new GpoInfo("LocalGPO", "Local Group Policy", null), gp.winning(UserRight.SERVICE).orElseThrow().gpo());
    }

    @Test
    void aSettingFromAnUnlistedGpoNamesItByGuidAndSaysSo() {
        gpo(DEFAULT_DN, "Default Domain Policy", "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        right("SeBatchLogonRight", 1, LOCKDOWN_DN, "Administrators");
        right("SeDenyBatchLogonRight", 1, LOCKDOWN_DN, "Guests");
        GroupPolicyResult r = read();
        GpoInfo g = r.groupPolicy().winning(UserRight.BATCH).orElseThrow().gpo();
        assertEquals("{5A1E1E3B-8C7D-4E0F-9A11-3B2C4D5E6F70}", g.id());
        assertNull(g.displayName());
        assertEquals("contoso.com", g.domain());
        assertEquals(List.of("gpo-not-listed"), r.notes().stream().map(InputNote::code).toList(), "noted once per GPO");
        assertEquals(2, r.groupPolicy().gpos().size());
    }

    @Test
    void unknownRightsAndBadPrecedenceAreNotedAndSkipped() {
        gpo(DEFAULT_DN, "Default Domain Policy", "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        right("SeMadeUpRight", 1, DEFAULT_DN, "Administrators");
        right("SeBatchLogonRight", 0, DEFAULT_DN, "Administrators");
        GroupPolicyResult r = read();
        assertEquals(List.of("unknown-right", "rsop-bad-precedence"), r.notes().stream().map(InputNote::code).toList());
        assertEquals(List.of(), r.groupPolicy().settings());
    }

    @Test
    void noGpoAtAllMeansOwnershipUnknownNotNoGpo() {
        right("SeBatchLogonRight", 1, DEFAULT_DN, "Administrators");
        GroupPolicyResult r = read();
        assertNull(r.groupPolicy());
        InputNote n = r.notes().get(0);
        assertEquals("gpo-ownership-unknown", n.code());
        assertEquals(InputNote.Level.WARNING, n.level());
        assertTrue(n.message().contains("RSoP logging may be turned off"), n.message());
    }

    @Test
    void aMissingNamespaceDegradesToUnknownWithTheReason() {
        failure = new WmiException("IWbemLocator::ConnectServer(root\\rsop\\computer)", WmiException.WBEM_E_INVALID_NAMESPACE);
        GroupPolicyResult r = read();
        assertNull(r.groupPolicy());
        String m = r.notes().get(0).message();
        assertTrue(m.startsWith("GPO ownership is unknown: the RSoP namespace root\\rsop\\computer or its classes are not available"), m);
        assertTrue(m.contains("0x8004100E (WBEM_E_INVALID_NAMESPACE)"), m);
        assertTrue(m.contains("--gpresult"), m);
    }

    @Test
    void accessDeniedSaysRunElevated() {
        failure = new WmiException("IWbemServices::ExecQuery", WmiException.WBEM_E_ACCESS_DENIED);
        String m = read().notes().get(0).message();
        assertTrue(m.contains("access to root\\rsop\\computer was denied") && m.contains("elevated prompt"), m);
    }

    @Test
    void anyOtherWmiFailureIsStillOnlyANote() {
        failure = new WmiException("CoInitializeEx", 0x80004005);
        GroupPolicyResult r = read();
        assertNull(r.groupPolicy());
        assertTrue(r.notes().get(0).message().contains("reading RSoP over WMI failed: CoInitializeEx failed with HRESULT 0x80004005"));
    }

    @Test
    void aValueOfTheWrongTypeDegradesToUnknown() {
        gpo(DEFAULT_DN, "Default Domain Policy", "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        classes.computeIfAbsent("RSOP_UserPrivilegeRight", k -> new ArrayList<>())
                .add(row("UserRight", "SeBatchLogonRight", "AccountList", "Administrators", "precedence", 1, "GPOID", DEFAULT_DN));
        GroupPolicyResult r = read();
        assertNull(r.groupPolicy());
        assertTrue(r.notes().get(0).message().contains("AccountList is a String, not a string array"), r.notes().get(0).message());
    }

    @Test
    void dnsDomainComesFromTheDcComponents() {
        assertEquals("corp.contoso.com", LiveGroupPolicyReader.dnsDomain("CN={X},CN=Policies,CN=System,DC=corp,DC=contoso,DC=com"));
        assertNull(LiveGroupPolicyReader.dnsDomain("LocalGPO"));
    }
}
