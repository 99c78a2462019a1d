package org.logonrights.platform.remote;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.io.ndr.Unmarshallable;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.objects.RPCSID;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;
import java.io.IOException;

/**
 * MS-LSAD LsarQueryInformationPolicy (opnum 7) at level PolicyDnsDomainInformation (12), which
 * rapid7's dcerpc lacks (its response classes cannot be extended from outside its package): the
 * DNS name of the domain the machine belongs to, from which a domain controller is found.
 *
 * <pre>
 * typedef struct _LSAPR_POLICY_DNS_DOMAIN_INFO {
 *     RPC_UNICODE_STRING Name; RPC_UNICODE_STRING DnsDomainName; RPC_UNICODE_STRING DnsForestName;
 *     GUID DomainGuid; PRPC_SID Sid; } LSAPR_POLICY_DNS_DOMAIN_INFO;
 * </pre>
 *
 * <p>Specified in MS-LSAD 3.1.4.4.3 and 2.2.4.14.
 */
final class LsarQueryDnsDomainInformation {

    static final short OPNUM = 7;
    static final short POLICY_DNS_DOMAIN_INFORMATION = 12;

    private LsarQueryDnsDomainInformation() {
    }

    /** The request: the policy handle, then the information class as an NDR short enum. */
    static final class Request extends RequestCall<Response> {
        private final byte[] policyHandle;

        Request(byte[] policyHandle) {
            super(OPNUM);
            this.policyHandle = policyHandle.clone();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(policyHandle);
            out.writeShort(POLICY_DNS_DOMAIN_INFORMATION);
        }

        @Override
        public Response getResponseObject() {
            return new Response();
        }
    }

    /** The response: a unique pointer to the union, its discriminant, then the DNS domain information. */
    static final class Response extends RequestResponse {
        private Info info;

        @Override
        public void unmarshalResponse(PacketInput in) throws IOException {
            if (in.readReferentID() == 0) {
                return;
            }
            int level = in.readUnsignedShort();
            if (level != POLICY_DNS_DOMAIN_INFORMATION) {
                throw new IOException("LsarQueryInformationPolicy answered level " + level + " for level 12");
            }
            info = in.readUnmarshallable(new Info());
        }

        /** The information, or null when the server returned none. */
        Info info() {
            return info;
        }
    }

    /** LSAPR_POLICY_DNS_DOMAIN_INFO: the fixed part (three strings, a GUID, a SID pointer), then the strings and the SID. */
    static final class Info implements Unmarshallable {
        private final RPCUnicodeString.NonNullTerminated name = new RPCUnicodeString.NonNullTerminated();
        private final RPCUnicodeString.NonNullTerminated dnsDomainName = new RPCUnicodeString.NonNullTerminated();
        private final RPCUnicodeString.NonNullTerminated dnsForestName = new RPCUnicodeString.NonNullTerminated();
        private int sidReferent;
        private RPCSID sid;

        @Override
        public void unmarshalPreamble(PacketInput in) {
            // no conformant array in the fixed part
        }

        @Override
        public void unmarshalEntity(PacketInput in) throws IOException {
            in.align(Alignment.FOUR);
            name.unmarshalEntity(in);
            dnsDomainName.unmarshalEntity(in);
            dnsForestName.unmarshalEntity(in);
            in.fullySkipBytes(16); // DomainGuid: 4-byte aligned already, and not needed
            sidReferent = in.readReferentID();
        }

        @Override
        public void unmarshalDeferrals(PacketInput in) throws IOException {
            name.unmarshalDeferrals(in);
            dnsDomainName.unmarshalDeferrals(in);
            dnsForestName.unmarshalDeferrals(in);
            if (sidReferent != 0) {
                sid = in.readUnmarshallable(new RPCSID());
            }
        }

        String name() {
            return name.getValue();
        }

        /** The domain's DNS name; null on a machine in a workgroup. */
        String dnsDomainName() {
            return dnsDomainName.getValue();
        }

        String dnsForestName() {
            return dnsForestName.getValue();
        }

        RPCSID sid() {
            return sid;
        }
    }
}
