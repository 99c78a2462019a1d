package org.logonrights.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logonrights.model.GpoInfo;
import org.logonrights.model.InputException;
import org.logonrights.model.RightEntry;
import org.logonrights.model.SourceKind;
import org.logonrights.model.UserRight;

/**
 * The per-file size limit ({@code --max-input-size}) holds for every reader that opens a file, and a
 * huge but legitimate INF line is read in one pass with one provenance per physical line.
 */
class InputSizeLimitTest {

    private static final long LIMIT = 1_000;
    private static final InputFiles LIMITED = new InputFiles(LIMIT);

    @TempDir
    Path dir;

    /** A file of exactly {@code size} bytes: {@code head}, then blanks (valid padding in every format). */
    private Path file(String name, String head, int size) throws IOException {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(start, 0, bytes, 0, start.length);
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    private static void assertOverLimit(String file, InputException e) {
        assertEquals(file, e.file());
        assertEquals("file is " + (LIMIT + 1) + " bytes, over the limit of " + LIMIT
                + " bytes (raise it with --max-input-size)", e.getMessage());
    }

    @Test
    void everyReaderRefusesAFileOverTheLimit() throws IOException {
        Path inf = file("secedit.inf", "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544\n", (int) LIMIT + 1);
        Path config = file("applicationHost.config", "<configuration/>", (int) LIMIT + 1);
        Path gpresult = file("gpresult.xml", "<Rsop xmlns=\"http://www.microsoft.com/GroupPolicy/Rsop\"/>", (int) LIMIT + 1);
        Path json = file("memberships.json", "{\"accounts\": []}", (int) LIMIT + 1);

        for (SourceKind kind : List.of(SourceKind.SECEDIT_EXPORT, SourceKind.GPO_TEMPLATE)) {
            assertOverLimit(inf.toString(), assertThrows(InputException.class,
                    () -> SecurityTemplateParser.parse(inf, kind, LIMITED)));
        }
        assertOverLimit(config.toString(),
                assertThrows(InputException.class, () -> ApplicationHostParser.parse(config, LIMITED)));
        assertOverLimit(gpresult.toString(), assertThrows(InputException.class, () -> GpresultParser.parse(gpresult, LIMITED)));
        assertOverLimit(json.toString(), assertThrows(InputException.class, () -> MembershipFileParser.parse(json, LIMITED)));
    }

    /** The limit belongs to the read, not to the process: a lowered one leaves every other read alone. */
    @Test
    void aLimitAppliesOnlyToTheReadsGivenIt() throws Exception {
        Path json = file("memberships.json", "{\"accounts\": []}", (int) LIMIT + 1);

        assertOverLimit(json.toString(), assertThrows(InputException.class, () -> MembershipFileParser.parse(json, LIMITED)));
        assertTrue(MembershipFileParser.parse(json, InputFiles.DEFAULT).value().accounts().isEmpty());
        assertTrue(MembershipFileParser.parse(json, new InputFiles(LIMIT + 1)).value().accounts().isEmpty());
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws Exception {
        Path json = file("memberships.json", "{\"accounts\": []}", (int) LIMIT);

        assertTrue(MembershipFileParser.parse(json, LIMITED).value().accounts().isEmpty());
    }

    @Test
    void gpoMetadataOverTheLimitBecomesANoteNotAFailure() throws IOException {
        String gpo = "{7D3A5E19-C4B2-4F60-9A81-E2F05B6C3D47}";
        Path template = file(gpo + "/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf", "[Unicode]\nUnicode=yes\n", 100);
        file(gpo + "/gpt.ini", "[General]\r\ndisplayName=IIS Servers\r\n", (int) LIMIT + 1);

        Parsed<GpoInfo> info = GpoMetadata.forTemplate(template, LIMITED);

        assertEquals(gpo, info.value().id());
        assertTrue(info.notes().stream().anyMatch(n -> n.code().equals("gpo-metadata-unreadable")
                && n.message().contains("over the limit of " + LIMIT + " bytes")), info.notes().toString());
    }

    /** A raised limit once let a file over 2 GiB through, truncated to what one byte array holds. */
    @Test
    void aFileTooBigForOneArrayIsRefusedWhateverTheLimit() throws IOException {
        Path sparse = dir.resolve("sparse.config");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(Integer.MAX_VALUE + 10L);
        }
        InputFiles raised = new InputFiles(4L * 1024 * 1024 * 1024);

        InputException e = assertThrows(InputException.class, () -> raised.readAll(sparse));

        assertEquals("file is " + (Integer.MAX_VALUE + 10L) + " bytes, more than the " + InputFiles.MAX_READABLE_BYTES
                + " bytes logonrights can read", e.getMessage());
    }

    /** A device or a file still being written reports one size and delivers more: the limit still holds. */
    @Test
    void aFileThatGrowsWhileReadStopsAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        InputException e = assertThrows(InputException.class, () -> LIMITED.readAll(zero));

        assertEquals("file grew over the limit of " + LIMIT + " bytes while reading", e.getMessage());
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new InputFiles(0));
        assertThrows(IllegalArgumentException.class, () -> new InputFiles(-1));
    }

    /** secedit writes UTF-16LE with a BOM; 200,000 SIDs on one line make a 10 MB file. */
    @Test
    void twoHundredThousandSidLineFromAFileSharesOneProvenance() throws Exception {
        int count = 200_000;
        StringBuilder b = new StringBuilder("[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = ");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("*S-1-5-21-1004336348-1177238915-682003330-").append(10_000 + i);
        }
        b.append("\r\n");
        byte[] body = b.toString().getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path inf = Files.write(dir.resolve("secedit.inf"), bytes);

        List<RightEntry> entries = SecurityTemplateParser.parse(inf, SourceKind.SECEDIT_EXPORT, InputFiles.DEFAULT).value()
                .rights().get(UserRight.BATCH).entries();

        assertEquals(count, entries.size());
        // Memory stays linear in the SIDs: every entry of the line points at the same provenance object.
        assertSame(entries.get(0).provenance(), entries.get(count - 1).provenance());
        assertEquals(4, entries.get(count - 1).provenance().line());
    }
}
