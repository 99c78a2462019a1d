#!/bin/sh
# Runs logonrights on every documentation example and prints each report.
# Usage, from the repository root after 'mvn -B -o -q -DskipTests package':
#   sh docs/examples/run-examples.sh [path/to/logonrights.jar]
# Each example runs from inside its own folder, so the file names in the
# reports are the short ones the rule pages quote.
JAR=$(cd "$(dirname "${1:-target/logonrights.jar}")" && pwd)/$(basename "${1:-target/logonrights.jar}")
cd "$(dirname "$0")" || exit 2
GPO_LOCKDOWN='Policies/{6F1A3C2E-9B4D-4E57-A2C8-3D91E0B7F5A4}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf'
GPO_BASELINE='Policies/{8C2F41D7-5E93-4B0A-9D16-7A4E2C0B93F1}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf'

run() {
    dir=$1; shift
    echo "=== $dir: logonrights $*"
    (cd "$dir" && java -jar "$JAR" "$@")
    echo "=== exit code $?"
    echo
}

run lr002-deny-batch-via-guests audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships.json
run lr003-deny-service-iis-iusrs audit --secedit secedit.inf --applicationhost applicationHost.config
run lr004-batch-only-through-injected-iis-iusrs audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships.json
run lr005-membership-not-supplied audit --secedit secedit.inf --applicationhost applicationHost.config
run lr005-membership-not-supplied audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships-in-group.json
run lr006-pool-sid-not-yet-granted audit --secedit secedit.inf --applicationhost applicationHost.config
run lr007-gpo-service-right-without-pool-sid audit --secedit secedit.inf --applicationhost applicationHost.config --gpo-template "$GPO_LOCKDOWN"
run lr008-local-grant-not-in-gpo audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships.json --gpo-template "$GPO_LOCKDOWN"
run lr009-gpo-adds-deny audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships.json --gpo-template "$GPO_BASELINE"
run lr010-deny-service-network-service audit --secedit secedit.inf --applicationhost applicationHost.config
run lr011-localsystem-pool audit --secedit secedit.inf --applicationhost applicationHost.config
run lr012-specificuser-without-username audit --secedit secedit.inf --applicationhost applicationHost.config
run lr013-iis-express audit --secedit secedit.inf --applicationhost applicationhost.config
run lr014-non-ascii-pool-name audit --secedit secedit.inf --applicationhost applicationHost.config
run lr015-orphan-pool-sid audit --secedit secedit.inf --applicationhost applicationHost.config
run lr016-name-without-sid audit --secedit secedit.inf --applicationhost applicationHost.config --gpo-template "$GPO_LOCKDOWN"
run lr016-name-without-sid audit --secedit secedit.inf --applicationhost applicationHost.config --gpo-template "$GPO_LOCKDOWN" --memberships memberships.json
run lr017-misspelled-right audit --secedit secedit.inf --applicationhost applicationHost.config
run lr018-application-pool-missing audit --secedit secedit.inf --applicationhost applicationHost.config
run lr019-gpo-drift-batch-right audit --secedit secedit.inf --applicationhost applicationHost.config --gpresult gpresult.xml
run lr020-prediction-contradicted audit --secedit secedit.inf --applicationhost applicationHost.config --memberships memberships.json --events System-WAS.xml
run lr021-gpo-template-unreadable audit --snapshot snapshot.json
