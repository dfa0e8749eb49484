#!/usr/bin/env bash
# Runs every fwgate benchmark (issue 8, docs/PERFORMANCE.md) and writes
# distribution/benchmarks/target/benchmarks/result.json and summary.md. A full run takes about 10
# minutes and puts the summary into docs/PERFORMANCE.md under "Latest run"; --quick is a 1-2 minute
# smoke run whose figures are indicative only, so it leaves the docs alone.
# Builds what is missing first: this module (./mvnw install builds it and runs its unit tests, never the
# benchmarks; this script builds it alone, without tests, when it is older than its sources), and the
# assembled runtime if there is none.
# --tree DIR measures the assembly of another source tree (its fwgate script and
# distribution/runtime/target/fwgate), e.g. a branch to compare, instead of this one's.
set -euo pipefail

usage() {
    echo "usage: $0 [--quick] [--tree DIR]" >&2
    exit 2
}

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../.." && pwd)
tree="$root"
quick=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=(--quick) ;;
        --tree) [[ $# -ge 2 ]] || usage; tree=$(cd "$2" && pwd); shift ;;
        -h|--help) usage ;;
        *) echo "$0: unknown argument $1" >&2; usage ;;
    esac
    shift
done

target="$here/target"
out="$target/benchmarks"
fwgate_dir="$tree/distribution/runtime/target/fwgate"

build() {
    # offline first: everything is usually in the local repository already
    (cd "$root" && ./mvnw -o -B -q "$@") >&2 || (cd "$root" && ./mvnw -B -q "$@") >&2
}

if [[ ! -f "$fwgate_dir/fwgate-launcher.jar" && "$tree" == "$root" ]]; then
    echo "run-benchmarks: no assembled runtime in $fwgate_dir: building it with ./mvnw install -DskipTests" >&2
    build install -DskipTests
fi
# the class path file is rewritten only when it changes, so a marker says when the module was last built
built="$target/benchmarks.built"
if [[ ! -f "$built" || ! -f "$target/classpath.txt" || -n "$(find "$here/src" "$here/pom.xml" -newer "$built" -print -quit)" ]]; then
    echo "run-benchmarks: building the benchmarks module" >&2
    build install -DskipTests -f "$here/pom.xml"
    touch "$built"
fi

rm -rf "$out"
mkdir -p "$out"
# One run measures one assembly: a copy of it and of the script (which finds the assembly beside itself),
# so a rebuild of the shared tree while the benchmarks run cannot mix two versions of the bundles.
snapshot="$out/work/tree"
mkdir -p "$snapshot/distribution/runtime/target"
cp -a "$fwgate_dir" "$snapshot/distribution/runtime/target/fwgate"
cp -a "$tree/fwgate" "$snapshot/fwgate"
# The in-process benchmarks run the assembly's own fwgate jars rather than the local repository's, so
# both halves of a comparison (item 4 above all) measure the same code.
bundles="$snapshot/distribution/runtime/target/fwgate/bundles"
classpath="$target/classes"
# the file has no final newline, so read reports end of input: not an error here
IFS=: read -ra entries < "$target/classpath.txt" || true
for entry in "${entries[@]}"; do
    name=$(basename "$entry")
    if [[ "$name" == fwgate-*.jar && -f "$bundles/$name" ]]; then
        entry="$bundles/$name"
    fi
    classpath="$classpath:$entry"
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -cp "$classpath" io.fwgate.benchmarks.BenchMain \
    --out "$out" --fwgate "$snapshot/distribution/runtime/target/fwgate" --script "$snapshot/fwgate" "${quick[@]}"
rm -rf "$out/work"

echo "run-benchmarks: summary in $out/summary.md" >&2
if [[ ${#quick[@]} -eq 0 ]]; then
    # the summary replaces what stands between the markers; everything else in the page is kept
    doc="$root/docs/PERFORMANCE.md"
    begin='<!-- latest-run:begin -->'
    end='<!-- latest-run:end -->'
    if [[ -f "$doc" ]] && grep -qF "$begin" "$doc" && grep -qF "$end" "$doc"; then
        awk -v begin="$begin" -v end="$end" -v summary="$out/summary.md" '
            $0 == begin { print; while ((getline line < summary) > 0) print line; skip = 1; next }
            $0 == end { skip = 0 }
            !skip { print }' "$doc" > "$doc.tmp"
        mv "$doc.tmp" "$doc"
        echo "run-benchmarks: updated the latest run in $doc" >&2
    else
        echo "run-benchmarks: $doc has no '$begin' ... '$end' markers; not updated" >&2
    fi
fi
