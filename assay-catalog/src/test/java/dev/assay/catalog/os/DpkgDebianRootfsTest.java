package dev.assay.catalog.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.CatalogTesting;
import dev.assay.catalog.source.DirectoryFileResolver;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.Distro;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the dpkg cataloger against dpkg itself on a real Debian root filesystem. Runs only when
 * {@code ASSAY_DEBIAN_ROOTFS} names one (build it with {@code bench/make-debian-rootfs.sh}) and
 * {@code dpkg-query} is installed.
 */
class DpkgDebianRootfsTest {

    @Test
    void catalog_realDebianRootfs_matchesDpkgQuery() throws IOException, InterruptedException {
        String configured = System.getenv("ASSAY_DEBIAN_ROOTFS");
        Assumptions.assumeTrue(
                configured != null && !configured.isBlank(),
                "ASSAY_DEBIAN_ROOTFS is not set; build a rootfs with bench/make-debian-rootfs.sh DIR and set it to DIR");
        Path root = Path.of(configured);
        Assumptions.assumeTrue(
                Files.isRegularFile(root.resolve("var/lib/dpkg/status")),
                "ASSAY_DEBIAN_ROOTFS=" + root + " has no var/lib/dpkg/status; skipping");
        List<String> expected = dpkgQuery(root);
        Optional<Distro> distro = OsRelease.detect(DirectoryFileResolver.of(root));

        CatalogResult result = CatalogTesting.catalogRootfs(new DpkgDbCataloger(), root, distro.orElse(null));

        assertThat(result.unknowns()).isEmpty();
        TreeSet<String> actual = new TreeSet<>();
        for (Component component : result.components()) {
            actual.add(
                    component.name() + ":" + component.property("assay:arch").orElse("") + "=" + component.version());
        }
        assertThat(result.components()).hasSameSizeAs(expected);
        assertThat(actual).containsExactlyElementsOf(new TreeSet<>(expected));
        assertThat(result.relationships()).isNotEmpty();
        // Every package of a Debian base system ships a copyright file; most of them are machine-readable.
        long withLicenses = result.components().stream()
                .filter(component -> !component.licenses().isEmpty())
                .count();
        assertThat(withLicenses).isGreaterThan(expected.size() / 2);
    }

    /** The installed packages as dpkg sees them: name:arch=version of every package in the installed state. */
    private static List<String> dpkgQuery(Path root) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(
                            "dpkg-query",
                            "--admindir=" + root.resolve("var/lib/dpkg"),
                            "-W",
                            "-f=${db:Status-Status} ${Package}:${Architecture}=${Version}\\n")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("dpkg-query is not installed: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines()
                .filter(line -> line.startsWith("installed "))
                .map(line -> line.substring("installed ".length()))
                .toList();
    }
}
