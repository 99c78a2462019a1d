package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.InputNote;
import org.logonrights.model.InputNote.Level;

class GpoMetadataTest {

    static final String GPO_GUID = "{7D3A5E19-C4B2-4F60-9A81-E2F05B6C3D47}";
    static final String BACKUP_ID = "{0C9E4B72-5A1D-4E38-B6F0-93D2A7C1E485}";
    static final String BACKUP_TEMPLATE = "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf";

    static final String BKUPINFO = "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\">"
            + "<GPOGuid><![CDATA[" + GPO_GUID + "]]></GPOGuid><GPODomain><![CDATA[fabrikam.net]]></GPODomain>"
            + "<GPODomainGuid><![CDATA[{5b8e2f41-0c7a-4d93-8e16-2a4f9c0d7b35}]]></GPODomainGuid>"
            + "<GPODomainController><![CDATA[DC02.fabrikam.net]]></GPODomainController>"
            + "<BackupTime><![CDATA[2025-02-18T16:42:10]]></BackupTime><ID><![CDATA[" + BACKUP_ID + "]]></ID>"
            + "<Comment><![CDATA[before the IIS rollout]]></Comment>"
            + "<GPODisplayName><![CDATA[IIS Servers - Logon Rights]]></GPODisplayName></BackupInst>";

    static final String BACKUP_XML = "<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- Copyright (c) Microsoft Corporation.  All rights reserved. -->"
            + "<GroupPolicyBackupScheme bkp:version=\"2.0\" bkp:type=\"GroupPolicyBackupTemplate\""
            + " xmlns:bkp=\"http://www.microsoft.com/GroupPolicy/GPOOperations\" xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations\">\n"
            + "<GroupPolicyObject><SecurityGroups/><FilePaths/><GroupPolicyCoreSettings>"
            + "<ID><![CDATA[" + GPO_GUID + "]]></ID><Domain><![CDATA[fabrikam.net]]></Domain>"
            + "<SecurityDescriptor>01 00 04 9c 00 00 00 00</SecurityDescriptor>"
            + "<DisplayName><![CDATA[IIS Servers - Logon Rights (Backup.xml)]]></DisplayName><Options><![CDATA[0]]></Options>"
            + "</GroupPolicyCoreSettings>\n<GroupPolicyExtension bkp:ID=\"{827D319E-6EAC-11D2-A4EA-00C04F79F83A}\" bkp:DescName=\"Security\">"
            + "<FSObjectFile bkp:Path=\"%GPO_MACH_FSPATH%\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf\""
            + " bkp:Location=\"DomainSysvol\\GPO\\Machine\\microsoft\\windows nt\\SecEdit\\GptTmpl.inf\"/>"
            + "</GroupPolicyExtension></GroupPolicyObject>\n</GroupPolicyBackupScheme>\n";

    @TempDir
    Path dir;

    Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String relative, byte[] bytes) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    Path backupTemplate() throws IOException {
        return write(BACKUP_ID + "/" + BACKUP_TEMPLATE, utf16("[Unicode]\r\nUnicode=yes\r\n"));
    }

    static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static List<String> codes(Parsed<?> p) {
        return p.notes().stream().map(n -> n.level() + " " + n.code()).toList();
    }

    @Test
    void gpmcBackupTakesTheGpoGuidAndNameFromBkupInfo() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/bkupInfo.xml", utf16(BKUPINFO));
        write(BACKUP_ID + "/Backup.xml", BACKUP_XML);
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(GPO_GUID, "IIS Servers - Logon Rights", "fabrikam.net"), p.value());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void bkupInfoIsFoundWhateverTheCaseOfItsName() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/Bkupinfo.xml", BKUPINFO);
        assertEquals("IIS Servers - Logon Rights", GpoMetadata.forTemplate(template, InputFiles.DEFAULT).value().displayName());
    }

    @Test
    void backupXmlIsTheFallbackAndItsCdataIsRead() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/Backup.xml", BACKUP_XML);
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(GPO_GUID, "IIS Servers - Logon Rights (Backup.xml)", "fabrikam.net"), p.value());
        assertEquals(List.of(), p.notes());
    }

    @Test
    void malformedBkupInfoFallsBackToBackupXmlWithAWarning() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/bkupInfo.xml", BKUPINFO.substring(0, 120));
        write(BACKUP_ID + "/Backup.xml", BACKUP_XML);
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals("IIS Servers - Logon Rights (Backup.xml)", p.value().displayName());
        assertEquals(List.of("WARNING gpo-metadata-unreadable"), codes(p));
        InputNote n = p.notes().get(0);
        assertTrue(n.message().contains("bkupInfo.xml: line 1"), n.message());
        assertTrue(n.provenance().file().endsWith("bkupInfo.xml"));
    }

    @Test
    void hostileMetadataIsRefusedNotExpanded() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/bkupInfo.xml", "<!DOCTYPE BackupInst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\">"
                + "<GPODisplayName>&x;</GPODisplayName></BackupInst>");
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(BACKUP_ID, template.toString(), null), p.value());
        assertEquals(List.of("WARNING gpo-metadata-unreadable", "INFO gpo-guid-unknown", "INFO gpo-name-unknown"), codes(p));
        assertTrue(p.notes().get(0).message().contains("DOCTYPE"));
    }

    @Test
    void metadataInTheWrongNamespaceIsIgnored() throws IOException {
        Path template = backupTemplate();
        write(BACKUP_ID + "/bkupInfo.xml", "<BackupInst><GPODisplayName>Not trusted</GPODisplayName></BackupInst>");
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(template.toString(), p.value().displayName());
        assertTrue(p.notes().get(0).message().contains("<BackupInst> (no namespace)"), p.notes().get(0).message());
    }

    @Test
    void backupWithoutMetadataKeepsTheFolderGuidAndSaysItIsTheBackupId() throws IOException {
        Path template = backupTemplate();
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(BACKUP_ID, template.toString(), null), p.value());
        assertEquals(List.of("INFO gpo-guid-unknown", "INFO gpo-name-unknown"), codes(p));
    }

    @Test
    void sysvolPolicyTakesGuidFromFolderAndNameFromGptIni() throws IOException {
        String root = "fabrikam.net/Policies/" + GPO_GUID;
        Path template = write(root + "/MACHINE/microsoft/windows nt/secedit/GptTmpl.inf", utf16("[Unicode]\r\n"));
        write(root + "/GPT.INI", "[General]\r\nVersion=458759\r\ndisplayName = IIS Servers - Logon Rights\r\n");
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(GPO_GUID, "IIS Servers - Logon Rights", null), p.value());
        assertEquals(List.of("INFO gpo-name-from-gpt-ini"), codes(p));
    }

    @Test
    void gptIniWithoutDisplayNameLeavesThePathAsLabel() throws IOException {
        String root = "Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}";
        Path template = write(root + "/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf", utf16("[Unicode]\r\n"));
        write(root + "/gpt.ini", "[General]\r\nVersion=131078\r\n[Other]\r\ndisplayName=not this section\r\n");
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo("{31B2F340-016D-11D2-945F-00C04FB984F9}", template.toString(), null), p.value());
        assertEquals(List.of("INFO gpo-name-unknown"), codes(p));
    }

    @Test
    void olderExportWithoutDomainSysvolIsRecognised() throws IOException {
        Path template = write(GPO_GUID + "/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf", utf16("[Unicode]\r\n"));
        write(GPO_GUID + "/bkupInfo.xml", BKUPINFO);
        assertEquals(new GpoInfo(GPO_GUID, "IIS Servers - Logon Rights", "fabrikam.net"),
                GpoMetadata.forTemplate(template, InputFiles.DEFAULT).value());
    }

    @Test
    void templateOutsideAGpoFolderIsLabelledByItsPath() throws IOException {
        Path template = write("exports/web01-GptTmpl.inf", utf16("[Unicode]\r\n"));
        Parsed<GpoInfo> p = GpoMetadata.forTemplate(template, InputFiles.DEFAULT);
        assertEquals(new GpoInfo(null, template.toString(), null), p.value());
        assertEquals(List.of("INFO gpo-identity-unknown"), codes(p));
        assertEquals(Level.INFO, p.notes().get(0).level());
    }

    @Test
    void missingTemplateStillGetsAnIdentity() {
        Path template = dir.resolve("Policies/" + GPO_GUID + "/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf");
        assertEquals(GPO_GUID, GpoMetadata.forTemplate(template, InputFiles.DEFAULT).value().id());
    }
}
