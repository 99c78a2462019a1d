#!/bin/bash
# Writes the Security extension's Group Policy history into the registry of the Samba DC in $1
# (registry.tdb, which Samba's winreg serves), replacing what was there: one numbered subkey per
# argument "N|DisplayName|GPOName|FileSysPath", with the values Windows writes (KB201453).
# With no entry argument the key is removed. Usage: gpo-history.sh DIR [N|NAME|GUID|PATH]...
set -euo pipefail
D=$1; shift
C=(-s "$D/etc/smb.conf")
K='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\History\{827D319E-6EAC-11D2-A4EA-00C04F79F83A}'
net "${C[@]}" registry deletekey_recursive "$K" > /dev/null 2>&1 || true
[ $# -eq 0 ] && exit 0
net "${C[@]}" registry createkey "$K" > /dev/null
for e in "$@"; do
  IFS='|' read -r n name guid path <<< "$e"
  net "${C[@]}" registry createkey "$K\\$n" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" DisplayName sz "$name" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" GPOName sz "$guid" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" FileSysPath sz "$path" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" DSPath sz "LDAP://CN=$guid,CN=Policies,CN=System,DC=probe,DC=test" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" Link sz "LDAP://DC=probe,DC=test" > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" GPOLink dword 3 > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" Options dword 0 > /dev/null
  net "${C[@]}" registry setvalue "$K\\$n" Version dword 65537 > /dev/null
done
