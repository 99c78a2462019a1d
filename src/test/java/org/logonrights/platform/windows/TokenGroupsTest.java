package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Sid;
import org.logonrights.platform.windows.X64NativeBuffers.Group;

/** {@link TokenGroups} reads the 64-bit TOKEN_GROUPS layout that {@link X64NativeBuffers} writes by hand. */
class TokenGroupsTest {

    private static final List<Group> GROUPS = List.of(
            new Group(Sid.parse("S-1-5-21-111-222-333-513"), 0x7),
            new Group(Sid.parse("S-1-5-32-544"), 0x10),
            new Group(Sid.parse("S-1-5-5-0-99"), 0xC000_0007));

    @BeforeAll
    static void x64() {
        X64LsaBuffers.requireX64();
    }

    private static Memory laidOut(List<Group> groups) {
        int size = X64NativeBuffers.tokenGroupsSize(groups);
        Memory m = new Memory(size);
        X64NativeBuffers.writeTokenGroups(m, groups);
        return m;
    }

    @Test
    void theX64OffsetsAreEightAndSixteen() {
        assertEquals(X64NativeBuffers.GROUPS_ARRAY, TokenGroups.arrayOffset());
        assertEquals(X64NativeBuffers.SID_AND_ATTRIBUTES, TokenGroups.entrySize());
    }

    @Test
    void decodesEverySidWithItsAttributes() {
        Memory m = laidOut(GROUPS);
        List<TokenGroups.Group> g = TokenGroups.decode(m, m.size());
        assertEquals(3, g.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(GROUPS.get(i).sid(), g.get(i).sid());
            assertEquals(GROUPS.get(i).attributes(), g.get(i).attributes());
        }
    }

    @Test
    void anEmptyTokenGroupsIsNoGroups() {
        Memory m = laidOut(List.of());
        assertEquals(List.of(), TokenGroups.decode(m, m.size()));
    }

    @Test
    void aCountThatDoesNotFitTheBufferIsRejected() {
        Memory m = laidOut(GROUPS);
        m.setInt(0, 8); // 8 + 8 x 16 = 136 bytes of array in a 120-byte buffer
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenGroups.decode(m, m.size()));
        assertTrue(e.getMessage().contains("GroupCount 8"), e.getMessage());
    }

    @Test
    void aSidPointerOutsideTheBufferIsRejectedWithoutReadingIt() {
        Memory m = laidOut(GROUPS);
        try (Memory elsewhere = new Memory(16)) {
            m.setPointer(X64NativeBuffers.GROUPS_ARRAY, elsewhere);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenGroups.decode(m, m.size()));
            assertTrue(e.getMessage().contains("outside the buffer"), e.getMessage());
        }
    }

    @Test
    void aSidThatRunsPastTheEndIsRejected() {
        List<Group> one = List.of(new Group(Sid.parse("S-1-5-32-544"), 0));
        Memory m = laidOut(one);
        long sidAt = X64NativeBuffers.GROUPS_ARRAY + X64NativeBuffers.SID_AND_ATTRIBUTES;
        m.setByte(sidAt + 1, (byte) 15);
        assertThrows(IllegalArgumentException.class, () -> TokenGroups.decode(m, m.size()));
    }

    @Test
    void aBufferTooSmallForTheCountIsRejected() {
        try (Memory m = new Memory(4)) {
            assertThrows(IllegalArgumentException.class, () -> TokenGroups.decode(m, 4));
        }
    }
}
