#!/usr/bin/python3
# Independent clients for cross-checking logonrights' remote group resolution: Samba's own python
# bindings read tokenGroups straight from the DC's sam.ldb (no LDAP, no Kerberos), and impacket's
# SAMR asks the target for the aliases of those SIDs (SamrGetAliasMembership on its Account and
# Builtin domains, repeated until nothing new). Prints JSON on stdout.
# Usage: LR_PASSWORD=... independent_groups.py SAM_LDB HOST DOMAIN USER ACCOUNT...
import json
import sys

from samba import param
from samba.auth import system_session
from samba.dcerpc import security
from samba.ndr import ndr_unpack
from samba.samdb import SamDB
import ldb

from impacket.dcerpc.v5 import samr
from impacket.dcerpc.v5.dtypes import RPC_SID

import impacket_pipe


def token_groups(db, account):
    user = db.search(base=db.domain_dn(), scope=ldb.SCOPE_SUBTREE,
                     expression="(sAMAccountName=%s)" % ldb.binary_encode(account), attrs=["objectSid"])
    if len(user) != 1:
        return None, None
    sid = str(ndr_unpack(security.dom_sid, user[0]["objectSid"][0]))
    res = db.search(base=user[0].dn, scope=ldb.SCOPE_BASE, attrs=["tokenGroups"])
    groups = [str(ndr_unpack(security.dom_sid, v)) for v in res[0]["tokenGroups"]]
    return sid, groups


def alias_membership(dce, domains, sids):
    found = set()
    for handle in domains:
        array = samr.SAMPR_PSID_ARRAY()
        for s in sids:
            e = samr.PSAMPR_SID_INFORMATION()
            e['SidPointer'] = RPC_SID()
            e['SidPointer'].fromCanonical(s)
            array['Sids'].append(e)
        array['Count'] = len(sids)
        r = samr.hSamrGetAliasMembership(dce, handle[0], array)
        for rid in r['Membership']['Element']:
            found.add(handle[1] + "-" + str(rid['Data']))
    return found


def main():
    sam, host, domain, user = sys.argv[1:5]
    lp = param.LoadParm()
    db = SamDB(url=sam, session_info=system_session(), lp=lp)
    smb, dce = impacket_pipe.bind(host, domain, user, r'\samr', samr.MSRPC_UUID_SAMR)
    server = samr.hSamrConnect(dce)['ServerHandle']
    domains = []
    for name in [d['Name'] for d in samr.hSamrEnumerateDomainsInSamServer(dce, server)['Buffer']['Buffer']]:
        sid = samr.hSamrLookupDomainInSamServer(dce, server, name)['DomainId'].formatCanonical()
        domains.append((samr.hSamrOpenDomain(dce, server, domainId=
                        samr.hSamrLookupDomainInSamServer(dce, server, name)['DomainId'])['DomainHandle'], sid))
    out = {}
    for account in sys.argv[5:]:
        sid, groups = token_groups(db, account)
        if sid is None:
            out[account] = None
            continue
        token = {sid} | {g for g in groups if not g.startswith("S-1-5-32-")}
        while True:
            more = alias_membership(dce, domains, sorted(token)) - token
            if not more:
                break
            token |= more
        token.discard(sid)
        out[account] = {"sid": sid, "tokenGroups": groups, "token": sorted(token)}
    print(json.dumps(out, indent=1, sort_keys=True))


main()
