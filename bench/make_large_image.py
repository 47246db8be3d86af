#!/usr/bin/env python3
"""Writes a synthetic OCI image layout of about N GB for memory and throughput benchmarks.

Layer 1 is a root filesystem (a Debian rootfs if one is given, so the OS cataloger has real work);
the following layers hold incompressible files, some later deleted by whiteouts, plus a few packages
of other ecosystems, so that unpacking, whiteout handling and layer attribution are all exercised.

usage: make_large_image.py LAYOUT_DIR SIZE_GB [ROOTFS_DIR]
"""
import hashlib
import io
import json
import os
import sys
import tarfile

CHUNK = 16 * 1024 * 1024


def write_blob(layout, data_path):
    digest = hashlib.sha256()
    with open(data_path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    hexdigest = digest.hexdigest()
    target = os.path.join(layout, "blobs", "sha256", hexdigest)
    os.replace(data_path, target)
    return "sha256:" + hexdigest, os.path.getsize(target)


def write_json_blob(layout, value):
    data = json.dumps(value, sort_keys=True).encode()
    path = os.path.join(layout, "blobs", "tmp.json")
    with open(path, "wb") as handle:
        handle.write(data)
    return write_blob(layout, path)


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


class RandomReader(io.RawIOBase):
    def __init__(self, size):
        self.remaining = size

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.remaining)
        if n <= 0:
            return 0
        buffer[:n] = os.urandom(n)
        self.remaining -= n
        return n


def main():
    layout, size_gb = sys.argv[1], float(sys.argv[2])
    rootfs = sys.argv[3] if len(sys.argv) > 3 else None
    os.makedirs(os.path.join(layout, "blobs", "sha256"), exist_ok=True)
    target_bytes = int(size_gb * 1024 ** 3)
    layers, diff_ids, written = [], [], 0

    def finish_layer(path):
        nonlocal written
        digest, size = write_blob(layout, path)
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest, "size": size})
        diff_ids.append(digest)
        written += size

    path = os.path.join(layout, "blobs", "layer.tar")
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        if rootfs:
            tar.add(rootfs, arcname=".", recursive=True)
        else:
            add_bytes(tar, "etc/os-release", b'ID=debian\nVERSION_ID="12"\n')
    finish_layer(path)

    index = 0
    while written < target_bytes:
        path = os.path.join(layout, "blobs", "layer.tar")
        with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
            add_bytes(tar, f"app{index}/node_modules/left-pad/package.json",
                      b'{"name":"left-pad","version":"1.3.0","license":"WTFPL"}')
            if index > 0:
                add_bytes(tar, f"data/.wh.blob-{index - 1}-0.bin", b"")
            for part in range(16):
                if written + (part + 1) * CHUNK > target_bytes + CHUNK:
                    break
                info = tarfile.TarInfo(f"data/blob-{index}-{part}.bin")
                info.size = CHUNK
                tar.addfile(info, RandomReader(CHUNK))
        finish_layer(path)
        index += 1

    config = {"architecture": "amd64", "os": "linux", "config": {},
              "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": []}
    config_digest, config_size = write_json_blob(layout, config)
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                           "digest": config_digest, "size": config_size},
                "layers": layers}
    manifest_digest, manifest_size = write_json_blob(layout, manifest)
    with open(os.path.join(layout, "index.json"), "w") as handle:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
            "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": "bench"}}]}, handle)
    with open(os.path.join(layout, "oci-layout"), "w") as handle:
        json.dump({"imageLayoutVersion": "1.0.0"}, handle)
    print(f"wrote {layout}: {len(layers)} layers, {written / 1024 ** 3:.2f} GB", file=sys.stderr)


if __name__ == "__main__":
    main()
