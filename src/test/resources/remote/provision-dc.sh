#!/bin/bash
# Provisions a throw-away Samba AD DC (domain PROBE) in $1, bound to 127.0.0.1 only, with a C$
# share that serves $2 as Windows\System32\inetsrv\config\applicationHost.config to
# PROBE\Administrator only. Does not start samba: the test harness starts it to own its PID.
# Usage: provision-dc.sh DIR APPLICATIONHOST_CONFIG ADMIN_PASSWORD USER_PASSWORD
set -euo pipefail
D=$1; CONFIG=$2; ADMIN_PW=$3; USER_PW=$4
mkdir -p "$D"
samba-tool domain provision --targetdir="$D" --realm=PROBE.TEST --domain=PROBE --server-role=dc \
  --dns-backend=NONE --use-rfc2307 --host-ip=127.0.0.1 --host-name=probedc --adminpass="$ADMIN_PW" \
  --option="interfaces=127.0.0.1" --option="bind interfaces only=yes" --option="disable netbios=yes" \
  --option="smb ports=445" \
  --option="server services=-dns -nbt -wrepl -kcc -ntp_signd" --option="log file=$D/log.%m" \
  --option="load printers=no" > "$D/provision.log" 2>&1
mkdir -p "$D/cdrive/Windows/System32/inetsrv/config"
cp "$CONFIG" "$D/cdrive/Windows/System32/inetsrv/config/applicationHost.config"
printf '\n[C$]\n\tpath = %s/cdrive\n\tread only = yes\n\tbrowseable = no\n\tvalid users = PROBE\\Administrator\n' "$D" >> "$D/etc/smb.conf"
C=(-H "$D/private/sam.ldb" -s "$D/etc/smb.conf")
for u in svc_batch svc_web probe_reader; do
  samba-tool user create "$u" "$USER_PW" "${C[@]}" > /dev/null
done
