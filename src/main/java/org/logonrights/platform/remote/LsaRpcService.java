package org.logonrights.platform.remote;

import com.rapid7.client.dcerpc.RPCException;
import com.rapid7.client.dcerpc.dto.SID;
import com.rapid7.client.dcerpc.mserref.SystemErrorCode;
import com.rapid7.client.dcerpc.mslsad.LocalSecurityAuthorityService;
import com.rapid7.client.dcerpc.mslsad.dto.PolicyHandle;
import com.rapid7.client.dcerpc.mslsad.messages.LsarLookupSIDsRequest;
import com.rapid7.client.dcerpc.mslsad.messages.LsarLookupSIDsResponse;
import com.rapid7.client.dcerpc.mslsad.objects.LSAPRReferencedDomainList;
import com.rapid7.client.dcerpc.mslsad.objects.LSAPRTranslatedName;
import com.rapid7.client.dcerpc.mslsad.objects.LSAPRTrustInformation;
import com.rapid7.client.dcerpc.objects.RPCSID;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;
import com.rapid7.client.dcerpc.transport.RPCTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * rapid7's LSA client plus the two calls an audit needs that it lacks: LsarEnumerateAccounts
 * (opnum 11) with paging, and LsarLookupSids returning the domain and SID type of each name (its
 * {@code lookupNamesForSIDs} keeps only the bare name).
 */
final class LsaRpcService extends LocalSecurityAuthorityService {

    /** Samba's IDL rejects more than 8192 ({@code range(0,8192)}); Windows treats it as a byte-size hint. */
    static final int PREFERRED_MAXIMUM_LENGTH = 4096;
    /** Informational status: another page follows (MS-ERREF). */
    static final int STATUS_MORE_ENTRIES = 0x00000105;
    /** {@code LSAP_LOOKUP_WKSTA}: the local machine's view, as LsaLookupSids uses. */
    static final short LOOKUP_WKSTA = 1;
    /** A hard stop against a server that keeps returning the same context. */
    private static final int MAX_PAGES = 10_000;

    /** One translated SID as the wire gives it: the name, its domain (or null) and SID_NAME_USE. */
    record TranslatedName(String domain, String name, int use) {
    }

    LsaRpcService(RPCTransport transport) {
        super(transport);
    }

    /** Every SID with an LSA account object, across all pages. */
    List<RPCSID> enumerateAccounts(PolicyHandle policy) throws IOException {
        List<RPCSID> all = new ArrayList<>();
        int context = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            LsarEnumerateAccountsResponse r =
                    call(new LsarEnumerateAccountsRequest(parseHandle(policy), context, PREFERRED_MAXIMUM_LENGTH));
            int status = r.getReturnValue();
            if (SystemErrorCode.STATUS_NO_MORE_ENTRIES.is(status)) {
                return all;
            }
            if (status != 0 && status != STATUS_MORE_ENTRIES) {
                throw new RPCException("LsarEnumerateAccounts", status);
            }
            all.addAll(Arrays.asList(r.sids()));
            if (r.enumerationContext() == context || r.sids().length == 0) {
                return all;
            }
            context = r.enumerationContext();
        }
        throw new IOException("LsarEnumerateAccounts did not finish after " + MAX_PAGES + " pages");
    }

    /**
     * Translates SIDs in one call; the result has one entry per SID, null for a SID the server
     * could not translate (SidTypeUnknown or SidTypeInvalid).
     */
    List<TranslatedName> lookupSids(PolicyHandle policy, List<SID> sids) throws IOException {
        LsarLookupSIDsRequest request =
                new LsarLookupSIDsRequest(parseHandle(policy), parseSIDs(sids.toArray(new SID[0])), LOOKUP_WKSTA);
        LsarLookupSIDsResponse response = callExpect(request, "LsarLookupSids", SystemErrorCode.ERROR_SUCCESS,
                SystemErrorCode.STATUS_SOME_NOT_MAPPED, SystemErrorCode.STATUS_NONE_MAPPED);
        return translate(response, sids.size());
    }

    /** Pairs each translated name with its referenced domain; package-private for recorded-response tests. */
    static List<TranslatedName> translate(LsarLookupSIDsResponse response, int expected) throws IOException {
        LSAPRTranslatedName[] names = response.getTranslatedNames() == null ? null
                : response.getTranslatedNames().getNames();
        List<TranslatedName> out = new ArrayList<>(expected);
        if (names == null) {
            for (int i = 0; i < expected; i++) {
                out.add(null); // STATUS_NONE_MAPPED may come with no array at all
            }
            return out;
        }
        if (names.length != expected) {
            throw new IOException("LsarLookupSids returned " + names.length + " names for " + expected + " SIDs");
        }
        LSAPRReferencedDomainList list = response.getReferencedDomains();
        LSAPRTrustInformation[] domains = list == null || list.getDomains() == null
                ? new LSAPRTrustInformation[0] : list.getDomains();
        for (LSAPRTranslatedName n : names) {
            int use = n.getUse();
            if (use == 7 || use == 8) { // SidTypeInvalid, SidTypeUnknown: Name and DomainIndex must be ignored
                out.add(null);
                continue;
            }
            int index = n.getDomainIndex();
            String domain = index >= 0 && index < domains.length ? text(domains[index].getName()) : null;
            out.add(new TranslatedName(domain, text(n.getName()), use));
        }
        return out;
    }

    private static String text(RPCUnicodeString s) {
        return s == null || s.getValue() == null ? "" : s.getValue();
    }

    /** LsarQueryInformationPolicy level 12: the DNS domain the machine belongs to, or null (a workgroup). */
    LsarQueryDnsDomainInformation.Info dnsDomainInformation(PolicyHandle policy) throws IOException {
        LsarQueryDnsDomainInformation.Response r = call(new LsarQueryDnsDomainInformation.Request(parseHandle(policy)));
        if (r.getReturnValue() != 0) {
            throw new RPCException("LsarQueryInformationPolicy", r.getReturnValue());
        }
        return r.info();
    }
}
