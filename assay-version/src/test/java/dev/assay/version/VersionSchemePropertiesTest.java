package dev.assay.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Every scheme is a total order over the versions it accepts: reflexive, antisymmetric, transitive and
 * consistent with {@link VersionScheme#equivalent}. Versions are generated in each ecosystem's realistic
 * shapes, plus rarer and stranger ones, and every generated version must be valid for its scheme. Besides
 * triples, each property sorts a list and checks every pair against the sorted order, which catches
 * intransitive comparators that triples rarely hit.
 */
class VersionSchemePropertiesTest {

    @Property(tries = 250)
    void maven_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("maven") String> versions) {
        assertTotalOrder(VersionSchemes.maven(), versions);
    }

    @Property(tries = 200)
    void maven_arbitraryStrings_isTotalOrder(
            @ForAll @Size(min = 3, max = 8) List<@From("mavenAnything") String> versions) {
        assertTotalOrder(VersionSchemes.maven(), versions);
    }

    @Property(tries = 1000)
    void maven_realisticVersions_agreeWithComparableVersion(
            @ForAll("mavenRealistic") String left, @ForAll("mavenRealistic") String right) {
        int expected = Integer.signum(new ComparableVersion(left).compareTo(new ComparableVersion(right)));
        assertThat(Integer.signum(VersionSchemes.maven().compare(left, right)))
                .as("%s vs %s", left, right)
                .isEqualTo(expected);
    }

    @Property(tries = 250)
    void semver_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("semver") String> versions) {
        assertTotalOrder(VersionSchemes.semver(), versions);
    }

    @Property(tries = 250)
    void go_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("go") String> versions) {
        assertTotalOrder(VersionSchemes.go(), versions);
    }

    @Property(tries = 250)
    void pep440_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("pep440") String> versions) {
        assertTotalOrder(VersionSchemes.pep440(), versions);
    }

    @Property(tries = 250)
    void pep440_normalizedForm_isEquivalentAndStable(@ForAll("pep440") String version) {
        Pep440VersionScheme pep440 = VersionSchemes.pep440();
        String normalized = pep440.normalize(version);
        assertThat(pep440.equivalent(version, normalized)).isTrue();
        assertThat(pep440.normalize(normalized)).isEqualTo(normalized);
    }

    @Property(tries = 250)
    void deb_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("deb") String> versions) {
        assertTotalOrder(VersionSchemes.deb(), versions);
    }

    @Property(tries = 250)
    void rpm_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("rpm") String> versions) {
        assertTotalOrder(VersionSchemes.rpm(), versions);
    }

    @Property(tries = 250)
    void apk_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("apk") String> versions) {
        assertTotalOrder(VersionSchemes.apk(), versions);
    }

    @Property(tries = 250)
    void gem_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("gem") String> versions) {
        assertTotalOrder(VersionSchemes.gem(), versions);
    }

    @Property(tries = 250)
    void nuget_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("nuget") String> versions) {
        assertTotalOrder(VersionSchemes.nuget(), versions);
    }

    @Property(tries = 250)
    void composer_isTotalOrder(@ForAll @Size(min = 3, max = 8) List<@From("composer") String> versions) {
        assertTotalOrder(VersionSchemes.composer(), versions);
    }

    @Property(tries = 200)
    void composer_normalizedForm_isEquivalentAndStable(@ForAll("composer") String version) {
        ComposerVersionScheme composer = VersionSchemes.composer();
        String normalized = composer.normalize(version);
        assertThat(composer.equivalent(version, normalized)).isTrue();
        assertThat(composer.normalize(normalized)).isEqualTo(normalized);
    }

    /**
     * Reflexive, antisymmetric, transitive over every triple, equivalence substitutable, and agreement of
     * every pair with the order a stable sort produced.
     */
    static void assertTotalOrder(VersionScheme scheme, List<String> versions) {
        for (String version : versions) {
            assertThat(scheme.isValid(version))
                    .as("%s accepts generated %s", scheme.id(), version)
                    .isTrue();
            assertThat(scheme.compare(version, version))
                    .as("%s reflexive on %s", scheme.id(), version)
                    .isZero();
        }
        for (String a : versions) {
            for (String b : versions) {
                int ab = scheme.compare(a, b);
                assertThat(Integer.signum(ab))
                        .as("%s antisymmetric on %s, %s", scheme.id(), a, b)
                        .isEqualTo(-Integer.signum(scheme.compare(b, a)));
                assertThat(scheme.equivalent(a, b)).isEqualTo(ab == 0);
                for (String c : versions) {
                    int bc = scheme.compare(b, c);
                    int ac = scheme.compare(a, c);
                    if (ab <= 0 && bc <= 0) {
                        assertThat(ac)
                                .as("%s transitive: %s <= %s <= %s", scheme.id(), a, b, c)
                                .isNotPositive();
                    }
                    if (ab == 0) {
                        assertThat(Integer.signum(ac))
                                .as("%s substitutable: %s == %s against %s", scheme.id(), a, b, c)
                                .isEqualTo(Integer.signum(bc));
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(scheme::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(scheme.compare(sorted.get(i), sorted.get(j)))
                        .as("%s sorted %s before %s", scheme.id(), sorted.get(i), sorted.get(j))
                        .isNotPositive();
            }
        }
    }

    // ---- generators ----

    private static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 12).map(String::valueOf)),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.integers().between(0, 30000).map(String::valueOf)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .numeric()
                                .ofMinLength(19)
                                .ofMaxLength(40)
                                .map(digits -> "1" + digits)));
    }

    private static Arbitrary<String> dotted(int min, int max) {
        return number().list().ofMinSize(min).ofMaxSize(max).map(parts -> String.join(".", parts));
    }

    private static Arbitrary<String> join(Arbitrary<List<String>> parts) {
        return parts.map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> maven() {
        Arbitrary<String> qualifier = Arbitraries.of(
                "alpha",
                "beta",
                "milestone",
                "rc",
                "cr",
                "snapshot",
                "SNAPSHOT",
                "ga",
                "final",
                "Final",
                "release",
                "RELEASE",
                "sp",
                "a",
                "b",
                "m",
                "M",
                "RC",
                "foo",
                "v",
                "redhat",
                "jre",
                "android",
                "");
        Arbitrary<String> token = Arbitraries.oneOf(
                number(),
                qualifier,
                number(),
                Combinators.combine(qualifier, number()).as(String::concat));
        Arbitrary<String> separator = Arbitraries.of(".", "-", "", ".", "-");
        Arbitrary<String> version = Combinators.combine(
                        token,
                        Combinators.combine(separator, token)
                                .as(String::concat)
                                .list()
                                .ofMaxSize(6))
                .as((first, rest) -> first + String.join("", rest))
                .filter(text -> !text.isBlank());
        return version;
    }

    @Provide
    Arbitrary<String> mavenAnything() {
        return Arbitraries.strings()
                .withChars("0123456789.-abcfgilmnprstx_")
                .ofMinLength(1)
                .ofMaxLength(14)
                .filter(text -> !text.isBlank());
    }

    /**
     * Versions as projects publish them. A qualifier after a dot only ever ends the version here: where a
     * dotted qualifier is followed by more ({@code 1.0.alpha.1}) ComparableVersion contradicts itself
     * ({@code 1.0.alpha.1 < 1 < 1-1 < 1.0.alpha.1}), and the class documentation says which way this scheme
     * resolves it.
     */
    @Provide
    Arbitrary<String> mavenRealistic() {
        Arbitrary<String> qualifier = Arbitraries.of(
                "alpha",
                "beta",
                "milestone",
                "rc",
                "cr",
                "SNAPSHOT",
                "GA",
                "Final",
                "RELEASE",
                "sp",
                "a",
                "b",
                "M",
                "RC",
                "CR",
                "SP",
                "v",
                "redhat",
                "jre");
        Arbitrary<String> dottedSuffix = Arbitraries.oneOf(
                qualifier.map(q -> "." + q),
                Combinators.combine(qualifier, number()).as((q, n) -> "." + q + n));
        Arbitrary<String> hyphenSuffix = Arbitraries.oneOf(
                qualifier.map(q -> "-" + q),
                Combinators.combine(qualifier, number()).as((q, n) -> "-" + q + n),
                Combinators.combine(qualifier, Arbitraries.of(".", "-"), number())
                        .as((q, t, n) -> "-" + q + t + n));
        Arbitrary<String> build = Arbitraries.oneOf(Arbitraries.just(""), number().map(n -> "-" + n));
        return Arbitraries.oneOf(
                Combinators.combine(dotted(1, 4), build).as(String::concat),
                Combinators.combine(dotted(1, 4), dottedSuffix).as(String::concat),
                Combinators.combine(dotted(1, 4), hyphenSuffix, build).as((n, q, b) -> n + q + b));
    }

    private static Arbitrary<String> semverCore() {
        return Combinators.combine(number(), number(), number()).as((a, b, c) -> a + "." + b + "." + c);
    }

    private static Arbitrary<String> prereleaseIdentifiers() {
        Arbitrary<String> identifier =
                Arbitraries.of("alpha", "beta", "rc", "0", "1", "2", "10", "x-y", "alpha1", "Beta", "pre", "-");
        return identifier.list().ofMinSize(1).ofMaxSize(3).map(ids -> String.join(".", ids));
    }

    @Provide
    Arbitrary<String> semver() {
        Arbitrary<String> prerelease =
                Arbitraries.oneOf(Arbitraries.just(""), prereleaseIdentifiers().map(ids -> "-" + ids));
        Arbitrary<String> build = Arbitraries.of("", "", "+build.1", "+001", "+sha.5114f85");
        return Combinators.combine(Arbitraries.of("", "", "v"), semverCore(), prerelease, build)
                .as((v, core, pre, meta) -> v + core + pre + meta);
    }

    @Provide
    Arbitrary<String> go() {
        Arbitrary<String> timestamp =
                Arbitraries.longs().between(20180101000000L, 20251231235959L).map(String::valueOf);
        Arbitrary<String> hash =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(12);
        Arbitrary<String> pseudo = Combinators.combine(
                        semverCore(), Arbitraries.of("", "0.", "pre.0."), timestamp, hash)
                .as((core, base, time, commit) -> core + "-" + base + time + "-" + commit);
        Arbitrary<String> plain = Combinators.combine(
                        semverCore(),
                        Arbitraries.oneOf(
                                Arbitraries.just(""), prereleaseIdentifiers().map(ids -> "-" + ids)))
                .as(String::concat);
        Arbitrary<String> shorthand = Arbitraries.oneOf(
                number(), Combinators.combine(number(), number()).as((a, b) -> a + "." + b));
        return Combinators.combine(
                        Arbitraries.of("v", "v", ""),
                        Arbitraries.oneOf(plain, pseudo, shorthand),
                        Arbitraries.of("", "", "+incompatible"))
                .as((v, version, incompatible) ->
                        v + version + (version.chars().filter(c -> c == '.').count() >= 2 ? incompatible : ""));
    }

    @Provide
    Arbitrary<String> pep440() {
        Arbitrary<String> separator = Arbitraries.of("", ".", "-", "_");
        Arbitrary<String> optionalNumber = Arbitraries.oneOf(Arbitraries.just(""), number());
        Arbitrary<String> pre = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(
                                separator,
                                Arbitraries.of("a", "b", "rc", "c", "alpha", "beta", "pre", "preview", "RC"),
                                separator,
                                number())
                        .as((s, l, t, n) -> s + l + t + n),
                Combinators.combine(separator, Arbitraries.of("a", "b", "rc")).as(String::concat));
        Arbitrary<String> post = Arbitraries.oneOf(
                Arbitraries.just(""),
                number().map(n -> "-" + n),
                Combinators.combine(
                                Arbitraries.of(".", "-", "_", ""), Arbitraries.of("post", "rev", "r"), optionalNumber)
                        .as((s, l, n) -> s + l + n));
        Arbitrary<String> dev = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(Arbitraries.of(".", "-", ""), optionalNumber)
                        .as((s, n) -> s + "dev" + n));
        Arbitrary<String> local = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of("ubuntu1", "abc", "1", "2", "abc.5", "5", "deb10u1", "cpu", "cu118")
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(segments -> "+" + String.join(".", segments)));
        Arbitrary<String> epoch = Arbitraries.of("", "", "", "1!", "2!");
        return Combinators.combine(Arbitraries.of("", "", "v"), epoch, dotted(1, 4), pre, post, dev, local)
                .as((v, e, release, p, q, d, l) -> v + e + release + p + q + d + l);
    }

    @Provide
    Arbitrary<String> deb() {
        Arbitrary<String> upstream = Combinators.combine(
                        number(),
                        join(Arbitraries.of(".", "+", "~", "a", "b", "z", "dfsg", "~rc", "+ds", "1", "0", "12", "~~")
                                .list()
                                .ofMaxSize(5)))
                .as(String::concat);
        Arbitrary<String> revision = Arbitraries.oneOf(
                Arbitraries.just(""),
                join(Arbitraries.of("1", "2", "0ubuntu1", "deb11u2", "+b1", "~bpo10+1", ".1", "build1", "~")
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3))
                        .filter(text -> !text.isEmpty())
                        .map(text -> "-" + text));
        return Combinators.combine(Arbitraries.of("", "", "1:", "2:", "0:"), upstream, revision)
                .as((epoch, version, rev) -> epoch + version + rev);
    }

    @Provide
    Arbitrary<String> rpm() {
        Arbitrary<String> version = join(Arbitraries.of(
                                "1", "2", "10", "0", "001", ".", ".", "_", "+", "~", "^", "a", "b", "rc", "git", "p",
                                "el8")
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(7))
                .filter(text -> !text.isEmpty());
        Arbitrary<String> release = Arbitraries.oneOf(
                Arbitraries.just(""),
                join(Arbitraries.of("1", "2", "3", ".el8", ".el9_2", ".fc38", "~", "^", "_", ".1")
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3))
                        .map(text -> "-" + text));
        return Combinators.combine(Arbitraries.of("", "", "0:", "1:"), version, release)
                .as((epoch, v, r) -> epoch + v + r);
    }

    @Provide
    Arbitrary<String> apk() {
        Arbitrary<String> numbers = Arbitraries.oneOf(
                        number(), Arbitraries.of("0", "00", "01", "001", "010", "05", "0015", "002"))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(parts -> String.join(".", parts))
                .filter(text -> !text.startsWith("0") || text.equals("0") || text.startsWith("0."));
        Arbitrary<String> letter = Arbitraries.of("", "", "", "a", "b", "z");
        Arbitrary<String> suffixes = join(Combinators.combine(
                        Arbitraries.of("_alpha", "_beta", "_pre", "_rc", "_cvs", "_svn", "_git", "_hg", "_p"),
                        Arbitraries.oneOf(Arbitraries.just(""), number()))
                .as(String::concat)
                .list()
                .ofMaxSize(2));
        Arbitrary<String> hash = Arbitraries.of("", "", "", "~abc123", "~0f", "~ABC");
        Arbitrary<String> revision = Arbitraries.oneOf(Arbitraries.just(""), number().map(n -> "-r" + n));
        return Combinators.combine(numbers, letter, suffixes, hash, revision).as((n, l, s, h, r) -> n + l + s + h + r);
    }

    @Provide
    Arbitrary<String> gem() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                number(), Arbitraries.of("a", "b", "pre", "rc", "beta", "alpha", "rc1", "a10", "dev", "A", "0a"));
        Arbitrary<String> dotted = Combinators.combine(number(), segment.list().ofMaxSize(4))
                .as((first, rest) -> rest.isEmpty() ? first : first + "." + String.join(".", rest));
        Arbitrary<String> hyphen = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of("beta", "1", "rc.1", "alpha-2", "pre", "0")
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(2)
                        .map(parts -> "-" + String.join(".", parts)));
        return Combinators.combine(dotted, hyphen).as(String::concat);
    }

    @Provide
    Arbitrary<String> nuget() {
        Arbitrary<String> label =
                Arbitraries.of("alpha", "Alpha", "beta", "BETA", "rc", "RC", "1", "2", "10", "preview-1");
        Arbitrary<String> prerelease = Arbitraries.oneOf(
                Arbitraries.just(""), label.list().ofMinSize(1).ofMaxSize(3).map(l -> "-" + String.join(".", l)));
        Arbitrary<String> numbers = Arbitraries.oneOf(dotted(1, 4), Arbitraries.of("1.01", "01.0.0", "1.0.0.0"));
        return Combinators.combine(numbers, prerelease, Arbitraries.of("", "", "+sha.1", "+Build"))
                .as((n, p, m) -> n + p + m);
    }

    @Provide
    Arbitrary<String> composer() {
        Arbitrary<String> numbers = Combinators.combine(
                        Arbitraries.integers().between(0, 99999).map(String::valueOf), dotted(0, 3))
                .as((major, rest) -> rest.isEmpty() ? major : major + "." + rest);
        Arbitrary<String> stability = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(
                                Arbitraries.of("-", ".", "_", ""),
                                Arbitraries.of("alpha", "a", "beta", "b", "RC", "rc", "patch", "pl", "p", "stable"),
                                Arbitraries.oneOf(Arbitraries.just(""), number(), number().map(n -> "." + n)))
                        .as((s, word, n) -> s + word + n));
        Arbitrary<String> dev = Arbitraries.of("", "", "", "-dev", ".dev");
        Arbitrary<String> classic = Combinators.combine(Arbitraries.of("", "", "v"), numbers, stability, dev)
                .as((v, n, s, d) -> v + n + s + d);
        Arbitrary<String> branch = Combinators.combine(number(), Arbitraries.of(".x", ".x.x", ".*", ".2.x", ""))
                .as((n, wildcard) -> n + wildcard + "-dev");
        Arbitrary<String> date = Arbitraries.of("20231231", "2023.12.31", "2023-12-31-1", "20240101");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, classic), net.jqwik.api.Tuple.of(1, branch), net.jqwik.api.Tuple.of(1, date));
    }
}
