package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real COM/WMI path: a string, a uint32 and a string array from Win32_OperatingSystem (the same
 * VARIANT kinds RSoP's UserRight, precedence and AccountList use), failures as WmiException, and
 * RSoP read without ever throwing. Skipped, as expected, off Windows.
 */
@EnabledOnOs(OS.WINDOWS)
class LiveWmiWindowsTest {

    @Test
    void readsAStringAnIntegerAndAStringArray() throws WmiException {
        List<WmiObject> os = new ComWmiClient().query("root\\cimv2", "Win32_OperatingSystem",
                List.of("Caption", "NumberOfProcesses", "MUILanguages"));
        assertEquals(1, os.size());
        assertFalse(os.get(0).string("Caption").isBlank());
        assertTrue(os.get(0).integer("NumberOfProcesses") > 0);
        List<String> languages = os.get(0).strings("MUILanguages");
        assertFalse(languages.isEmpty(), "a Windows installation has at least one UI language");
        assertTrue(languages.stream().allMatch(l -> l.matches("[a-z]{2,3}-[A-Za-z0-9-]+")), languages.toString());
    }

    @Test
    void aMissingNamespaceIsAWmiExceptionThatSaysSo() {
        WmiException e = assertThrows(WmiException.class, () -> new ComWmiClient().query("root\\logonrights-none",
                "RSOP_GPO", List.of("id")));
        assertTrue(e.isMissing(), e.getMessage());
    }

    @Test
    void rsopIsReadOrReportedUnknownButNeverThrows() {
        GroupPolicyResult r = LiveGroupPolicyReader.readLocal();
        if (r.groupPolicy() == null) {
            assertTrue(r.notes().stream().anyMatch(n -> n.code().equals("gpo-ownership-unknown")), r.notes().toString());
        } else {
            assertFalse(r.groupPolicy().gpos().isEmpty());
        }
    }

    @Test
    void machineFactsNameTheComputerAndItsBuild() {
        MachineFacts facts = MachineFacts.local();
        assertFalse(facts.computerName().isBlank());
        assertTrue(facts.build().orElseThrow().matches("\\d+(\\.\\d+)?"), facts.build().toString());
    }
}
