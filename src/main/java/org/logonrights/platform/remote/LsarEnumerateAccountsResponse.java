package org.logonrights.platform.remote;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.mslsad.messages.LsarEnumerateAccountsWithUserRightResponse;
import com.rapid7.client.dcerpc.objects.RPCSID;
import java.io.IOException;

/**
 * MS-LSAD LsarEnumerateAccounts (opnum 11) response: the next enumeration context, then an
 * {@code LSAPR_ACCOUNT_ENUM_BUFFER}. That buffer has exactly the wire shape of the opnum 35
 * response body, so its decoding is delegated to rapid7's tested reader of that response.
 */
final class LsarEnumerateAccountsResponse extends RequestResponse {

    private int enumerationContext;
    private RPCSID[] sids;

    @Override
    public void unmarshalResponse(PacketInput in) throws IOException {
        enumerationContext = in.readInt();
        LsarEnumerateAccountsWithUserRightResponse buffer = new LsarEnumerateAccountsWithUserRightResponse();
        buffer.unmarshalResponse(in);
        sids = buffer.getSids();
    }

    /** The context to pass with the next page. */
    int enumerationContext() {
        return enumerationContext;
    }

    /** This page's SIDs; empty (never null) when the buffer was null. */
    RPCSID[] sids() {
        return sids == null ? new RPCSID[0] : sids.clone();
    }
}
