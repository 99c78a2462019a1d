#!/usr/bin/python3
# An independent MS-LSAD client (Debian's python3-impacket) for cross-checking logonrights' remote
# reader: it makes the same calls and prints what the server answered as JSON on stdout.
# Usage: LR_PASSWORD=... impacket_lsa.py HOST DOMAIN USER SHARE PATH
# The password comes from the environment, never from argv (process listings show argv).
import hashlib
import json
import sys

from impacket.dcerpc.v5 import lsad, lsat
from impacket.dcerpc.v5.dtypes import NULL
from impacket.dcerpc.v5.rpcrt import DCERPCException

import impacket_pipe

RIGHTS = ["SeInteractiveLogonRight", "SeDenyInteractiveLogonRight", "SeNetworkLogonRight",
          "SeDenyNetworkLogonRight", "SeBatchLogonRight", "SeDenyBatchLogonRight", "SeServiceLogonRight",
          "SeDenyServiceLogonRight", "SeRemoteInteractiveLogonRight", "SeDenyRemoteInteractiveLogonRight"]
STATUS_MORE_ENTRIES = 0x00000105
STATUS_NO_MORE_ENTRIES = 0x8000001A
STATUS_SOME_NOT_MAPPED = 0x00000107


def status_of(e):
    return e.get_error_code() & 0xFFFFFFFF


def main():
    host, domain, user, share, path = sys.argv[1:6]
    smb, dce = impacket_pipe.bind(host, domain, user, r'\lsarpc', lsad.MSRPC_UUID_LSAD)
    policy = lsad.hLsarOpenPolicy2(dce, lsad.POLICY_LOOKUP_NAMES | lsad.POLICY_VIEW_LOCAL_INFORMATION)['PolicyHandle']

    accounts, context = [], 0
    while True:  # opnum 11, paged; Samba rejects PreferedMaximumLength > 8192
        request = lsad.LsarEnumerateAccounts()
        request['PolicyHandle'] = policy
        request['EnumerationContext'] = context
        request['PreferedMaximumLength'] = 4096
        try:
            answer = dce.request(request)
        except DCERPCException as e:
            if status_of(e) == STATUS_NO_MORE_ENTRIES:
                break
            if status_of(e) != STATUS_MORE_ENTRIES:
                raise
            answer = e.get_packet()
        page = [entry['Sid'].formatCanonical() for entry in answer['EnumerationBuffer']['Information']]
        accounts += page
        if not page or answer['EnumerationContext'] == context:
            break
        context = answer['EnumerationContext']

    account_rights = {}
    for sid in accounts:  # opnum 36
        try:
            answer = lsad.hLsarEnumerateAccountRights(dce, policy, sid)
            account_rights[sid] = [r['Data'] for r in answer['UserRights']['UserRights']]
        except DCERPCException as e:
            account_rights[sid] = {"status": status_of(e)}

    with_right = {}
    for right in RIGHTS:  # opnum 35
        try:
            answer = lsad.hLsarEnumerateAccountsWithUserRight(dce, policy, right)
            with_right[right] = {"status": 0,
                                 "sids": [e['Sid'].formatCanonical() for e in answer['EnumerationBuffer']['Information']]}
        except DCERPCException as e:
            with_right[right] = {"status": status_of(e), "sids": []}

    seen = sorted(set(accounts) | {s for v in with_right.values() for s in v["sids"]})
    names = {}
    if seen:  # opnum 15, keeping the domain and SID_NAME_USE
        try:
            answer = lsat.hLsarLookupSids(dce, policy, seen, lsat.LSAP_LOOKUP_LEVEL.LsapLookupWksta)
        except DCERPCException as e:
            if status_of(e) != STATUS_SOME_NOT_MAPPED:
                raise
            answer = e.get_packet()
        domains = [d['Name'] for d in answer['ReferencedDomains']['Domains']]
        for sid, item in zip(seen, answer['TranslatedNames']['Names']):
            use = item['Use']
            index = item['DomainIndex']
            names[sid] = {"domain": domains[index] if 0 <= index < len(domains) else "",
                          "name": item['Name'], "use": use}

    lsad.hLsarClose(dce, policy)
    chunks = []
    smb.getFile(share, path, chunks.append)
    data = b"".join(chunks)
    print(json.dumps({"dialect": hex(smb.getDialect()), "accounts": accounts, "accountRights": account_rights,
                      "withRight": with_right, "names": names,
                      "config": {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}}, indent=1, sort_keys=True))
    smb.logoff()


if __name__ == "__main__":
    main()
