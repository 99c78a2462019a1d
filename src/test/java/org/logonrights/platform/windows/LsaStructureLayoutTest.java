package org.logonrights.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.jna.Memory;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Sid;
import org.logonrights.platform.windows.LsaApi.LSA_ENUMERATION_INFORMATION;
import org.logonrights.platform.windows.LsaApi.LSA_OBJECT_ATTRIBUTES;
import org.logonrights.platform.windows.LsaApi.LSA_REFERENCED_DOMAIN_LIST;
import org.logonrights.platform.windows.LsaApi.LSA_TRANSLATED_NAME;
import org.logonrights.platform.windows.LsaApi.LSA_TRUST_INFORMATION;
import org.logonrights.platform.windows.LsaApi.LSA_UNICODE_STRING;

/** The JNA structures agree with the 64-bit Windows layout that {@link X64LsaBuffers} writes by hand. */
class LsaStructureLayoutTest {

    @BeforeAll
    static void x64() {
        X64LsaBuffers.requireX64();
    }

    @Test
    void sizesMatchTheX64Abi() {
        assertEquals(X64LsaBuffers.UNICODE_STRING, new LSA_UNICODE_STRING().size());
        assertEquals(X64LsaBuffers.TRANSLATED_NAME, new LSA_TRANSLATED_NAME().size());
        assertEquals(X64LsaBuffers.TRUST_INFORMATION, new LSA_TRUST_INFORMATION().size());
        assertEquals(X64LsaBuffers.REFERENCED_DOMAIN_LIST, new LSA_REFERENCED_DOMAIN_LIST().size());
        assertEquals(X64LsaBuffers.POINTER, new LSA_ENUMERATION_INFORMATION().size());
        // ULONG, pad, HANDLE, PLSA_UNICODE_STRING, ULONG, pad, PVOID, PVOID
        assertEquals(48, new LSA_OBJECT_ATTRIBUTES().size());
    }

    @Test
    void objectAttributesAreZeroedWithLengthSet() {
        LSA_OBJECT_ATTRIBUTES a = new LSA_OBJECT_ATTRIBUTES();
        a.write();
        assertEquals(48, a.getPointer().getInt(0));
        byte[] rest = a.getPointer().getByteArray(4, 44);
        assertEquals(44, rest.length);
        for (byte b : rest) {
            assertEquals(0, b);
        }
    }

    @Test
    void translatedNameFieldsLandAtTheirX64Offsets() {
        X64LsaBuffers buffers = new X64LsaBuffers();
        Memory names = buffers.translatedNames(List.of(
                new X64LsaBuffers.Name(4, "Administrators", 1),
                new X64LsaBuffers.Name(5, "Everyone", -1)));
        LSA_TRANSLATED_NAME[] t = (LSA_TRANSLATED_NAME[]) new LSA_TRANSLATED_NAME(names).toArray(new LSA_TRANSLATED_NAME[2]);
        assertEquals(4, t[0].Use);
        assertEquals(28, t[0].Name.Length);
        assertEquals("Administrators", LsaUnicodeString.decode(t[0].Name));
        assertEquals(1, t[0].DomainIndex);
        assertEquals(5, t[1].Use);
        assertEquals("Everyone", LsaUnicodeString.decode(t[1].Name));
        assertEquals(-1, t[1].DomainIndex);
    }

    @Test
    void referencedDomainListAndTrustInformationLandAtTheirX64Offsets() {
        X64LsaBuffers buffers = new X64LsaBuffers();
        Memory list = buffers.referencedDomains(List.of(
                new X64LsaBuffers.Domain("NT AUTHORITY", Sid.parse("S-1-5")),
                new X64LsaBuffers.Domain("BUILTIN", Sid.parse("S-1-5-32"))));
        LSA_REFERENCED_DOMAIN_LIST l = new LSA_REFERENCED_DOMAIN_LIST(list);
        assertEquals(2, l.Entries);
        LSA_TRUST_INFORMATION[] d = (LSA_TRUST_INFORMATION[]) new LSA_TRUST_INFORMATION(l.Domains).toArray(new LSA_TRUST_INFORMATION[2]);
        assertEquals("NT AUTHORITY", LsaUnicodeString.decode(d[0].Name));
        assertEquals(Sid.parse("S-1-5"), SidCodec.read(d[0].Sid));
        assertEquals("BUILTIN", LsaUnicodeString.decode(d[1].Name));
        assertEquals(Sid.parse("S-1-5-32"), SidCodec.read(d[1].Sid));

        LSA_REFERENCED_DOMAIN_LIST empty = new LSA_REFERENCED_DOMAIN_LIST(buffers.referencedDomains(List.of()));
        assertEquals(0, empty.Entries);
        assertNull(empty.Domains);
    }

    @Test
    void enumerationInformationIsAnArrayOfSidPointers() {
        X64LsaBuffers buffers = new X64LsaBuffers();
        List<Sid> sids = List.of(Sid.parse("S-1-5-32-544"), Sid.parse("S-1-5-32-568"));
        Memory array = buffers.enumeration(sids);
        LSA_ENUMERATION_INFORMATION[] e = (LSA_ENUMERATION_INFORMATION[])
                new LSA_ENUMERATION_INFORMATION(array).toArray(new LSA_ENUMERATION_INFORMATION[2]);
        assertEquals(sids.get(0), SidCodec.read(e[0].Sid));
        assertEquals(sids.get(1), SidCodec.read(e[1].Sid));
    }
}
