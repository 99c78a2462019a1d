#!/usr/bin/python3
# Adds logon rights straight into a Samba AD DC's private/privilege.ldb. Samba's LSA server refuses
# SeBatchLogonRight, SeServiceLogonRight and every SeDeny* right through LsarAddAccountRights, but
# returns whatever privilege.ldb holds through LsarEnumerateAccountRights (opnum 36).
# Run with Debian's /usr/bin/python3 (python3-samba, python3-ldb).
# Usage: seed_rights.py <dir>/private/privilege.ldb SID=Right [SID=Right ...]
import sys
import ldb
from samba.dcerpc import security
from samba.ndr import ndr_pack

db = ldb.Ldb(sys.argv[1])
for sid, right in (a.split('=', 1) for a in sys.argv[2:]):
    m = ldb.Message(ldb.Dn(db, 'sid=' + sid))
    m['privilege'] = ldb.MessageElement(right, ldb.FLAG_MOD_ADD, 'privilege')
    try:
        db.modify(m)
    except ldb.LdbError as e:
        if e.args[0] != ldb.ERR_NO_SUCH_OBJECT:
            raise
        m['objectClass'] = ldb.MessageElement('privilege', ldb.FLAG_MOD_ADD, 'objectClass')
        # objectSid is NDR-packed binary in privilege.ldb, not the string form
        m['objectSid'] = ldb.MessageElement(ndr_pack(security.dom_sid(sid)), ldb.FLAG_MOD_ADD, 'objectSid')
        db.add(m)
