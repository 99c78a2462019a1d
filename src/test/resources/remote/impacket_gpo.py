#!/usr/bin/python3
# An independent MS-RRP and SMB client (Debian's python3-impacket) for cross-checking logonrights'
# Group Policy reads: the Security extension's history from the registry (KEY_READ), then each
# listed GPO's GptTmpl.inf from the SYSVOL share, printed as JSON on stdout.
# Usage: LR_PASSWORD=... impacket_gpo.py HOST DOMAIN USER
# The password comes from the environment, never from argv (process listings show argv).
import hashlib
import io
import json
import sys

from impacket.dcerpc.v5 import rrp

import impacket_pipe

KEY = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\History\\{827D319E-6EAC-11D2-A4EA-00C04F79F83A}'
KEY_READ = 0x20019
TEMPLATE = 'Machine\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf'


def value(dce, key, name):
    try:
        kind, data = rrp.hBaseRegQueryValue(dce, key, name)
    except rrp.DCERPCSessionError:
        return None
    return data.rstrip('\x00') if isinstance(data, str) else data


def main():
    host, domain, user = sys.argv[1:4]
    smb, dce = impacket_pipe.bind(host, domain, user, r'\winreg', rrp.MSRPC_UUID_RRP)
    hklm = rrp.hOpenLocalMachine(dce, samDesired=KEY_READ)['phKey']
    history = rrp.hBaseRegOpenKey(dce, hklm, KEY, samDesired=KEY_READ)['phkResult']
    entries = []
    i = 0
    while True:
        try:
            name = rrp.hBaseRegEnumKey(dce, history, i)['lpNameOut'].rstrip('\x00')
        except rrp.DCERPCSessionError:
            break
        i += 1
        sub = rrp.hBaseRegOpenKey(dce, history, name, samDesired=KEY_READ)['phkResult']
        entries.append({"index": int(name), "DisplayName": value(dce, sub, 'DisplayName\x00'),
                        "GPOName": value(dce, sub, 'GPOName\x00'), "FileSysPath": value(dce, sub, 'FileSysPath\x00')})
    files = {}
    for e in entries:
        path = e["FileSysPath"] or ""
        parts = path.lstrip('\\').split('\\')
        if len(parts) < 3 or parts[1].lower() != 'sysvol':
            continue
        inside = '\\'.join(p for p in parts[2:] if p.lower() != 'machine') + '\\' + TEMPLATE
        out = io.BytesIO()
        try:
            smb.getFile(parts[1], inside, out.write)
        except Exception as ex:  # noqa: BLE001 - the cross-check records what the server said
            files[e["GPOName"]] = {"error": str(ex)}
            continue
        files[e["GPOName"]] = {"size": len(out.getvalue()), "sha256": hashlib.sha256(out.getvalue()).hexdigest()}
    print(json.dumps({"history": sorted(entries, key=lambda x: x["index"]), "templates": files}))


if __name__ == '__main__':
    main()
