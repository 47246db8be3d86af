"""False-positive check for `assay scan`: every reported finding's version must lie inside the affected
range of the advisory it cites, when the range is evaluated with the OSV algorithm and the ecosystem's
own version ordering (see comparators.py), not Assay's.

Run through bench/scan-accuracy, which installs the npm `semver` reference first. Usage is in the
`--help` text below and in bench/accuracy/README.md.
"""

import argparse
import collections
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import comparators as refs

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
CORPORA = os.environ.get("ASSAY_CORPORA") or os.path.join(os.path.dirname(ROOT), "shared", "corpora")
if not os.path.isdir(CORPORA):
    CORPORA = "/work/shared/corpora"
DEFAULT_SOURCES = [
    os.path.join(CORPORA, "advisories", name)
    for name in ("golang-vulndb", "pypa-advisory-database", "rustsec-advisory-db", "github-advisory-database-curated")
]

CONFIRMED, NOT_CONFIRMED, UNVERIFIABLE = "confirmed", "NOT confirmed", "unverifiable"
MAX_ADVISORY_BYTES = 8 * 1024 * 1024
MAX_SCAN_BYTES = 512 * 1024 * 1024


class InputError(Exception):
    """Bad command line or unreadable scan output: exit 2."""


# --- advisories ------------------------------------------------------------------------------------------


def _load_yaml(text):
    import yaml

    # BaseLoader keeps every scalar a string: `fixed: 1.10` stays "1.10" (not the float 1.1) and timestamps
    # stay text. It also builds no Python objects from tags, so hostile YAML cannot run anything.
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    return yaml.load(text, Loader=loader)


_YAML_ID = re.compile(r"^id:[ \t]*['\"]?([A-Za-z0-9._:-]+)['\"]?[ \t]*$", re.MULTILINE)
_YAML_ALIASES = re.compile(r"^aliases:[ \t]*(?:\[([^\]\n]*)\]|\n((?:[ \t]*-[ \t]*\S+[ \t]*\n)*))", re.MULTILINE)


def _yaml_header(text):
    """id and aliases of an OSV YAML record written in the plain block style PyPA uses, or None."""
    found = _YAML_ID.search(text)
    if not found or not re.search(r"^affected:", text, re.MULTILINE):
        return None
    aliases = []
    block = _YAML_ALIASES.search(text)
    if block:
        listed = block.group(1).split(",") if block.group(1) is not None else block.group(2).splitlines()
        aliases = [item.strip().lstrip("-").strip().strip("'\"") for item in listed if item.strip()]
    return {"id": found.group(1), "aliases": aliases, "_lazy": True}


class AdvisoryIndex:
    """OSV records from the given folders, found by their id or by any of their aliases."""

    def __init__(self, folders):
        self.by_id = {}
        self.by_alias = collections.defaultdict(list)
        self.files = 0
        self.skipped = []
        for folder in folders:
            if not os.path.isdir(folder):
                raise InputError(f"advisory source {folder} is not a directory")
            for directory, subdirectories, names in os.walk(folder):
                subdirectories.sort()
                for name in sorted(names):
                    if name.endswith((".json", ".yaml", ".yml")):
                        self._load(os.path.join(directory, name))

    def _load(self, path):
        try:
            if os.path.getsize(path) > MAX_ADVISORY_BYTES:
                self.skipped.append((path, "larger than 8 MiB"))
                return
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if path.endswith(".json"):
                record = json.loads(text)
            else:
                # Parsing thousands of YAML records costs seconds; their id and aliases are plain top-level
                # keys, so read those now and parse a record only when a finding needs it.
                record = _yaml_header(text) or _load_yaml(text)
                if record.get("_lazy"):
                    record["_source"] = path
                    self._register(record)
                    return
        except Exception as error:  # one broken record must not stop the check of the others
            self.skipped.append((path, f"unreadable: {type(error).__name__}"))
            return
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("affected"), list):
            return  # not an OSV record (index files, schemas, legacy formats)
        record["_source"] = path
        self._register(record)

    def _register(self, record):
        record_id = record["id"]
        if record_id in self.by_id:
            return  # the same record in two folders: keep the first
        self.files += 1
        self.by_id[record_id] = record
        for alias in record.get("aliases") or []:
            if isinstance(alias, str):
                self.by_alias[alias].append(record_id)

    def _materialise(self, record_id):
        record = self.by_id[record_id]
        if record.get("_lazy"):
            try:
                with open(record["_source"], encoding="utf-8") as handle:
                    full = _load_yaml(handle.read())
            except Exception as error:
                self.skipped.append((record["_source"], f"unreadable: {type(error).__name__}"))
                full = None
            if not isinstance(full, dict) or full.get("id") != record_id or not isinstance(full.get("affected"), list):
                full = {"id": record_id, "aliases": record.get("aliases", []), "affected": [], "_broken": True}
            full["_source"] = record["_source"]
            self.by_id[record_id] = record = full
        return record

    def lookup(self, identifier):
        """The record with this id; failing that, the records that list it as an alias."""
        if identifier in self.by_id:
            return [self._materialise(identifier)]
        return [self._materialise(record_id) for record_id in self.by_alias.get(identifier, [])]


# --- purls and ecosystems --------------------------------------------------------------------------------


Purl = collections.namedtuple("Purl", "type namespace name version qualifiers")


def parse_purl(text):
    if not isinstance(text, str) or not text.startswith("pkg:"):
        raise ValueError(f"not a purl: {text!r}")
    rest = text[4:].lstrip("/").split("#", 1)[0]
    rest, _, query = rest.partition("?")
    qualifiers = {}
    for pair in query.split("&") if query else []:
        key, _, value = pair.partition("=")
        qualifiers[key.lower()] = urllib.parse.unquote(value)
    at = rest.rfind("@")
    version = None
    if at > rest.rfind("/"):
        rest, version = rest[:at], urllib.parse.unquote(rest[at + 1:])
    segments = [urllib.parse.unquote(segment) for segment in rest.split("/") if segment]
    if len(segments) < 2:
        raise ValueError(f"purl without a name: {text!r}")
    return Purl(segments[0].lower(), "/".join(segments[1:-1]), segments[-1], version, qualifiers)


def pep503(name):
    return re.sub(r"[-_.]+", "-", name).lower()


# OSV ecosystem (the part before any ':') -> (comparator key for ECOSYSTEM ranges, name normaliser)
ECOSYSTEMS = {
    "PyPI": ("pep440", pep503),
    "npm": ("semver", str.lower),
    "crates.io": ("semver", lambda name: name.lower().replace("_", "-")),
    "Go": ("go", lambda name: name),
    "Maven": ("maven", lambda name: name),
    "RubyGems": ("gem", lambda name: name),
    "NuGet": ("nuget", str.lower),
    "Packagist": ("composer", str.lower),
    "Debian": ("dpkg", lambda name: name),
    "Ubuntu": ("dpkg", lambda name: name),
    "Alpine": ("apk", lambda name: name),
    "Wolfi": ("apk", lambda name: name),
    "Chainguard": ("apk", lambda name: name),
    "Red Hat": ("rpm", lambda name: name),
    "AlmaLinux": ("rpm", lambda name: name),
    "Rocky Linux": ("rpm", lambda name: name),
    "openSUSE": ("rpm", lambda name: name),
    "SUSE": ("rpm", lambda name: name),
    "Mageia": ("rpm", lambda name: name),
    "openEuler": ("rpm", lambda name: name),
    "Photon OS": ("rpm", lambda name: name),
}
DISTRO_NAMESPACES = {
    "deb": {"debian": "Debian", "ubuntu": "Ubuntu"},
    "apk": {"alpine": "Alpine", "wolfi": "Wolfi", "chainguard": "Chainguard"},
    "rpm": {"redhat": "Red Hat", "rhel": "Red Hat", "almalinux": "AlmaLinux", "rocky": "Rocky Linux",
            "opensuse": "openSUSE", "suse": "SUSE", "mageia": "Mageia", "openeuler": "openEuler",
            "photon": "Photon OS"},
}
PURL_TYPES = {"pypi": "PyPI", "npm": "npm", "cargo": "crates.io", "golang": "Go", "maven": "Maven",
              "gem": "RubyGems", "nuget": "NuGet", "composer": "Packagist", "hex": "Hex", "pub": "Pub",
              "swift": "SwiftURL", "hackage": "Hackage", "cran": "CRAN", "conan": "ConanCenter"}

Package = collections.namedtuple("Package", "ecosystem names version")


def package_of(purl):
    """The OSV ecosystem, the candidate OSV package names and the version a purl stands for."""
    if purl.type in DISTRO_NAMESPACES:
        ecosystem = DISTRO_NAMESPACES[purl.type].get(purl.namespace.lower())
        if ecosystem is None:
            raise ValueError(f"no OSV ecosystem for {purl.type} namespace {purl.namespace!r}")
        names = [purl.name]
        for key in ("upstream", "origin", "source", "src"):
            source = purl.qualifiers.get(key)
            if source:
                source_name = source.split("@")[0].split()[0]
                if source_name.endswith(".src.rpm"):  # rpm: name-version-release.src.rpm
                    source_name = source_name[: -len(".src.rpm")].rsplit("-", 2)[0]
                names.append(source_name)
        version = purl.version
        epoch = purl.qualifiers.get("epoch")
        if version and epoch and ":" not in version:
            version = f"{epoch}:{version}"
        return Package(ecosystem, names, version)
    ecosystem = PURL_TYPES.get(purl.type)
    if ecosystem is None:
        raise ValueError(f"no OSV ecosystem for purl type {purl.type!r}")
    if purl.type == "npm":
        name = f"{purl.namespace}/{purl.name}" if purl.namespace else purl.name
    elif purl.type == "maven":
        name = f"{purl.namespace}:{purl.name}"
    elif purl.type in ("golang", "composer", "swift"):
        name = f"{purl.namespace}/{purl.name}" if purl.namespace else purl.name
    else:
        name = purl.name
    return Package(ecosystem, [name], purl.version)


def ecosystem_base(ecosystem):
    return (ecosystem or "").split(":", 1)[0]


def normaliser(ecosystem):
    entry = ECOSYSTEMS.get(ecosystem_base(ecosystem))
    return entry[1] if entry else (lambda name: name)


# --- references ------------------------------------------------------------------------------------------


class References:
    """One instance of each reference ordering, started on first use."""

    def __init__(self):
        self._made = {}

    def get(self, key):
        if key not in self._made:
            if key == "pep440":
                self._made[key] = refs.Pep440()
            elif key == "semver":
                self._made[key] = refs.NodeSemver()
            elif key == "go":
                self._made[key] = refs.GoSemver(self.get("semver"))
            elif key == "maven":
                self._made[key] = refs.MavenComparableVersion()
            elif key == "dpkg":
                self._made[key] = refs.Dpkg()
            elif key == "rpm":
                self._made[key] = refs.Rpm()
            elif key == "apk":
                self._made[key] = refs.ApkReimplemented()
            elif key == "gem":
                self._made[key] = refs.GemVersionReimplemented()
            elif key == "nuget":
                self._made[key] = refs.NuGetReimplemented()
            elif key == "composer":
                self._made[key] = refs.ComposerReimplemented()
            else:
                return None
        return self._made[key]

    def for_range(self, range_type, ecosystem):
        """The ordering an OSV range of this type means: SEMVER is SemVer 2.0 precedence whatever the
        ecosystem (Go's ranges are SEMVER but need Go's normalisation); ECOSYSTEM is the ecosystem's own."""
        base = ecosystem_base(ecosystem)
        if range_type == "SEMVER":
            return ("go", self.get("go")) if base == "Go" else ("semver", self.get("semver"))
        if range_type == "ECOSYSTEM" and base in ECOSYSTEMS:
            key = ECOSYSTEMS[base][0]
            return key, self.get(key)
        return None, None

    def close(self):
        for comparator in self._made.values():
            comparator.close()


# --- the OSV evaluation algorithm (ossf.github.io/osv-schema/#evaluation) --------------------------------


def _event_kind(event):
    for kind in ("introduced", "fixed", "last_affected", "limit"):
        if isinstance(event, dict) and isinstance(event.get(kind), str):
            return kind, event[kind]
    return None, None


def describe_range(range_):
    parts = []
    for event in range_.get("events") or []:
        kind, value = _event_kind(event)
        if kind == "introduced":
            parts.append(f">={value}")
        elif kind == "fixed":
            parts.append(f"<{value}")
        elif kind == "last_affected":
            parts.append(f"<={value}")
        elif kind == "limit":
            parts.append(f"limit {value}")
    return f"{range_.get('type', '?')} {' '.join(parts)}".strip()


def included_in_range(version, range_, compare):
    """(affected, why) for `version` under one OSV range, following the spec's IncludedInRanges and
    BeforeLimits; raises refs.Incomparable when the reference cannot order the versions involved."""
    events = [_event_kind(event) for event in range_.get("events") or []]
    events = [(kind, value) for kind, value in events if kind]
    limits = [value for kind, value in events if kind == "limit"]
    if limits and not any("*" in limit or compare(version, limit) < 0 for limit in limits):
        return False, f"not below any limit ({', '.join(limits)})"

    def order(left, right):
        # introduced "0" sorts before every version
        (_, a), (_, b) = left, right
        if a == b:
            return 0
        if a == "0" and left[0] == "introduced":
            return -1
        if b == "0" and right[0] == "introduced":
            return 1
        return compare(a, b)

    timeline = sorted((event for event in events if event[0] != "limit"), key=functools.cmp_to_key(order))
    vulnerable, why = False, None
    for kind, value in timeline:
        if kind == "introduced" and (value == "0" or compare(version, value) >= 0):
            vulnerable, why = True, f">= introduced {value}"
        elif kind == "fixed" and compare(version, value) >= 0:
            vulnerable, why = False, f">= fixed {value}"
        elif kind == "last_affected" and compare(version, value) > 0:
            vulnerable, why = False, f"> last_affected {value}"
    if why is None:
        first = next((value for kind, value in timeline if kind == "introduced"), None)
        why = f"< introduced {first}" if first else "the range has no introduced event"
    tied = [value for (kind_a, value), (kind_b, other) in zip(timeline, timeline[1:])
            if "introduced" in (kind_a, kind_b) and kind_a != kind_b and order((kind_a, value), (kind_b, other)) == 0]
    if tied and _written_intervals(version, events, compare) != vulnerable:
        # An introduced and a fixed event at the same version: the spec's sort leaves their order open, and
        # the two orders disagree here. Records written as [introduced, fixed) pairs mean the pairs.
        return None, (f"ambiguous: introduced and fixed/last_affected both at {tied[0]}; the sorted timeline says "
                      f"{'affected' if vulnerable else 'not affected'}, the written [introduced, fixed) pairs say the opposite")
    return vulnerable, why


def _written_intervals(version, events, compare):
    """The range read as the [introduced, fixed) / [introduced, last_affected] pairs in the order written."""
    start = None
    for kind, value in events:
        if kind == "introduced":
            if start is not None and (start == "0" or compare(version, start) >= 0):
                return True
            start = value
        elif kind in ("fixed", "last_affected") and start is not None:
            above = start == "0" or compare(version, start) >= 0
            below = compare(version, value) < 0 if kind == "fixed" else compare(version, value) <= 0
            if above and below:
                return True
            start = None
    return start is not None and (start == "0" or compare(version, start) >= 0)


Verdict = collections.namedtuple("Verdict", "status reason ranges references")


def evaluate_record(record, package, references, match_ecosystem=None):
    """Whether the record says this package version is affected."""
    if record.get("_broken"):
        return Verdict(UNVERIFIABLE, f"record {record['id']} could not be parsed", [], set())
    wanted_names = {normaliser(package.ecosystem)(name) for name in package.names}
    entries = []
    for affected in record.get("affected") or []:
        if not isinstance(affected, dict) or not isinstance(affected.get("package"), dict):
            continue
        ecosystem = affected["package"].get("ecosystem") or ""
        name = affected["package"].get("name") or ""
        if ecosystem_base(ecosystem) == package.ecosystem and normaliser(ecosystem)(name) in wanted_names:
            entries.append(affected)
    if match_ecosystem and ":" in match_ecosystem:
        exact = [entry for entry in entries if entry["package"].get("ecosystem") == match_ecosystem]
        entries = exact or entries
    names = "/".join(package.names)
    if not entries:
        return Verdict(NOT_CONFIRMED, f"record has no affected entry for {package.ecosystem} package {names}", [], set())
    version = package.version
    ranges_text, used, problems, outside, has_list = [], set(), [], [], False
    for entry in entries:
        listed = [v for v in entry.get("versions") or [] if isinstance(v, str)]
        for range_ in entry.get("ranges") or []:
            if isinstance(range_, dict) and range_.get("type") != "GIT":
                ranges_text.append(describe_range(range_))
        has_list = has_list or bool(listed)
        if version in listed:
            return Verdict(CONFIRMED, "listed in the record's versions", ranges_text, used)
        for range_ in entry.get("ranges") or []:
            if not isinstance(range_, dict):
                continue
            range_type = range_.get("type")
            if range_type == "GIT":
                continue
            key, comparator = references.for_range(range_type, entry["package"].get("ecosystem"))
            if comparator is None:
                problems.append(f"no reference ordering for {range_type} ranges of {entry['package'].get('ecosystem')}")
                continue
            used.add(key)
            try:
                affected, why = included_in_range(version, range_, comparator.compare)
            except refs.Incomparable as error:
                problems.append(str(error))
                continue
            if affected is None:
                problems.append(f"{describe_range(range_)}: {why}")
                continue
            if affected:
                return Verdict(CONFIRMED, f"inside {describe_range(range_)}", ranges_text, used)
            outside.append(f"{describe_range(range_)}: {why}")
        # A version equal to a listed one under the reference ordering (PyPI 1.0 == 1.0.0) is listed too.
        base_key = ECOSYSTEMS.get(ecosystem_base(entry["package"].get("ecosystem")), (None,))[0]
        comparator = references.get(base_key) if base_key else None
        for listed_version in listed:
            try:
                if comparator is not None and comparator.compare(version, listed_version) == 0:
                    used.add(base_key)
                    return Verdict(CONFIRMED, f"equal to listed version {listed_version}", ranges_text, used)
            except refs.Incomparable:
                pass
    if problems:
        return Verdict(UNVERIFIABLE, "; ".join(dict.fromkeys(problems)), ranges_text, used)
    if not ranges_text and not any(entry.get("versions") for entry in entries):
        return Verdict(UNVERIFIABLE, "record has only GIT ranges and no versions list", ranges_text, used)
    listed_text = " and not in the versions list" if has_list else ""
    return Verdict(NOT_CONFIRMED, f"{version} is outside every range{listed_text} ({'; '.join(outside)})", ranges_text, used)


# --- findings --------------------------------------------------------------------------------------------


def _text(value):
    return value if isinstance(value, str) else None


def finding_facts(finding):
    """Purl, component version, vulnerability ids and matched advisory ids of one finding, read tolerantly."""
    vulnerability = finding.get("vulnerability") if isinstance(finding.get("vulnerability"), dict) else {}
    ids = [_text(vulnerability.get("id")) or _text(finding.get("id")) or _text(finding.get("vulnerabilityId"))]
    aliases = vulnerability.get("aliases") or finding.get("aliases")
    ids += [alias for alias in aliases if isinstance(alias, str)] if isinstance(aliases, list) else []
    component = finding.get("component") if isinstance(finding.get("component"), dict) else {}
    purl = component.get("purl") if component else finding.get("purl")
    if isinstance(purl, dict):
        purl = _text(purl.get("canonical")) or _text(purl.get("value")) or _text(purl.get("purl"))
    matches = []
    for match in finding.get("matches") if isinstance(finding.get("matches"), list) else []:
        if isinstance(match, dict) and _text(match.get("advisoryId")):
            matches.append({"advisoryId": match["advisoryId"], "ecosystem": _text(match.get("ecosystem")) or ""})
    return {
        "purl": _text(purl),
        "componentVersion": _text(component.get("version")),
        "ids": [identifier for identifier in dict.fromkeys(ids) if identifier],
        "matches": matches,
    }


def check_finding(finding, index, references):
    facts = finding_facts(finding)
    result = {
        "purl": facts["purl"],
        "vulnerability": facts["ids"][0] if facts["ids"] else None,
        "advisories": [],
        "ecosystem": "unknown",
        "status": UNVERIFIABLE,
        "reason": "",
        "ranges": [],
        "references": [],
    }
    try:
        purl = parse_purl(facts["purl"])
        package = package_of(purl)
    except ValueError as error:
        result["reason"] = str(error)
        return result
    result["ecosystem"] = package.ecosystem
    if not package.version:
        if facts["componentVersion"]:
            package = package._replace(version=facts["componentVersion"])
        else:
            result["reason"] = "the purl has no version"
            return result
    elif facts["componentVersion"] and facts["componentVersion"] not in (package.version, purl.version):
        result["note"] = f"component.version {facts['componentVersion']!r} differs from the purl's {package.version!r}"

    verdicts = []  # (advisory id, Verdict, source file)
    if facts["matches"]:
        seen = set()
        for match in facts["matches"]:
            advisory_id = match["advisoryId"]
            if advisory_id in seen:
                continue
            seen.add(advisory_id)
            records = index.lookup(advisory_id)
            if not records:
                verdicts.append((advisory_id, Verdict(UNVERIFIABLE, f"record {advisory_id} is not in the advisory sources", [], set()), None))
                continue
            per_record = [(record, evaluate_record(record, package, references, match["ecosystem"])) for record in records]
            if records[0]["id"] != advisory_id:
                # Found only through an alias: records of other packages may share it; keep those naming ours.
                per_record = [pair for pair in per_record if not pair[1].reason.startswith("record has no affected entry")]
                if not per_record:
                    verdicts.append((advisory_id, Verdict(UNVERIFIABLE, f"record {advisory_id} is not in the advisory sources, and no record listing it as an alias names this package", [], set()), None))
                    continue
            chosen = next((pair for pair in per_record if pair[1].status == CONFIRMED), None)
            chosen = chosen or next((pair for pair in per_record if pair[1].status == UNVERIFIABLE), None) or per_record[0]
            verdicts.append((chosen[0]["id"], chosen[1], chosen[0]["_source"]))
    else:
        records = {}
        for identifier in facts["ids"]:
            for record in index.lookup(identifier):
                records[record["id"]] = record
        if not records:
            result["reason"] = f"no record for {', '.join(facts['ids']) or 'a finding without ids'} in the advisory sources"
            return result
        for record in records.values():
            verdict = evaluate_record(record, package, references)
            if verdict.reason.startswith("record has no affected entry"):
                continue  # an alias shared with other packages' records: not what Assay matched
            verdicts.append((record["id"], verdict, record["_source"]))
        if not verdicts:
            result["reason"] = f"none of the records {', '.join(sorted(records))} names {package.ecosystem} package {'/'.join(package.names)}"
            return result
        if any(verdict.status == CONFIRMED for _, verdict, _ in verdicts):
            verdicts = [entry for entry in verdicts if entry[1].status == CONFIRMED]

    result["advisories"] = [
        {"id": advisory_id, "status": verdict.status, "reason": verdict.reason, "ranges": verdict.ranges,
         "source": os.path.relpath(source, CORPORA) if source and source.startswith(CORPORA) else source}
        for advisory_id, verdict, source in verdicts
    ]
    result["references"] = sorted({key for _, verdict, _ in verdicts for key in verdict.references})
    statuses = [verdict.status for _, verdict, _ in verdicts]
    if NOT_CONFIRMED in statuses:
        result["status"] = NOT_CONFIRMED
    elif CONFIRMED in statuses:
        result["status"] = CONFIRMED
    else:
        result["status"] = UNVERIFIABLE
    deciding = [entry for entry in verdicts if entry[1].status == result["status"]]
    result["reason"] = "; ".join(f"{advisory_id}: {verdict.reason}" for advisory_id, verdict, _ in deciding)
    result["ranges"] = [text for _, verdict, _ in deciding for text in verdict.ranges]
    return result


def read_scan(path, include_suppressed):
    try:
        if os.path.getsize(path) > MAX_SCAN_BYTES:
            raise InputError(f"{path}: larger than 512 MiB")
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError(f"{path}: not readable scan JSON ({error})") from error
    if isinstance(document, dict) and "findings" not in document:
        for value in document.values():
            if isinstance(value, dict) and "findings" in value:
                document = value
                break
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise InputError(f"{path}: no `findings` array")
    findings = [finding for finding in document["findings"] if isinstance(finding, dict)]
    if include_suppressed and isinstance(document.get("suppressed"), list):
        for suppressed in document["suppressed"]:
            if isinstance(suppressed, dict) and isinstance(suppressed.get("finding"), dict):
                findings.append(suppressed["finding"])
    return findings


# --- report ----------------------------------------------------------------------------------------------


def summarise(results, references):
    by_ecosystem = collections.OrderedDict()
    for result in sorted(results, key=lambda r: r["ecosystem"]):
        counts = by_ecosystem.setdefault(result["ecosystem"], {"checked": 0, CONFIRMED: 0, NOT_CONFIRMED: 0, UNVERIFIABLE: 0, "references": set()})
        counts["checked"] += 1
        counts[result["status"]] += 1
        counts["references"].update(result["references"])
    table = {}
    for ecosystem, counts in by_ecosystem.items():
        used = []
        for key in sorted(counts["references"]):
            comparator = references.get(key)
            used.append({"ordering": comparator.label, "kind": comparator.kind})
        table[ecosystem] = {"checked": counts["checked"], "confirmed": counts[CONFIRMED],
                            "notConfirmed": counts[NOT_CONFIRMED], "unverifiable": counts[UNVERIFIABLE],
                            "references": used}
    return table


def render(table, results, inputs, index, sources, references):
    lines = ["# Scan accuracy: findings checked against the advisories with each ecosystem's own ordering", ""]
    lines.append(f"Scan outputs: {', '.join(inputs)}")
    lines.append(f"Advisory sources: {', '.join(sources)} ({len(index.by_id)} OSV records)")
    lines.append("")
    lines.append("| ecosystem | checked | confirmed | NOT confirmed | unverifiable | reference ordering |")
    lines.append("| --- | ---: | ---: | ---: | ---: | --- |")
    totals = collections.Counter()
    for ecosystem, row in table.items():
        orderings = "; ".join(f"{used['ordering']} [{used['kind']}]" for used in row["references"]) or "-"
        lines.append(f"| {ecosystem} | {row['checked']} | {row['confirmed']} | {row['notConfirmed']} | {row['unverifiable']} | {orderings} |")
        totals.update({key: row[key] for key in ("checked", "confirmed", "notConfirmed", "unverifiable")})
    lines.append(f"| **all** | {totals['checked']} | {totals['confirmed']} | {totals['notConfirmed']} | {totals['unverifiable']} | |")
    failed = [result for result in results if result["status"] == NOT_CONFIRMED]
    if failed:
        lines += ["", "## NOT confirmed (reported, but the version is not inside the advisory's range)", ""]
        for result in failed:
            for advisory in result["advisories"]:
                if advisory["status"] != NOT_CONFIRMED:
                    continue
                scan = f" [in {os.path.basename(result['scan'])}]" if len(inputs) > 1 else ""
                lines.append(f"- {result['purl']}  {advisory['id']} ({advisory['source']}){scan}")
                lines.append(f"    ranges: {' | '.join(advisory['ranges']) or '-'}")
                lines.append(f"    why: {advisory['reason']}")
                orderings = [references.get(key).label for key in result["references"]]
                if orderings:
                    lines.append(f"    ordering: {'; '.join(orderings)}")
    unverifiable = [result for result in results if result["status"] == UNVERIFIABLE]
    if unverifiable:
        lines += ["", "## Unverifiable", ""]
        for result in unverifiable:
            lines.append(f"- {result['purl']}  {result['vulnerability']}: {result['reason']}")
    notes = [result for result in results if result.get("note")]
    for result in notes:
        lines.append(f"note: {result['purl']}: {result['note']}")
    lines.append("")
    lines.append("Orderings marked [re-implemented] are Python re-implementations of the ecosystem's published "
                 "rules (no runnable reference here): less independent of Assay than [reference] ones.")
    return "\n".join(lines)


# --- --scan: run assay over the lockfile corpora ---------------------------------------------------------


def lockfile_inputs(workdir):
    """Each lockfile of the cdxgen corpus alone in a directory, under the file name its tools look for
    (the `format` column of index.csv when that is a file name), plus the two Log4j 2 POM trees."""
    import csv

    corpus = os.path.join(CORPORA, "lockfiles", "cdxgen-test-data")
    inputs = []
    with open(os.path.join(corpus, "index.csv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            canonical = row.get("format") or ""
            source = os.path.join(corpus, row["file"])
            if not re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_.]+", canonical) or not os.path.isfile(source):
                continue
            target = os.path.join(workdir, re.sub(r"[^A-Za-z0-9_.-]", "_", row["file"]))
            os.makedirs(target, exist_ok=True)
            shutil.copyfile(source, os.path.join(target, canonical))
            inputs.append(target)
    log4j = os.path.join(CORPORA, "lockfiles", "maven-multimodule", "apache-logging-log4j2")
    if os.path.isdir(log4j):
        for tree in sorted(os.listdir(log4j)):
            if os.path.isdir(os.path.join(log4j, tree)):
                target = os.path.join(workdir, f"maven-log4j2-{tree}")
                shutil.copytree(os.path.join(log4j, tree), target)
                inputs.append(target)
    return inputs


def run_scans(db, workdir, assay):
    probe = subprocess.run([assay, "scan", "--help"], capture_output=True, text=True)
    if probe.returncode != 0:
        print("`assay scan` is not available in this build (`./assay scan --help` exited "
              f"{probe.returncode}); nothing to check.", file=sys.stderr)
        sys.exit(3)
    outputs, failures = [], []
    for directory in lockfile_inputs(os.path.join(workdir, "inputs")):
        output = os.path.join(workdir, "scans", os.path.basename(directory) + ".json")
        os.makedirs(os.path.dirname(output), exist_ok=True)
        result = subprocess.run([assay, "scan", directory, "--db", db, "--format", "json", "--output", output],
                                capture_output=True, text=True)
        if os.path.isfile(output) and os.path.getsize(output) > 0:
            outputs.append(output)
        else:
            failures.append((os.path.basename(directory), result.returncode, result.stderr.strip().splitlines()[-1:] ))
    for name, code, tail in failures:
        print(f"scan of {name} wrote no output (exit {code}): {' '.join(tail)}", file=sys.stderr)
    return outputs, failures


# --- main ------------------------------------------------------------------------------------------------


def main(argv):
    parser = argparse.ArgumentParser(
        prog="bench/scan-accuracy",
        description="Checks that every finding of `assay scan --format json` lies inside the affected range "
                    "of its advisory under the ecosystem's own version ordering. Exit 0: every checkable "
                    "finding confirmed; 1: some finding NOT confirmed; 2: bad input; 3: --scan asked but "
                    "`assay scan` is unavailable.")
    parser.add_argument("scans", nargs="*", help="scan JSON files written by `assay scan --format json`")
    parser.add_argument("--advisories", action="append", metavar="DIR",
                        help="an OSV advisory source folder (repeatable); default: the four OSV sources in "
                             "the shared corpora")
    parser.add_argument("--json", metavar="FILE", help="also write a JSON summary here ('-' = stdout, the table then goes to stderr)")
    parser.add_argument("--include-suppressed", action="store_true", help="also check findings VEX suppressed")
    parser.add_argument("--fail-on-unverifiable", action="store_true", help="exit 1 when any finding is unverifiable too")
    parser.add_argument("--scan", action="store_true", help="run `./assay scan` over the lockfile corpora first, then check its outputs")
    parser.add_argument("--db", metavar="DIR", help="with --scan: the advisory database `assay scan --db` uses")
    parser.add_argument("--assay", default=os.path.join(ROOT, "assay"), help="with --scan: the assay launcher (default ./assay)")
    parser.add_argument("--workdir", metavar="DIR", help="with --scan: keep inputs and scan outputs here (default: a temp dir, removed)")
    args = parser.parse_args(argv)

    workdir_to_remove = None
    scans = list(args.scans)
    if args.scan:
        if not args.db:
            raise InputError("--scan needs --db DIR")
        workdir = args.workdir or tempfile.mkdtemp(prefix="scan-accuracy-")
        workdir_to_remove = None if args.workdir else workdir
        produced, _ = run_scans(args.db, workdir, args.assay)
        scans += produced
    if not scans:
        raise InputError("no scan output to check (give scan JSON files, or --scan --db DIR)")

    sources = args.advisories or DEFAULT_SOURCES
    index = AdvisoryIndex(sources)
    references = References()
    try:
        results = []
        for scan in scans:
            for position, finding in enumerate(read_scan(scan, args.include_suppressed)):
                result = check_finding(finding, index, references)
                result["scan"] = scan
                result["index"] = position
                results.append(result)
        table = summarise(results, references)
        report = render(table, results, scans, index, sources, references)
    finally:
        references.close()
        if workdir_to_remove:
            shutil.rmtree(workdir_to_remove, ignore_errors=True)

    not_confirmed = sum(1 for result in results if result["status"] == NOT_CONFIRMED)
    unverifiable = sum(1 for result in results if result["status"] == UNVERIFIABLE)
    summary = {
        "scans": scans,
        "advisorySources": sources,
        "advisoryRecords": len(index.by_id),
        "ecosystems": table,
        "totals": {"checked": len(results), "confirmed": len(results) - not_confirmed - unverifiable,
                   "notConfirmed": not_confirmed, "unverifiable": unverifiable},
        "findings": results,
    }
    if args.json == "-":
        print(report, file=sys.stderr)
        json.dump(summary, sys.stdout, indent=2)
        print()
    else:
        print(report)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(summary, handle, indent=2)
                handle.write("\n")
    if not_confirmed or (args.fail_on_unverifiable and unverifiable):
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except InputError as error:
        print(f"scan-accuracy: {error}", file=sys.stderr)
        sys.exit(2)
