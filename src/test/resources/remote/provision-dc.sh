#!/bin/bash
# Provisions a throw-away Samba AD DC (domain PROBE) in $1, bound to $6 only (default 127.0.0.1), with a C$
# share that serves $2 as Windows\System32\inetsrv\config\applicationHost.config to
# PROBE\Administrator only, and $5 as groups\applicationHost.config for the group-membership world
# (docs/remote-audit.md), gpo-applicationHost.config (beside this script) as gpo\applicationHost.config,
# and the Group Policy history of the two default GPOs. Does not start samba: the test harness starts it to own its PID.
# Every DC keeps its private, state, lock and pid directories under its own DIR, so several run side by side;
# ADDRESS/8 makes any loopback address an interface of its own (lo carries only 127.0.0.1).
# Usage: provision-dc.sh DIR APPLICATIONHOST_CONFIG ADMIN_PASSWORD USER_PASSWORD GROUPS_APPLICATIONHOST_CONFIG [ADDRESS]
set -euo pipefail
D=$1; CONFIG=$2; ADMIN_PW=$3; USER_PW=$4; GROUPS_CONFIG=$5; ADDR=${6:-127.0.0.1}
mkdir -p "$D" "$D/pid"
samba-tool domain provision --targetdir="$D" --realm=PROBE.TEST --domain=PROBE --server-role=dc \
  --dns-backend=NONE --use-rfc2307 --host-ip="$ADDR" --host-name=probedc --adminpass="$ADMIN_PW" \
  --option="interfaces=$ADDR/8" --option="bind interfaces only=yes" --option="disable netbios=yes" \
  --option="smb ports=445" \
  --option="server services=-dns -nbt -wrepl -kcc -ntp_signd" --option="log file=$D/log.%m" \
  --option="load printers=no" --option="pid directory=$D/pid" > "$D/provision.log" 2>&1
mkdir -p "$D/cdrive/Windows/System32/inetsrv/config"
cp "$CONFIG" "$D/cdrive/Windows/System32/inetsrv/config/applicationHost.config"
mkdir -p "$D/cdrive/groups"
cp "$GROUPS_CONFIG" "$D/cdrive/groups/applicationHost.config"
printf '\n[C$]\n\tpath = %s/cdrive\n\tread only = yes\n\tbrowseable = no\n\tvalid users = PROBE\\Administrator\n' "$D" >> "$D/etc/smb.conf"
C=(-H "$D/private/sam.ldb" -s "$D/etc/smb.conf")
for u in svc_batch svc_web probe_reader; do
  samba-tool user create "$u" "$USER_PW" "${C[@]}" > /dev/null
done
# The deny through BUILTIN\Guests (SeDenyServiceLogonRight, seeded by seed-rights.sh) reaches svc_web.
samba-tool group addmembers Guests svc_web "${C[@]}" > /dev/null
# The group-membership world: each account reaches (or misses) the batch right by one route.
for u in u_nested u_denied u_backup u_prim u_none; do
  samba-tool user create "$u" "$USER_PW" "${C[@]}" > /dev/null
done
for g in g_batch g_web g_ops g_prim; do
  samba-tool group add "$g" "${C[@]}" > /dev/null                       # global security groups
done
samba-tool group add dl_nobatch --group-scope=Domain "${C[@]}" > /dev/null
samba-tool group addmembers g_batch g_web "${C[@]}" > /dev/null          # nested global: g_web in g_batch
samba-tool group addmembers g_web u_nested,u_denied "${C[@]}" > /dev/null
samba-tool group addmembers dl_nobatch g_ops "${C[@]}" > /dev/null      # domain local holding a global group
samba-tool group addmembers g_ops u_denied "${C[@]}" > /dev/null
samba-tool group addmembers "Backup Operators" u_backup "${C[@]}" > /dev/null
samba-tool group addmembers g_prim u_prim "${C[@]}" > /dev/null
samba-tool user setprimarygroup u_prim g_prim "${C[@]}" > /dev/null     # then g_prim's member no longer lists it
# The GPOs a DC applies, as its registry's Group Policy history lists them (docs/group-policy.md): the two
# Samba provisions, whose folders hold no GptTmpl.inf, so they define no user rights.
bash "$(dirname "$0")/gpo-history.sh" "$D" \
  '0|Default Domain Policy|{31B2F340-016D-11D2-945F-00C04FB984F9}|\\probe.test\sysvol\probe.test\Policies\{31B2F340-016D-11D2-945F-00C04FB984F9}' \
  '1|Default Domain Controllers Policy|{6AC1786C-016F-11D2-945F-00C04fB984F9}|\\probe.test\sysvol\probe.test\Policies\{6AC1786C-016F-11D2-945F-00C04fB984F9}'
mkdir -p "$D/cdrive/gpo"
cp "$(dirname "$0")/gpo-applicationHost.config" "$D/cdrive/gpo/applicationHost.config"
