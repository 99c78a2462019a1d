package org.logonrights.platform.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.mslsad.messages.LsarEnumerateAccountsWithUserRightResponse;
import com.rapid7.client.dcerpc.mslsad.messages.LsarLookupSIDsResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logonrights.model.Sid;

/**
 * Our NDR additions decoded against response stubs recorded from the Samba AD DC of the
 * integration tests (src/test/resources/remote/recorded, hex of the stub after the PDU header).
 */
class RecordedResponsesTest {

    private static final String SVC_BATCH = "S-1-5-21-3298198509-1230114596-3355181333-1102";

    static byte[] recorded(String name) throws IOException {
        try (InputStream in = RecordedResponsesTest.class.getResourceAsStream("/remote/recorded/" + name)) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        }
    }

    private static <T extends RequestResponse> T decode(T response, String name) throws IOException {
        response.unmarshal(new PacketInput(new ByteArrayInputStream(recorded(name))));
        return response;
    }

    @Test
    void enumerateAccountsRequestIsHandleContextAndLength() throws IOException {
        byte[] handle = Arrays.copyOf(recorded("enumerate-accounts-request.hex"), 20);
        byte[] stub = new LsarEnumerateAccountsRequest(handle, 0, LsaRpcService.PREFERRED_MAXIMUM_LENGTH).getStub();
        assertArrayEquals(recorded("enumerate-accounts-request.hex"), stub);
        assertEquals(28, stub.length, "handle(20) + context(4) + preferred length(4); the [in,out] context is a ref pointer");
        assertArrayEquals(new byte[] {0, 0x10, 0, 0}, Arrays.copyOfRange(stub, 24, 28), "4096, little-endian");
        assertEquals(11, new LsarEnumerateAccountsRequest(handle, 7, 4096).getOpNum());
    }

    @Test
    void enumerateAccountsResponseFromSambaListsEveryAccount() throws IOException {
        LsarEnumerateAccountsResponse r = decode(new LsarEnumerateAccountsResponse(), "enumerate-accounts-samba.hex");
        List<Sid> sids = Arrays.stream(r.sids()).map(SmbRemoteLsa::toSid).toList();
        assertEquals(0, r.getReturnValue());
        assertEquals(10, sids.size(), sids.toString());
        assertTrue(sids.contains(Sid.parse(SVC_BATCH)) && sids.contains(Sid.parse("S-1-5-6"))
                && sids.contains(Sid.parse("S-1-5-32-546")), sids.toString());
        assertEquals(10, r.enumerationContext(), "Samba returns the index after the last entry as the next context");
    }

    @Test
    void lookupSidsKeepsDomainAndTypeAndLeavesUnknownSidsUnnamed() throws IOException {
        LsarLookupSIDsResponse r = decode(new LsarLookupSIDsResponse(), "lookup-sids-samba.hex");
        assertEquals(0x107, r.getReturnValue(), "STATUS_SOME_NOT_MAPPED: the last SID is unknown");
        List<LsaRpcService.TranslatedName> names = LsaRpcService.translate(r, 4);
        assertEquals(new LsaRpcService.TranslatedName("PROBE", "svc_batch", 1), names.get(0));
        assertEquals(new LsaRpcService.TranslatedName("BUILTIN", "Guests", 4), names.get(1));
        assertEquals(new LsaRpcService.TranslatedName("NT AUTHORITY", "SERVICE", 5), names.get(2));
        assertNull(names.get(3), "S-1-5-21-1-2-3-4242 is SidTypeUnknown");
        assertEquals("PROBE\\svc_batch", SmbRemoteLsa.resolved(names.get(0)).orElseThrow().qualifiedName());
    }

    @Test
    void unknownRightIsNoSuchPrivilegeWithNoBuffer() throws IOException {
        LsarEnumerateAccountsWithUserRightResponse r =
                decode(new LsarEnumerateAccountsWithUserRightResponse(), "accounts-with-right-no-such-privilege-samba.hex");
        assertEquals(RemoteNoSuchPrivilegeException.STATUS_NO_SUCH_PRIVILEGE, r.getReturnValue());
        assertNull(r.getSids());
    }

    @Test
    void networkRightListsAdministratorsAndSvcBatch() throws IOException {
        LsarEnumerateAccountsWithUserRightResponse r =
                decode(new LsarEnumerateAccountsWithUserRightResponse(), "accounts-with-right-network-samba.hex");
        assertEquals(0, r.getReturnValue());
        assertEquals(List.of(Sid.parse("S-1-5-32-544"), Sid.parse(SVC_BATCH)),
                Arrays.stream(r.getSids()).map(SmbRemoteLsa::toSid).toList());
    }

    @Test
    void sidsRoundTripThroughRapid7() {
        for (String s : List.of(SVC_BATCH, "S-1-5-32-546", "S-1-5-6", "S-1-1-0", "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415")) {
            Sid sid = Sid.parse(s);
            assertEquals(sid, SmbRemoteLsa.toSid(SmbRemoteLsa.toRapid7(sid)));
            assertEquals(s, SmbRemoteLsa.toRapid7(sid).toString());
        }
    }
}
