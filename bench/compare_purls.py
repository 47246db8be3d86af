#!/usr/bin/env python3
"""Compares the package sets of CycloneDX SBOMs written by Assay and its peers.

Packages are compared by identity: purl type, namespace, name and version, normalised the way each
ecosystem defines equality (PyPI names per PEP 503, case-insensitive names where the ecosystem is), and
without qualifiers (distro/arch qualifiers are spelled differently by each tool). Only package types
that the compared tools both cover for the input are counted.

usage: compare_purls.py LABEL assay.json peer1=cdxgen.json [peer2=trivy.json ...]
prints one JSON line: counts per tool, what any peer (and the best peer, the one finding the most) found
that Assay did not, and what only Assay found. Versionless entries are ignored: a package without a
version cannot be matched against advisories, and each tool spells "unknown version" differently.
"""
import json
import re
import sys
from urllib.parse import unquote

CASE_INSENSITIVE = {"pypi", "nuget", "composer", "golang", "deb", "apk"}
IGNORED_TYPES = {"generic", "github", "oci", "docker"}


def identity(purl):
    if not purl or not purl.startswith("pkg:"):
        return None
    body, _, query = purl[4:].split("#", 1)[0].partition("?")
    qualifiers = dict(pair.split("=", 1) for pair in query.split("&") if "=" in pair)
    body = unquote(body)
    version = ""
    if "@" in body.rsplit("/", 1)[-1]:
        body, version = body.rsplit("@", 1)
    parts = body.split("/")
    ptype = parts[0].lower()
    if ptype in IGNORED_TYPES:
        return None
    name_path = "/".join(parts[1:])
    # Debian and RPM epochs: some tools put them in the version ("1:2.38"), others in an epoch qualifier.
    if ptype in ("deb", "rpm") and qualifiers.get("epoch") and ":" not in version:
        version = qualifiers["epoch"] + ":" + version
    if ptype == "pypi":
        name_path = re.sub(r"[-_.]+", "-", name_path).lower()
        version = version.lower()
    elif ptype in CASE_INSENSITIVE:
        name_path = name_path.lower()
    if ptype == "golang":
        version = version.replace("+incompatible", "")
    return f"{ptype}/{name_path}@{version}"


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            bom = json.load(handle)
    except (OSError, ValueError):
        return None
    found = set()

    def walk(components):
        for component in components or []:
            key = identity(component.get("purl"))
            if key and component.get("type") not in ("operating-system", "container") \
                    and not key.endswith("@"):
                found.add(key)
            walk(component.get("components"))

    walk(bom.get("components"))
    return found


def main():
    label, assay_path, *peers = sys.argv[1:]
    assay = load(assay_path)
    result = {"input": label, "assay": None if assay is None else len(assay), "peers": {}}
    best_name, best = None, None
    for spec in peers:
        name, path = spec.split("=", 1)
        found = load(path)
        result["peers"][name] = None if found is None else len(found)
        if found is not None and (best is None or len(found) > len(best)):
            best_name, best = name, found
    if assay is not None and best is not None:
        result["best_peer"] = best_name
        union = set()
        for spec in peers:
            found = load(spec.split("=", 1)[1])
            if found:
                union |= found
        result["missed_vs_any_peer"] = sorted(union - assay)
        result["missed_vs_best_peer"] = sorted(best - assay)
        result["only_assay"] = sorted(assay - union)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
