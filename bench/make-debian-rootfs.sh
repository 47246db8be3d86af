#!/usr/bin/env bash
# Builds a minimal Debian root filesystem for checking the dpkg cataloger against dpkg-query.
#
#   bench/make-debian-rootfs.sh /work/rootfs-debian [suite] [mirror]
#
# Idempotent: when the target already holds a finished rootfs (debootstrap removes its work directory
# when it completes) nothing is done. Needs root and the debootstrap package. Then run, for example:
#   ASSAY_DEBIAN_ROOTFS=/work/rootfs-debian ./mvnw -B -q -pl assay-catalog -am test -Dtest='DpkgDebianRootfsTest' \
#       -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail

target="${1:?usage: $0 TARGET_DIR [suite] [mirror]}"
suite="${2:-bookworm}"
mirror="${3:-}"

if [[ -z "$mirror" ]]; then
    mirror="http://deb.debian.org/debian"
    # Prefer the mirror this machine's apt already uses (deb822 .sources or one-line .list files).
    configured="$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 | awk '{print $2}' || true)"
    if [[ -z "$configured" ]]; then
        configured="$(grep -hoE '^deb[[:space:]]+[^[:space:]]+/debian/?[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 | awk '{print $2}' || true)"
    fi
    if [[ -n "$configured" ]]; then
        mirror="$configured"
    fi
fi

if [[ -f "$target/var/lib/dpkg/status" && ! -d "$target/debootstrap" ]]; then
    echo "rootfs already complete at $target ($(grep -c '^Package:' "$target/var/lib/dpkg/status") status stanzas)"
    exit 0
fi

if ! command -v debootstrap >/dev/null; then
    echo "debootstrap is missing: apt-get update && apt-get install -y debootstrap" >&2
    exit 2
fi

if [[ -d "$target/debootstrap" ]]; then
    # A previous run stopped half-way; debootstrap cannot resume into a half-built tree.
    echo "removing the unfinished rootfs at $target"
    rm -rf --one-file-system "$target"
fi

mkdir -p "$target"
debootstrap --variant=minbase "$suite" "$target" "$mirror"
echo "installed packages: $(dpkg-query --admindir="$target/var/lib/dpkg" -W | wc -l)"
