#!/bin/bash
# Waits for the Samba DC in $1 to answer LSA calls, then grants and seeds the logon rights the
# remote-audit tests expect, and prints NAME=SID for the accounts it created.
# Usage: seed-rights.sh DIR ADMIN_PASSWORD SEED_RIGHTS_PY [ADDRESS]
set -euo pipefail
D=$1; U="Administrator%$2"; SEED=$3; ADDR=${4:-127.0.0.1}
C=(-s "$D/etc/smb.conf")
for _ in $(seq 1 150); do
  rpcclient "${C[@]}" -U "$U" "$ADDR" -c lsaquery > /dev/null 2>&1 && break
  sleep 0.2
done
rpcclient "${C[@]}" -U "$U" "$ADDR" -c lsaquery > /dev/null
# Samba's winreg runs in a helper that samba-dcerpcd starts on first use, which on a loaded machine can
# take longer than the audit's 10 s bound: start it now, so that the tests read the Group Policy
# history rather than time out (the timeout itself is a note, tested in RemoteGroupPolicyTest).
for _ in $(seq 1 30); do
  timeout 30 net "${C[@]}" rpc registry enumerate 'HKLM\SOFTWARE\Microsoft' -S "$ADDR" -U "$U" > /dev/null 2>&1 && break
  sleep 1
done
sid() { rpcclient "${C[@]}" -U "$U" "$ADDR" -c "lookupnames $1" | awk '{print $2}'; }
BAT=$(sid svc_batch); WEB=$(sid svc_web); READER=$(sid probe_reader)
G_BATCH=$(sid g_batch); DL_NOBATCH=$(sid dl_nobatch); G_PRIM=$(sid g_prim)
# Through LSA (LsarAddAccountRights): the rights Samba's AD DC accepts.
net "${C[@]}" rpc rights grant 'PROBE\svc_batch' SeNetworkLogonRight SeBackupPrivilege -S "$ADDR" -U "$U" > /dev/null
# Nobody holds SeRemoteInteractiveLogonRight afterwards: opnum 35 answers STATUS_NO_MORE_ENTRIES.
net "${C[@]}" rpc rights revoke 'BUILTIN\Administrators' SeRemoteInteractiveLogonRight -S "$ADDR" -U "$U" > /dev/null
net "${C[@]}" rpc rights revoke 'S-1-5-32-554' SeRemoteInteractiveLogonRight -S "$ADDR" -U "$U" > /dev/null
# Through privilege.ldb: the rights Samba refuses over LSA but reports back.
/usr/bin/python3 "$SEED" "$D/private/privilege.ldb" "$BAT=SeBatchLogonRight" "$WEB=SeServiceLogonRight" \
  "$WEB=SeDenyBatchLogonRight" "S-1-5-32-546=SeDenyServiceLogonRight" "S-1-5-32-546=SeDenyInteractiveLogonRight" \
  "S-1-5-6=SeServiceLogonRight" "$G_BATCH=SeBatchLogonRight" "$DL_NOBATCH=SeDenyBatchLogonRight" \
  "S-1-5-32-551=SeBatchLogonRight" "$G_PRIM=SeBatchLogonRight"
echo "svc_batch=$BAT"
echo "svc_web=$WEB"
echo "probe_reader=$READER"
for n in u_nested u_denied u_backup u_prim u_none g_batch g_web g_ops g_prim dl_nobatch; do
  echo "$n=$(sid $n)"
done
