package org.logonrights.platform.remote;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.messages.RequestCall;
import java.io.IOException;

/**
 * MS-LSAD LsarEnumerateAccounts (opnum 11) request, which rapid7's dcerpc lacks: one page of the
 * SIDs that have an LSA account object.
 *
 * <pre>
 * NTSTATUS LsarEnumerateAccounts([in] LSAPR_HANDLE PolicyHandle,
 *     [in, out] unsigned long* EnumerationContext,
 *     [out] PLSAPR_ACCOUNT_ENUM_BUFFER EnumerationBuffer,
 *     [in] unsigned long PreferedMaximumLength);
 * </pre>
 *
 * <p>Specified in MS-LSAD 3.1.4.5.1 (LsarEnumerateAccounts).
 */
final class LsarEnumerateAccountsRequest extends RequestCall<LsarEnumerateAccountsResponse> {

    static final short OPNUM = 11;

    private final byte[] policyHandle;
    private final int enumerationContext;
    private final int preferredMaximumLength;

    /**
     * @param preferredMaximumLength a size hint; Samba's IDL declares it {@code range(0,8192)} and
     *     faults above that, Windows treats it as a byte count, so callers pass at most 8192
     */
    LsarEnumerateAccountsRequest(byte[] policyHandle, int enumerationContext, int preferredMaximumLength) {
        super(OPNUM);
        this.policyHandle = policyHandle.clone();
        this.enumerationContext = enumerationContext;
        this.preferredMaximumLength = preferredMaximumLength;
    }

    @Override
    public void marshal(PacketOutput out) throws IOException {
        out.write(policyHandle); // 20-byte context handle, leaves the stream 4-aligned
        out.writeInt(enumerationContext); // [in, out] ref pointer: no referent id on the wire
        out.writeInt(preferredMaximumLength);
    }

    @Override
    public LsarEnumerateAccountsResponse getResponseObject() {
        return new LsarEnumerateAccountsResponse();
    }
}
