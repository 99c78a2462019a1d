# The SMB logon and DCE/RPC bind that the independent impacket clients (impacket_lsa.py,
# independent_groups.py) share. The password comes from LR_PASSWORD, never from argv.
import os

from impacket.dcerpc.v5 import transport
from impacket.smbconnection import SMBConnection


def bind(host, domain, user, pipe, interface):
    """Logs on to HOST over SMB and binds PIPE to INTERFACE; returns the SMB connection and the RPC."""
    smb = SMBConnection(host, host, sess_port=445, timeout=10)
    smb.login(user, os.environ["LR_PASSWORD"], domain)
    rpc = transport.SMBTransport(host, 445, pipe, smb_connection=smb)
    dce = rpc.get_dce_rpc()
    dce.connect()
    dce.bind(interface)
    return smb, dce
