"""Version orderings used to check Assay's findings, each as close to the ecosystem's own code as this
machine allows.

Every comparator has a `label` (what it is, printed in the report), `kind` ("reference" when the
ecosystem's own implementation does the comparing, "reference+normalization" when it does so after a
documented rewrite of the strings, "re-implemented" when this file re-implements a published algorithm and
is therefore less independent of Assay) and `compare(a, b) -> -1 | 0 | 1`, raising `Incomparable` when a
version is not valid under the ordering or the reference cannot be run.

References that run in another process (npm's `semver`, Maven's `ComparableVersion`, dpkg, rpm) are called
through small line-oriented bridges and cached, so a run of many findings costs few process starts.
"""

import functools
import glob
import os
import re
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)

# Versions travel to other processes on one line (bridges) or as one argument (dpkg, rpm). Anything with
# whitespace, control characters or quotes is not a version in any ecosystem checked here.
_SAFE_VERSION = re.compile(r"^[A-Za-z0-9._+~^:!*=<>\-]{1,256}$")


class Incomparable(Exception):
    """The reference cannot order these versions: invalid under its grammar, or it is not runnable."""


def _require_safe(version):
    if not isinstance(version, str) or not _SAFE_VERSION.match(version):
        raise Incomparable(f"version {version!r} has characters no ecosystem allows")


class _LineBridge:
    """A long-running helper process that answers one comparison per input line."""

    def __init__(self, argv, name):
        self.argv = argv
        self.name = name
        self.process = None
        self.version = None
        self.failure = None

    def _start(self):
        if self.process is not None or self.failure is not None:
            return
        try:
            self.process = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as error:
            self.failure = f"{self.name} could not start: {error}"
            return
        first = self.process.stdout.readline().strip()
        if not first.startswith("ready"):
            error_text = self.process.stderr.read()[-400:] if self.process.poll() is not None else ""
            self.failure = f"{self.name} did not start: {first or error_text.strip()}"
            self.process = None
            return
        self.version = first[len("ready"):].strip()

    def ask(self, a, b):
        self._start()
        if self.failure is not None:
            raise Incomparable(self.failure)
        self.process.stdin.write(f"{a}\t{b}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if answer in ("-1", "0", "1"):
            return int(answer)
        if answer.startswith("invalid"):
            which = answer.split(" ", 1)[1] if " " in answer else ""
            bad = a if which == "left" else b if which == "right" else f"{a} / {b}"
            raise Incomparable(f"{bad!r} is not valid under {self.name}")
        self.failure = f"{self.name} stopped answering (got {answer!r})"
        raise Incomparable(self.failure)

    def close(self):
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None


class Comparator:
    label = ""
    kind = "reference"

    def compare(self, a, b):
        raise NotImplementedError

    def close(self):
        pass


# --- PyPI: the `packaging` library is the reference implementation of PEP 440 (pip vendors it). ---------


class Pep440(Comparator):
    kind = "reference"

    def __init__(self):
        import packaging
        from packaging.version import InvalidVersion, Version

        self._version = Version
        self._invalid = InvalidVersion
        self.label = f"packaging {packaging.__version__} Version (PEP 440; what pip uses)"

    @functools.lru_cache(maxsize=None)
    def _parse(self, text):
        try:
            return self._version(text)
        except self._invalid as error:
            raise Incomparable(f"{text!r} is not a PEP 440 version") from error

    def compare(self, a, b):
        left, right = self._parse(a), self._parse(b)
        return (left > right) - (left < right)


# --- npm semver: the ordering npm uses; also the SemVer 2.0 precedence OSV `SEMVER` ranges are defined by.


def semver_package_dir():
    return os.path.join(BENCH, ".tools", "node_modules", "semver")


class NodeSemver(Comparator):
    kind = "reference"

    def __init__(self):
        node = shutil.which("node")
        package = semver_package_dir()
        self._bridge = None
        self._missing = None
        if node is None:
            self._missing = "node is not installed"
        elif not os.path.isfile(os.path.join(package, "package.json")):
            self._missing = f"npm semver is not installed in {package} (bench/scan-accuracy installs it)"
        else:
            self._bridge = _LineBridge([node, os.path.join(HERE, "semver-compare.js"), package], "npm semver")
        self._cache = {}

    @property
    def label(self):
        if self._bridge is None:
            return f"npm semver (unavailable: {self._missing})"
        self._bridge._start()
        return f"npm semver {self._bridge.version or '?'} (node-semver, strict SemVer 2.0)"

    def compare(self, a, b):
        if self._bridge is None:
            raise Incomparable(self._missing)
        _require_safe(a)
        _require_safe(b)
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._bridge.ask(a, b)
        return self._cache[key]

    def close(self):
        if self._bridge is not None:
            self._bridge.close()


_GO_SEMVER = re.compile(r"^v?(\d+)(?:\.(\d+)(?:\.(\d+))?)?((?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$")
_GO_TOOLCHAIN = re.compile(r"^go(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$")


def go_to_semver(version):
    """Rewrites a Go module version (or a Go release name for stdlib/toolchain) into the SemVer 2.0 string
    that orders the same under golang.org/x/mod/semver rules.

    - the `v` prefix goes (OSV writes Go ranges without it; x/mod/semver requires it: same ordering);
    - `+incompatible` goes: it is build metadata, which x/mod/semver ignores when comparing, as SemVer does;
    - the shorthands `v1` and `v1.2` become `1.0.0` and `1.2.0` (x/mod/semver's Canonical), but only
      without a prerelease or build suffix, which x/mod/semver rejects on a shorthand;
    - pseudo-versions (`v0.0.0-20210101000000-abcdef123456`, `v1.2.4-0.2021...`) are ordinary SemVer
      prereleases and pass through unchanged: that is how x/mod/semver orders them as well;
    - Go release names `go1.21.3`, `go1.21rc2` become `1.21.3`, `1.21.0-rc.2` (how the Go vulndb writes the
      stdlib and toolchain ranges).
    """
    toolchain = _GO_TOOLCHAIN.match(version)
    if toolchain:
        major, minor, patch, kind, number = toolchain.groups()
        text = f"{major}.{minor or 0}.{patch or 0}"
        return f"{text}-{kind}.{number}" if kind else text
    match = _GO_SEMVER.match(version)
    if not match:
        raise Incomparable(f"{version!r} is not a Go module version")
    major, minor, patch, suffix = match.groups()
    if (minor is None or patch is None) and suffix:
        raise Incomparable(f"{version!r}: x/mod/semver rejects a shorthand version with a suffix")
    if suffix.endswith("+incompatible"):
        suffix = suffix[: -len("+incompatible")]
    return f"{major}.{minor or 0}.{patch or 0}{suffix}"


class GoSemver(Comparator):
    kind = "reference+normalization"

    def __init__(self, semver):
        self._semver = semver

    @property
    def label(self):
        return (f"{self._semver.label} after Go normalization (x/mod/semver rules: drop v, drop "
                f"+incompatible, expand v1/v1.2; pseudo-versions are SemVer prereleases)")

    def compare(self, a, b):
        return self._semver.compare(go_to_semver(a), go_to_semver(b))


# --- Maven: ComparableVersion from maven-artifact, run in a JVM. ----------------------------------------


def find_maven_artifact_jar():
    override = os.environ.get("MAVEN_ARTIFACT_JAR")
    if override:
        return override if os.path.isfile(override) else None
    root = os.path.expanduser("~/.m2/repository/org/apache/maven/maven-artifact")
    preferred = os.path.join(root, "3.9.16", "maven-artifact-3.9.16.jar")
    if os.path.isfile(preferred):
        return preferred

    def numeric(path):
        return tuple(int(part) if part.isdigit() else 0 for part in os.path.basename(os.path.dirname(path)).split("."))

    # ComparableVersion changed in Maven 3.x; prefer the newest 3.x jar that is cached.
    candidates = sorted(glob.glob(os.path.join(root, "3.*", "maven-artifact-3.*.jar")), key=numeric)
    return candidates[-1] if candidates else None


def find_java():
    for home in (os.environ.get("JAVA_HOME"), "/usr/lib/jvm/temurin-25-jdk-amd64"):
        if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return os.path.join(home, "bin", "java")
    return shutil.which("java")


class MavenComparableVersion(Comparator):
    kind = "reference"

    def __init__(self):
        jar, java = find_maven_artifact_jar(), find_java()
        self._missing = None if jar and java else ("maven-artifact jar not in ~/.m2" if not jar else "no java")
        self._bridge = None
        if self._missing is None:
            self._bridge = _LineBridge([java, "-cp", jar, os.path.join(HERE, "MavenVersionCompare.java")],
                                       "Maven ComparableVersion")
            self._jar = jar
        self._cache = {}

    @property
    def label(self):
        if self._bridge is None:
            return f"Maven ComparableVersion (unavailable: {self._missing})"
        return f"Maven ComparableVersion from {os.path.basename(self._jar)}"

    def compare(self, a, b):
        if self._bridge is None:
            raise Incomparable(self._missing)
        _require_safe(a)
        _require_safe(b)
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._bridge.ask(a, b)
        return self._cache[key]

    def close(self):
        if self._bridge is not None:
            self._bridge.close()


# --- Debian/Ubuntu: dpkg itself. ------------------------------------------------------------------------


class Dpkg(Comparator):
    kind = "reference"

    def __init__(self):
        self._dpkg = shutil.which("dpkg")
        self.label = "dpkg --compare-versions" if self._dpkg else "dpkg (unavailable: not installed)"
        self._cache = {}

    def _holds(self, a, relation, b):
        result = subprocess.run([self._dpkg, "--compare-versions", "--", a, relation, b],
                                capture_output=True, text=True)
        if result.returncode == 0:
            return True
        if result.returncode == 1:
            return False
        raise Incomparable(f"dpkg: {result.stderr.strip() or 'rejected the versions'}")

    def compare(self, a, b):
        if self._dpkg is None:
            raise Incomparable("dpkg is not installed")
        _require_safe(a)
        _require_safe(b)
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = -1 if self._holds(a, "lt", b) else 0 if self._holds(a, "eq", b) else 1
        return self._cache[key]


# --- RPM: rpm's own rpmvercmp through its Lua interpreter (rpm.vercmp parses epoch:version-release). ----


class Rpm(Comparator):
    kind = "reference"
    _RPM_SAFE = re.compile(r"^[A-Za-z0-9._+~^:\-]{1,256}$")

    def __init__(self):
        self._rpm = shutil.which("rpm")
        self._fallback = RpmReimplemented()
        if self._rpm:
            version = subprocess.run([self._rpm, "--version"], capture_output=True, text=True).stdout.strip()
            self.label = f"{version} (rpm.vercmp)"
        else:
            self.kind = "re-implemented"
            self.label = self._fallback.label + " (rpm not installed)"
        self._cache = {}

    def compare(self, a, b):
        if self._rpm is None:
            return self._fallback.compare(a, b)
        if not (self._RPM_SAFE.match(a) and self._RPM_SAFE.match(b)):
            raise Incomparable(f"{a!r} / {b!r} are not RPM version strings")
        key = (a, b)
        if key not in self._cache:
            result = subprocess.run([self._rpm, "--eval", f'%{{lua:print(rpm.vercmp("{a}", "{b}"))}}'],
                                    capture_output=True, text=True)
            answer = result.stdout.strip()
            if result.returncode != 0 or answer not in ("-1", "0", "1"):
                raise Incomparable(f"rpm could not compare {a!r} and {b!r}: {result.stderr.strip()[:200]}")
            self._cache[key] = int(answer)
        return self._cache[key]


class RpmReimplemented(Comparator):
    """rpmvercmp on epoch:version-release, following RPM's documented segment rules: alternating runs of
    digits and letters, other characters separate; `~` sorts before anything (even the end), `^` after the
    end but before anything else; numeric runs beat alphabetic ones; leading zeros do not count."""

    kind = "re-implemented"
    label = "RPM rpmvercmp, re-implemented in Python"

    @staticmethod
    def _split_evr(text):
        epoch, rest = text.split(":", 1) if ":" in text else ("0", text)
        if not epoch.isdigit():
            raise Incomparable(f"{text!r}: epoch is not a number")
        version, release = rest.rsplit("-", 1) if "-" in rest else (rest, "")
        return int(epoch), version, release

    @staticmethod
    def _segments_compare(a, b):
        if a == b:
            return 0
        i = j = 0
        while i < len(a) or j < len(b):
            while i < len(a) and not a[i].isalnum() and a[i] not in "~^":
                i += 1
            while j < len(b) and not b[j].isalnum() and b[j] not in "~^":
                j += 1
            a_tilde, b_tilde = i < len(a) and a[i] == "~", j < len(b) and b[j] == "~"
            if a_tilde or b_tilde:
                if not (a_tilde and b_tilde):
                    return -1 if a_tilde else 1
                i, j = i + 1, j + 1
                continue
            a_caret, b_caret = i < len(a) and a[i] == "^", j < len(b) and b[j] == "^"
            if a_caret or b_caret:
                if i >= len(a):
                    return -1
                if j >= len(b):
                    return 1
                if not (a_caret and b_caret):
                    return -1 if a_caret else 1
                i, j = i + 1, j + 1
                continue
            if i >= len(a) or j >= len(b):
                break
            numeric = a[i].isdigit()
            pick = str.isdigit if numeric else str.isalpha
            start_a, start_b = i, j
            while i < len(a) and a[i].isascii() and pick(a[i]):
                i += 1
            while j < len(b) and b[j].isascii() and pick(b[j]):
                j += 1
            run_a, run_b = a[start_a:i], b[start_b:j]
            if not run_b:
                return 1 if numeric else -1
            if numeric:
                run_a, run_b = run_a.lstrip("0"), run_b.lstrip("0")
                if len(run_a) != len(run_b):
                    return 1 if len(run_a) > len(run_b) else -1
            if run_a != run_b:
                return 1 if run_a > run_b else -1
        if i >= len(a) and j >= len(b):
            return 0
        return -1 if i >= len(a) else 1

    def compare(self, a, b):
        ea, va, ra = self._split_evr(a)
        eb, vb, rb = self._split_evr(b)
        if ea != eb:
            return 1 if ea > eb else -1
        order = self._segments_compare(va, vb)
        if order != 0:
            return order
        return self._segments_compare(ra, rb)


# --- Alpine: apk-tools' version rules, re-implemented (no apk on this machine). --------------------------


class ApkReimplemented(Comparator):
    """apk-tools ordering for `digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]`: the first number
    compares numerically, later dotted numbers too unless either starts with 0 (then as strings); a letter
    by character; suffixes alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p; when one version
    runs out of tokens first it is the older one, unless the other continues with a pre-release suffix."""

    kind = "re-implemented"
    label = "apk-tools version ordering, re-implemented in Python"
    _SUFFIXES = {"alpha": 0, "beta": 1, "pre": 2, "rc": 3, "cvs": 5, "svn": 6, "git": 7, "hg": 8, "p": 9}
    _NO_SUFFIX = 4
    # token kinds, in the order the format allows them to follow each other
    FIRST, DIGITS, LETTER, SUFFIX, SUFFIX_NUMBER, HASH, REVISION, END = range(8)

    def _tokens(self, text):
        match = re.match(r"\d+", text)
        if not match:
            raise Incomparable(f"{text!r} is not an apk version")
        tokens = [(self.FIRST, match.group(), int(match.group()))]
        rest = text[match.end():]
        previous = self.FIRST
        while rest:
            head = rest[0]
            if "a" <= head <= "z" and previous <= self.DIGITS:
                tokens.append((self.LETTER, head, ord(head)))
                rest = rest[1:]
            elif (head == "." and previous <= self.DIGITS) or (head.isdigit() and previous in (self.DIGITS, self.SUFFIX)):
                if head == ".":
                    rest = rest[1:]
                digits = re.match(r"\d+", rest)
                if not digits:
                    raise Incomparable(f"{text!r} is not an apk version")
                kind = self.SUFFIX_NUMBER if previous == self.SUFFIX else self.DIGITS
                tokens.append((kind, digits.group(), int(digits.group())))
                rest = rest[digits.end():]
            elif head == "_" and previous <= self.SUFFIX_NUMBER:
                name = re.match(r"[a-z]*", rest[1:]).group()
                if name not in self._SUFFIXES:
                    raise Incomparable(f"{text!r}: unknown apk suffix _{name}")
                tokens.append((self.SUFFIX, name, self._SUFFIXES[name]))
                rest = rest[1 + len(name):]
            elif head == "~" and previous < self.HASH:
                digits = re.match(r"[0-9a-fA-F]+", rest[1:])
                if not digits:
                    raise Incomparable(f"{text!r} is not an apk version")
                tokens.append((self.HASH, digits.group(), digits.group()))
                rest = rest[1 + digits.end():]
            elif rest.startswith("-r") and previous < self.REVISION:
                digits = re.match(r"\d+", rest[2:])
                if not digits:
                    raise Incomparable(f"{text!r} is not an apk version")
                tokens.append((self.REVISION, digits.group(), int(digits.group())))
                rest = rest[2 + digits.end():]
            else:
                raise Incomparable(f"{text!r} is not an apk version")
            previous = tokens[-1][0]
        tokens.append((self.END, "", 0))
        return tokens

    def compare(self, a, b):
        left, right = self._tokens(a), self._tokens(b)
        for (kind_a, text_a, value_a), (kind_b, text_b, value_b) in zip(left, right):
            if kind_a != kind_b:
                if kind_a == self.SUFFIX and value_a < self._NO_SUFFIX:
                    return -1
                if kind_b == self.SUFFIX and value_b < self._NO_SUFFIX:
                    return 1
                return -1 if kind_a > kind_b else 1
            if kind_a == self.END:
                return 0
            if kind_a == self.DIGITS and (text_a.startswith("0") or text_b.startswith("0")):
                value_a, value_b = text_a, text_b
            elif kind_a == self.HASH:
                value_a, value_b = text_a, text_b
            if value_a != value_b:
                return -1 if value_a < value_b else 1
        return 0


# --- RubyGems: Gem::Version, re-implemented (no Ruby on this machine). ------------------------------------


class GemVersionReimplemented(Comparator):
    """Gem::Version#<=> as RubyGems documents it: a `-` means `.pre.`; the version splits into runs of
    digits and of letters; trailing zeros are dropped from the numeric part and from the part after the
    first letter run; segments compare pairwise (missing = 0), numbers numerically, strings by bytes, and
    a string segment sorts before a number (so 1.0.a < 1.0)."""

    kind = "re-implemented"
    label = "RubyGems Gem::Version ordering, re-implemented in Python"
    _VALID = re.compile(r"^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$")

    def _canonical(self, text):
        if not self._VALID.match(text):
            raise Incomparable(f"{text!r} is not a RubyGems version")
        text = text.strip() or "0"
        text = text.replace("-", ".pre.")
        segments = [int(run) if run.isdigit() else run for run in re.findall(r"[0-9]+|[a-zA-Z]+", text)]
        first_string = next((index for index, s in enumerate(segments) if isinstance(s, str)), len(segments))

        def trimmed(part):
            while part and part[-1] == 0:
                part = part[:-1]
            return part

        return trimmed(segments[:first_string]) + trimmed(segments[first_string:])

    def compare(self, a, b):
        left, right = self._canonical(a), self._canonical(b)
        for index in range(max(len(left), len(right))):
            x = left[index] if index < len(left) else 0
            y = right[index] if index < len(right) else 0
            if x == y:
                continue
            if isinstance(x, str) and not isinstance(y, str):
                return -1
            if not isinstance(x, str) and isinstance(y, str):
                return 1
            return -1 if x < y else 1
        return 0


# --- NuGet: NuGet.Versioning's ordering, re-implemented. -------------------------------------------------


class NuGetReimplemented(Comparator):
    """NuGetVersion ordering: up to four numeric parts (missing = 0, leading zeros ignored), then a stable
    version above any prerelease; prerelease labels compare part by part, numbers numerically and below
    text, text case-insensitively, a shorter label list first; build metadata is ignored."""

    kind = "re-implemented"
    label = "NuGet.Versioning ordering, re-implemented in Python"
    _PATTERN = re.compile(r"^(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$")

    def _key(self, text):
        match = self._PATTERN.match(text.strip())
        if not match:
            raise Incomparable(f"{text!r} is not a NuGet version")
        numbers = [int(part) for part in match.group(1).split(".")]
        numbers += [0] * (4 - len(numbers))
        labels = match.group(2).split(".") if match.group(2) else []
        return numbers, labels

    def compare(self, a, b):
        (numbers_a, labels_a), (numbers_b, labels_b) = self._key(a), self._key(b)
        if numbers_a != numbers_b:
            return -1 if numbers_a < numbers_b else 1
        if not labels_a or not labels_b:
            return (not labels_a) - (not labels_b)
        for x, y in zip(labels_a, labels_b):
            if x.isdigit() and y.isdigit():
                if int(x) != int(y):
                    return -1 if int(x) < int(y) else 1
            elif x.isdigit() or y.isdigit():
                return -1 if x.isdigit() else 1
            elif x.lower() != y.lower():
                return -1 if x.lower() < y.lower() else 1
        return (len(labels_a) > len(labels_b)) - (len(labels_a) < len(labels_b))


# --- Packagist: Composer's normalisation followed by PHP's version_compare, re-implemented. --------------


class ComposerReimplemented(Comparator):
    """Composer normalises a version (`v` prefix dropped, four numeric parts, stability names expanded:
    a→alpha, b→beta, rc→RC, p/pl→patch) and orders normalised versions with PHP's version_compare: the
    string is cut at every digit/letter change and at `.-_+`; numbers compare numerically; words rank
    dev < alpha = a < beta = b < RC = rc < (a number) < pl = p (by prefix), other words below dev."""

    kind = "re-implemented"
    label = "Composer VersionParser + PHP version_compare, re-implemented in Python"
    _NORMAL = re.compile(
        r"^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?"
        r"(?:[._-]?(stable|beta|b|RC|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?$",
        re.IGNORECASE,
    )
    _STABILITY = {"a": "alpha", "b": "beta", "p": "patch", "pl": "patch", "rc": "RC"}
    _FORMS = [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4),
              ("pl", 5), ("p", 5)]

    def normalize(self, text):
        text = text.strip()
        if text.lower().startswith("dev-") or text.lower().endswith("-dev") and not self._NORMAL.match(text):
            raise Incomparable(f"{text!r} is a Composer branch, not an ordered version")
        match = self._NORMAL.match(text)
        if not match:
            raise Incomparable(f"{text!r} is not a Composer version")
        numbers = [match.group(1)] + [(group or ".0")[1:] for group in match.group(2, 3, 4)]
        normal = ".".join(numbers)
        stability, digits, dev = match.group(5), match.group(6), match.group(7)
        if stability and stability.lower() != "stable":
            expanded = self._STABILITY.get(stability.lower(), stability.lower())
            normal += "-" + expanded + (digits or "").lstrip(".-")
        if dev:
            normal += "-dev"
        return normal

    @staticmethod
    def _canonical(text):
        pieces, current, previous_kind = [], "", None
        for char in text:
            if char in ".-_+":
                if current:
                    pieces.append(current)
                current, previous_kind = "", None
                continue
            kind = "digit" if char.isdigit() else "other"
            if previous_kind is not None and kind != previous_kind and current:
                pieces.append(current)
                current = ""
            current += char
            previous_kind = kind
        if current:
            pieces.append(current)
        return pieces

    def _form(self, piece):
        for name, rank in self._FORMS:
            if piece.startswith(name):
                return rank
        return -6

    def _piece_compare(self, x, y):
        if x.isdigit() and y.isdigit():
            return (int(x) > int(y)) - (int(x) < int(y))
        rank_x = self._form("#") if x.isdigit() else self._form(x)
        rank_y = self._form("#") if y.isdigit() else self._form(y)
        return (rank_x > rank_y) - (rank_x < rank_y)

    def compare(self, a, b):
        left, right = self._canonical(self.normalize(a)), self._canonical(self.normalize(b))
        for x, y in zip(left, right):
            order = self._piece_compare(x, y)
            if order:
                return order
        if len(left) == len(right):
            return 0
        if len(left) > len(right):
            rest = left[len(right)]
            return 1 if rest.isdigit() else self._piece_compare(rest, "#")
        rest = right[len(left)]
        return -1 if rest.isdigit() else -self._piece_compare(rest, "#")
