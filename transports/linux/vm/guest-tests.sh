#!/usr/bin/env bash
# Runs inside the VM, chrooted into the host's root (read-only, with a tmpfs overlay), as root.
# Usage: guest-tests.sh RUNTIME UNDERDECLARING RESULTS
#   RUNTIME         an assembled fwgate runtime with the Linux transports and the cxl-mem and nvme plugins
#   UNDERDECLARING  the same runtime with those plugins replaced by tables that declare data-changing
#                   commands harmless (underdeclaring-plugin/): only the device's own effects can stop them
#   RESULTS         a directory shared with the host: each step leaves NAME.out, NAME.err and NAME.rc
# It only runs fwgate and records what happened; the host judges the results (VmChecks.java), so this
# script exits 0 unless it could not run at all.
set -uo pipefail
runtime=$1
underdeclaring=$2
results=$3
state=/tmp/fwgate-state
telemetry=/tmp/fwgate-telemetry

# root may only read: whatever the device reports as changing something must be refused
mkdir -p "$telemetry"
echo '{ "grants": [ { "user": "root", "level": "telemetry" } ] }' > "$telemetry/policy.json"

# the flags ./fwgate uses; the class data archive was written on the host
java_flags=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto
    -Xlog:disable -Xlog:all=warning:stderr)

# step NAME RUNTIME ARGS...: one fwgate run, recorded; PROPERTIES may add -D system properties
step() {
    local name=$1 dist=$2
    shift 2
    local started=$SECONDS
    # PROPERTIES is a list of words: unquoted on purpose
    java "${java_flags[@]}" ${PROPERTIES:-} -XX:SharedArchiveFile="$dist/fwgate.jsa" -jar "$dist/fwgate-launcher.jar" \
        --state "$state" "$@" \
        > "$results/$name.out" 2> "$results/$name.err"
    echo $? > "$results/$name.rc"
    echo "vm: step $name: exit $(cat "$results/$name.rc") in $((SECONDS - started)) s"
}

# await PATH present|absent: the kernel binds and unbinds drivers asynchronously
await() {
    for _ in $(seq 1 100); do
        if [[ $2 == present && -e $1 ]] || [[ $2 == absent && ! -e $1 ]]; then
            return 0
        fi
        sleep 0.1
    done
    echo "vm: $1 is still not $2"
}

uname -r > "$results/kernel.txt"

step list "$runtime" list --json
step cxl-commands "$runtime" commands cxl:mem0 --json
step cxl-identify "$runtime" call cxl:mem0 identify --json
step cxl-fw-info "$runtime" call cxl:mem0 get-fw-info --json
# QEMU emulates no Get Health Info: the kernel has not enabled the command and says so
step cxl-health "$runtime" call cxl:mem0 get-health-info --json
step nvme-commands "$runtime" commands nvme:nvme0 --json
step nvme-identify "$runtime" call nvme:nvme0 identify-controller --json
step nvme-smart "$runtime" call nvme:nvme0 smart-log --json
step nvme-effects "$runtime" call nvme:nvme0 effects-log --json
# the CEL lists Get Partition Info (4100h, in no table) without effects: telemetry may run it raw
step cel-allows "$runtime" --config "$telemetry" call cxl:mem0 0x4100 --json
# the CEL says Set LSA changes data, whatever the table declares
step cel-overrides "$underdeclaring" --config "$telemetry" call cxl:mem0 vm-set-lsa
# the effects log says Format NVM changes logical block content, whatever the table declares
step effects-overrides "$underdeclaring" --config "$telemetry" call nvme:nvme0 vm-format-nvm
# the effects log does not mark Sanitize supported (CSUPP): not callable, not even by root
step effects-unsupported "$runtime" call nvme:nvme0 sanitize --arg action=block-erase --confirm
# Get Timestamp has no fixed command in this 6.1 kernel, and distribution kernels refuse RAW
step kernel-refuses "$runtime" call cxl:mem0 get-timestamp

# hot-plug: unbind the NVMe driver, list, bind it again, list
controller=$(basename "$(readlink -f /sys/class/nvme/nvme0/device)")
echo "$controller" > /sys/bus/pci/drivers/nvme/unbind
await /dev/nvme0 absent
step unplugged-list "$runtime" list --json
echo "$controller" > /sys/bus/pci/drivers/nvme/bind
await /dev/nvme0 present
step replugged-list "$runtime" list --json

# Debian's 6.1 kernel is built without CONFIG_MCTP: a configured endpoint is listed, calls say why they fail
PROPERTIES=-Dfwgate.mctp.endpoints=1,8:cxl-memory-device step mctp-unsupported "$runtime" call mctp:1,8 identify

step audit "$runtime" audit --verify
exit 0
