#!/usr/bin/env bash
# The Linux transports against a real kernel: boots a throw-away QEMU VM (TCG) with an emulated CXL
# type-3 memory device and an NVMe controller (serial deadbeef) under a stock Debian 6.1 kernel, runs the
# assembled fwgate runtime inside it against /dev/cxl/mem0 and /dev/nvme0, and checks the results.
#
#   transports/linux/vm/run-vm-tests.sh
#
# Installs what it needs when missing (as root, with apt-get): qemu-system-x86 (7.2 or newer) and
# busybox-static. The guest kernel is downloaded (apt-get download, never installed) into
# FWGATE_VM_CACHE (default ~/.cache/fwgate-vm). Work files go to transports/linux/target/vm. Exit 0 when
# every check passed; 1 otherwise. Only where QEMU cannot be installed or run at all does it print a loud
# SKIPPED banner and exit 0. transports/linux/README.md says more.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../../.." && pwd)
cache=${FWGATE_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fwgate-vm}
work=$root/transports/linux/target/vm
# the whole stage has 10 minutes in CI; the VM itself needs about 2
vm_timeout=${FWGATE_VM_TIMEOUT:-420}
started=$SECONDS

say() { echo "vm: $*" >&2; }
die() {
    echo "vm: FAILED: $*" >&2
    echo "FWGATE-VM-TESTS: FAILED" >&2
    exit 1
}
skip() {
    cat >&2 <<EOF
################################################################################
#  SKIPPED: the real-kernel VM stage cannot run on this machine:
#  $*
#  fwgate's Linux transports were NOT tested against a real kernel here.
################################################################################
EOF
    echo "FWGATE-VM-TESTS: SKIPPED"
    exit 0
}

can_install() { [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; }

# QEMU names the CXL device's persistent memory backend memdev= before 8.0, persistent-memdev= since
cxl_memdev_option() {
    if qemu-system-x86_64 -device cxl-type3,help 2> /dev/null | grep -q 'persistent-memdev='; then
        echo persistent-memdev
    else
        echo memdev
    fi
}

ensure_qemu() {
    if ! command -v qemu-system-x86_64 > /dev/null; then
        can_install || skip "qemu-system-x86_64 is not installed, and installing it needs root and apt-get"
        say "installing qemu-system-x86"
        apt-get update -qq || true
        apt-get install -y -qq --no-install-recommends qemu-system-x86 > /dev/null || skip "installing QEMU failed"
    fi
    qemu-system-x86_64 -device cxl-type3,help 2> /dev/null | grep -q 'memdev=' \
        || skip "$(qemu-system-x86_64 --version | head -1) cannot emulate a CXL type-3 device"
}

ensure_busybox() {
    if [[ -x /bin/busybox ]] && ! ldd /bin/busybox > /dev/null 2>&1; then
        return
    fi
    can_install || die "a static /bin/busybox (busybox-static) is needed for the initramfs"
    say "installing busybox-static"
    apt-get install -y -qq busybox-static > /dev/null || die "installing busybox-static failed"
}

# Prints the unpacked guest kernel's directory: the newest linux-image-6.1.0-N-amd64, cached.
guest_kernel() {
    mkdir -p "$cache"
    local package
    package=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64$' 2> /dev/null | awk '{print $1}' \
        | sort -V | tail -1)
    if [[ -z $package ]] && can_install; then
        apt-get update -qq || true
        package=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64$' | awk '{print $1}' | sort -V | tail -1)
    fi
    if [[ -z $package ]]; then
        # offline, or not Debian: whatever was downloaded before
        package=$(cd "$cache" && ls -d kernel-linux-image-* 2> /dev/null | sed 's/^kernel-//' | sort -V | tail -1)
        [[ -n $package ]] || die "no linux-image-6.1.0-N-amd64 package is known to apt and none is cached in $cache"
    fi
    local dir=$cache/kernel-$package
    if [[ ! -f $dir/.complete ]]; then
        say "downloading $package into $cache"
        rm -rf "$dir" "$cache"/*.deb
        (cd "$cache" && apt-get download "$package" > /dev/null 2>&1) || die "apt-get download $package failed"
        mkdir -p "$dir"
        dpkg-deb -x "$cache/${package}"_*.deb "$dir"
        rm -f "$cache"/*.deb
        local version
        version=$(ls "$dir/lib/modules")
        busybox depmod -b "$dir" "$version" >&2 || die "depmod of $package failed"
        touch "$dir/.complete"
        # keep only the newest kernel
        find "$cache" -maxdepth 1 -name 'kernel-linux-image-*' ! -path "$dir" -exec rm -rf {} +
    fi
    echo "$dir"
}

# Appends a module and, before it, everything it needs (modules.dep, depth first) to the load list.
declare -A loaded
add_module() {
    local modules=$1 name=$2 line dep
    [[ -n ${loaded[$name]:-} ]] && return
    line=$(grep -E "/${name//[-_]/[-_]}\.ko(\.xz)?:" "$modules/modules.dep") || die "module $name is not in the kernel"
    for dep in ${line#*:}; do
        dep=$(basename "$dep")
        add_module "$modules" "${dep%%.ko*}"
    done
    loaded[$name]=1
    local file=${line%%:*}
    cp "$modules/$file" "$initrd_dir/modules/$name.ko"
    echo "$name" >> "$initrd_dir/modules.load"
}

build_initrd() {
    local kernel=$1 runtime=$2
    local modules
    modules=$(echo "$kernel"/lib/modules/*)
    initrd_dir=$work/initrd
    rm -rf "$initrd_dir"
    mkdir -p "$initrd_dir"/{bin,dev,proc,sys,tmp,modules}
    cp /bin/busybox "$initrd_dir/bin/busybox"
    cp "$here/init" "$initrd_dir/init"
    chmod 755 "$initrd_dir/init"
    : > "$initrd_dir/modules.load"
    local module
    for module in virtio_pci 9pnet_virtio 9p overlay nvme cxl_acpi cxl_pci cxl_mem cxl_pmem; do
        add_module "$modules" "$module"
    done
    printf 'GUEST_SCRIPT=%q\nRUNTIME=%q\nUNDERDECLARING=%q\n' "$here/guest-tests.sh" "$runtime" \
        "$runtime-underdeclaring" > "$initrd_dir/vm.conf"
    (cd "$initrd_dir" && find . | busybox cpio -o -H newc 2> /dev/null | gzip -1 > "$work/initrd.gz")
}

# Prints a copy of the assembled runtime with the Linux transports, JNA and the NVMe plugin in it, for
# as long as the distribution's bundle list does not name them itself.
assemble_runtime() {
    local dist=$root/distribution/runtime/target/fwgate
    if [[ ! -f $dist/fwgate-launcher.jar ]]; then
        say "the runtime is not assembled: building it with ./mvnw -B -q install -DskipTests"
        (cd "$root" && ./mvnw -B -q install -DskipTests) >&2 || die "building fwgate failed"
    fi
    local runtime=$work/runtime version
    rm -rf "$runtime"
    mkdir -p "$runtime"
    cp -r "$dist/fwgate-launcher.jar" "$dist/lib" "$dist/bundles" "$runtime/"
    version=$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")
    if ! ls "$runtime"/bundles/fwgate-linux-*.jar > /dev/null 2>&1; then
        local jar=$root/transports/linux/target/fwgate-linux-$version.jar
        if [[ ! -f $jar ]]; then
            (cd "$root" && ./mvnw -B -q install -f transports/linux/pom.xml -DskipTests) >&2 \
                || die "building transports/linux failed"
        fi
        cp "$jar" "$runtime/bundles/"
    fi
    if ! ls "$runtime"/bundles/jna-*.jar > /dev/null 2>&1; then
        local jna
        jna=$(sed -n 's:.*<artifactId>jna</artifactId><version>\(.*\)</version>.*:\1:p' "$root/transports/linux/pom.xml")
        cp "$HOME/.m2/repository/net/java/dev/jna/jna/$jna/jna-$jna.jar" "$runtime/bundles/" \
            || die "JNA $jna is not in the local Maven repository: build transports/linux first"
    fi
    if ! ls "$runtime"/bundles/fwgate-plugin-nvme-*.jar > /dev/null 2>&1; then
        local plugin
        plugin=$(ls "$root/vendor-plugins/nvme/target/fwgate-plugin-nvme-$version.jar" \
            "$HOME/.m2/repository/io/fwgate/fwgate-plugin-nvme/$version/fwgate-plugin-nvme-$version.jar" 2> /dev/null | head -1)
        [[ -n $plugin ]] || die "the NVMe plugin (vendor-plugins/nvme) is not built: its commands are what the VM checks"
        cp "$plugin" "$runtime/bundles/"
    fi
    echo "$runtime"
}

# A second runtime whose tables declare Set LSA and Format NVM harmless (underdeclaring-plugin/): the
# gate must still refuse them for what the devices themselves report.
assemble_underdeclaring() {
    local runtime=$1 plugin=$work/underdeclaring-plugin
    rm -rf "$runtime-underdeclaring" "$plugin"
    cp -r "$runtime" "$runtime-underdeclaring"
    rm "$runtime-underdeclaring"/bundles/fwgate-plugin-{cxl-mem,nvme}-*.jar
    mkdir -p "$plugin/OSGI-INF/fwgate"
    cp "$here"/underdeclaring-plugin/*.json "$plugin/OSGI-INF/fwgate/"
    jar --create --file "$runtime-underdeclaring/bundles/fwgate-vm-underdeclaring.jar" \
        --manifest "$here/underdeclaring-plugin/MANIFEST.MF" -C "$plugin" . || die "packing the test plugin failed"
}

# A class data archive of a run on the host: the guest maps those classes instead of loading and
# verifying them again, which under TCG saves seconds per fwgate run. The archive names the jars by path,
# and the guest sees the host's files at the same paths.
archive_classes() {
    local dist=$1
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:disable -XX:ArchiveClassesAtExit="$dist/fwgate.jsa" \
        -Dfwgate.linux=false -jar "$dist/fwgate-launcher.jar" --state "$work/host-state" --emulated list > /dev/null \
        || die "the runtime in $dist does not start on the host"
}

run_vm() {
    local kernel=$1
    local results=$work/results
    rm -rf "$results" "$work"/*.raw "$work"/*.img
    mkdir -p "$results"
    truncate -s 256M "$work/cxl-mem0.raw"
    truncate -s 1M "$work/cxl-lsa0.raw"
    truncate -s 64M "$work/nvme0.img"
    say "booting $(basename "$kernel") under $(qemu-system-x86_64 --version | head -1)"
    local status=0
    # Non-CXL PCI devices name bus=pcie.0, else QEMU plugs them under the CXL host bridge
    timeout --foreground "$vm_timeout" qemu-system-x86_64 -machine q35,cxl=on -accel tcg,thread=multi -cpu max \
        -smp 2 -m 3G -display none -no-reboot -nodefaults -serial stdio -monitor none \
        -kernel "$kernel"/boot/vmlinuz-* -initrd "$work/initrd.gz" \
        -append "console=ttyS0 panic=-1 quiet loglevel=3" \
        -object memory-backend-file,id=cxl-mem0,share=on,mem-path="$work/cxl-mem0.raw",size=256M \
        -object memory-backend-file,id=cxl-lsa0,share=on,mem-path="$work/cxl-lsa0.raw",size=1M \
        -device pxb-cxl,bus_nr=12,bus=pcie.0,id=cxl.1 \
        -device cxl-rp,port=0,bus=cxl.1,id=root_port13,chassis=0,slot=2 \
        -device cxl-type3,bus=root_port13,"$(cxl_memdev_option)"=cxl-mem0,lsa=cxl-lsa0,id=cxl-pmem0,sn=0xc0ffee01 \
        -M cxl-fmw.0.targets.0=cxl.1,cxl-fmw.0.size=4G \
        -drive file="$work/nvme0.img",if=none,id=nvm,format=raw \
        -device nvme,bus=pcie.0,serial=deadbeef,drive=nvm \
        -fsdev local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap \
        -device virtio-9p-pci,bus=pcie.0,fsdev=hostroot,mount_tag=hostroot \
        -fsdev local,id=results,path="$results",security_model=none \
        -device virtio-9p-pci,bus=pcie.0,fsdev=results,mount_tag=results \
        < /dev/null > "$work/console.log" 2>&1 || status=$?
    grep -E '^(vm:|FWGATE-VM-RESULT)' "$work/console.log" | tr -d '\r' >&2 || true
    ((status != 124)) || die "the VM did not finish within $vm_timeout s (console: $work/console.log)"
    grep -q 'FWGATE-VM-RESULT exit=0' "$work/console.log" \
        || die "the VM did not run its tests to the end (console: $work/console.log)"
}

check_results() {
    local runtime=$1 classpath
    classpath=$(ls "$runtime"/bundles/jackson-{core,databind,annotations}-*.jar | paste -sd:)
    java -cp "$classpath" "$here/VmChecks.java" "$work/results" || die "checks failed (results: $work/results)"
}

mkdir -p "$work"
ensure_qemu
ensure_busybox
kernel=$(guest_kernel)
runtime=$(assemble_runtime)
assemble_underdeclaring "$runtime"
archive_classes "$runtime"
archive_classes "$runtime-underdeclaring"
build_initrd "$kernel" "$runtime"
run_vm "$kernel"
check_results "$runtime"
echo "FWGATE-VM-TESTS: PASSED in $((SECONDS - started)) s"
