package org.logonrights.sources;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import org.logonrights.model.InputException;

/**
 * Reads a Windows XML Event Log file (.evtx) as Windows writes it: a 4 KiB file header, then 64 KiB
 * chunks of records whose events are Binary XML (libyal, "Windows XML Event Log (EVTX) format";
 * docs/input-formats.md §7). Strict where it matters and bounded everywhere: every chunk's
 * checksums are verified and a chunk that fails is reported and skipped, a record that does not fit
 * stops its chunk, and the header's chunk count is not trusted (files carry stale and preallocated
 * chunks, or are cut short), so every 64 KiB block that the file holds is looked at, once.
 */
public final class EvtxReader {

    static final int FILE_HEADER_SIZE = 4096;
    static final int CHUNK_SIZE = 65536;
    static final int CHUNK_HEADER_SIZE = 512;
    private static final int RECORD_HEADER_SIZE = 24;
    private static final int FLAG_DIRTY = 0x1;
    /** Header flag that says the chunks carry no valid checksums (omerbenamram/evtx; seen on real files). */
    private static final int FLAG_NO_CRC32 = 0x4;
    private static final byte[] FILE_SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK_SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_SIGNATURE = 0x00002a2a;

    private EvtxReader() {
    }

    /** Whether the bytes start like an .evtx file, to tell it from an XML export. */
    public static boolean looksLikeEvtx(byte[] data) {
        return data.length >= FILE_SIGNATURE.length
                && Arrays.equals(data, 0, FILE_SIGNATURE.length, FILE_SIGNATURE, 0, FILE_SIGNATURE.length);
    }

    /** Reads every record that can be trusted; refuses only a file that is not an .evtx file at all. */
    public static EvtxLog read(byte[] data, String file) throws InputException {
        if (!looksLikeEvtx(data)) {
            throw new InputException(file, null, "not a Windows event log file (.evtx): no 'ElfFile' signature");
        }
        if (data.length < FILE_HEADER_SIZE) {
            throw new InputException(file, null, "event log file is " + data.length
                    + " bytes, shorter than its " + FILE_HEADER_SIZE + "-byte header");
        }
        int minor = u16(data, 36);
        int major = u16(data, 38);
        if (major != 3) {
            throw new InputException(file, null, "event log format version " + major + "." + minor
                    + " is not supported (only 3.x)");
        }
        List<String> warnings = new ArrayList<>();
        int flags = u32(data, 120);
        boolean checksums = (flags & FLAG_NO_CRC32) == 0;
        if (!checksums) {
            warnings.add("the file says its checksums are not kept, so its records were read without verification");
        } else if (crc(data, 0, 120) != u32(data, 124)) {
            warnings.add("the file header's checksum does not match (its chunks were checked one by one)");
        }
        if ((flags & FLAG_DIRTY) != 0) {
            warnings.add("the log was not closed cleanly (dirty): its newest records may be missing");
        }
        List<EvtxLog.Record> records = new ArrayList<>();
        List<EvtxLog.Skipped> skipped = new ArrayList<>();
        for (long offset = FILE_HEADER_SIZE; offset < data.length; offset += CHUNK_SIZE) {
            readChunk(data, (int) offset, checksums, records, skipped, warnings);
        }
        records.sort(Comparator.comparingLong(EvtxLog.Record::id));
        return new EvtxLog(records, skipped, warnings);
    }

    private static void readChunk(byte[] data, int offset, boolean checksums, List<EvtxLog.Record> records,
            List<EvtxLog.Skipped> skipped, List<String> warnings) {
        int available = Math.min(CHUNK_SIZE, data.length - offset);
        if (allZero(data, offset, available)) {
            return; // preallocated, never used
        }
        if (available < CHUNK_SIZE) {
            skipped.add(new EvtxLog.Skipped(offset, "the file ends inside a chunk (" + available + " of "
                    + CHUNK_SIZE + " bytes): the file is truncated", -1, -1));
            return;
        }
        byte[] chunk = Arrays.copyOfRange(data, offset, offset + CHUNK_SIZE);
        if (!Arrays.equals(chunk, 0, CHUNK_SIGNATURE.length, CHUNK_SIGNATURE, 0, CHUNK_SIGNATURE.length)) {
            skipped.add(new EvtxLog.Skipped(offset, "no chunk signature", -1, -1));
            return;
        }
        long first = u64(chunk, 24);
        long last = u64(chunk, 32);
        int freeSpace = u32(chunk, 48);
        if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > CHUNK_SIZE) {
            skipped.add(new EvtxLog.Skipped(offset, "the chunk's free-space offset " + Integer.toUnsignedString(freeSpace)
                    + " lies outside the chunk", first, last));
            return;
        }
        if (checksums && crc(chunk, CHUNK_HEADER_SIZE, freeSpace - CHUNK_HEADER_SIZE) != u32(chunk, 52)) {
            skipped.add(new EvtxLog.Skipped(offset, "the checksum of the chunk's records does not match", first, last));
            return;
        }
        if (checksums && chunkHeaderCrc(chunk) != u32(chunk, 124)) {
            // The records' own checksum matched, and names and templates are read from the records,
            // never from the header's caches: the records are intact.
            warnings.add("the chunk at offset " + offset + " has a damaged header; its records were read");
        }
        BinaryXml xml = new BinaryXml(chunk);
        int pos = CHUNK_HEADER_SIZE;
        while (pos + RECORD_HEADER_SIZE <= freeSpace) {
            if (u32(chunk, pos) != RECORD_SIGNATURE) {
                skipped.add(new EvtxLog.Skipped(offset + pos, "no record signature; the rest of the chunk was not read",
                        -1, -1));
                return;
            }
            int size = u32(chunk, pos + 4);
            long id = u64(chunk, pos + 8);
            if (size < RECORD_HEADER_SIZE + 4 || size > freeSpace - pos) {
                skipped.add(new EvtxLog.Skipped(offset + pos, "record " + id + " has a size ("
                        + Integer.toUnsignedString(size) + " bytes) that points past the chunk's records", id, -1));
                return;
            }
            if (u32(chunk, pos + size - 4) != size) {
                skipped.add(new EvtxLog.Skipped(offset + pos, "record " + id + " does not end with its size", id, -1));
                return;
            }
            try {
                EventElement event = xml.decodeEvent(pos + RECORD_HEADER_SIZE, pos + size - 4);
                records.add(new EvtxLog.Record(id, BinaryXml.filetime(u64(chunk, pos + 16)), event));
            } catch (BinaryXml.Malformed e) {
                skipped.add(new EvtxLog.Skipped(offset + pos, "record " + id + ": " + e.getMessage(), id, id));
            }
            pos += size;
        }
    }

    /** The chunk header's checksum covers its first 120 bytes and the caches, not itself. */
    private static int chunkHeaderCrc(byte[] chunk) {
        CRC32 crc = new CRC32();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, CHUNK_HEADER_SIZE - 128);
        return (int) crc.getValue();
    }

    private static int crc(byte[] b, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, from, length);
        return (int) crc.getValue();
    }

    private static boolean allZero(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static int u32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    static long u64(byte[] b, int at) {
        return Integer.toUnsignedLong(u32(b, at)) | ((long) u32(b, at + 4)) << 32;
    }
}
