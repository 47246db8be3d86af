package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.testkit.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay sbom} end to end in-process: what lands on stdout, stderr and disk, and the exit code. */
class SbomCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void sbom_lockfileToOutputFile_writesCycloneDxAndNothingOnStdout() throws IOException {
        Path bom = temp.resolve("bom.json");

        CliRun run = CliRun.of("sbom", sample("frontend/package-lock.json"), "-o", bom.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        JsonNode document = JSON.readTree(bom.toFile());
        assertThat(document.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(document.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(purls(document)).contains("pkg:npm/lodash@4.17.15", "pkg:npm/left-pad@1.3.0");
    }

    @Test
    void sbom_withoutOutput_writesTheSbomOnStdoutOnly() throws IOException {
        CliRun run = CliRun.of("sbom", sample(""), "--format", "spdx-json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        JsonNode document = JSON.readTree(run.out());
        assertThat(document.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(run.out()).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void sbom_deterministic_isByteIdenticalAcrossRuns() {
        CliRun first = CliRun.of("sbom", sample(""), "--deterministic");
        CliRun second = CliRun.of("sbom", sample(""), "--deterministic");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
    }

    @Test
    void sbom_unknownFormat_isAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.of("sbom", sample(""), "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("yaml", "cyclonedx-json", "spdx-json");
    }

    @Test
    void sbom_malformedPlatform_isAnInputErrorWithTheExpectedSpelling() {
        CliRun run = CliRun.of("sbom", sample(""), "--platform", "arm64");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("not a platform: arm64", "linux/arm64");
    }

    @Test
    void sbom_hostileFilesInATree_warnsNamingEachFileAndRecordsUnknowns() throws IOException {
        Path tree = temp.resolve("tree");
        write(tree.resolve("app/pom.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><groupId>&xxe;</groupId><artifactId>x</artifactId><version>1</version></project>
                """);
        write(tree.resolve("web/package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a");
        write(tree.resolve("web/pnpm-lock.yaml"), aliasBomb());
        write(tree.resolve("api/requirements.txt"), "requests==2.19.1\n");
        writeZipBomb(tree.resolve("lib/bomb.jar"));
        Path bom = temp.resolve("bom.json");

        CliRun run = CliRun.of("sbom", tree.toString(), "-o", bom.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("app/pom.xml", "web/package-lock.json", "web/pnpm-lock.yaml", "lib/bomb.jar");
        JsonNode document = JSON.readTree(bom.toFile());
        assertThat(purls(document)).contains("pkg:pypi/requests@2.19.1");
        List<String> unknowns = new ArrayList<>();
        document.path("metadata").path("properties").forEach(property -> {
            if (property.path("name").asText().matches("assay:unknown:\\d+")) {
                unknowns.add(property.path("value").asText());
            }
        });
        assertThat(unknowns)
                .hasSize(4)
                .anySatisfy(unknown -> assertThat(unknown).startsWith("lib/bomb.jar"));
        assertThat(run.err()).doesNotContain("root:x:0:0");
    }

    @Test
    void sbom_quiet_hidesWarningsButKeepsTheUnknowns() throws IOException {
        Path tree = temp.resolve("quiet");
        write(tree.resolve("package-lock.json"), "{ truncated");

        CliRun run = CliRun.of("sbom", tree.toString(), "--quiet");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("assay:unknown:1");
    }

    @Test
    void sbom_corruptImageArchive_isUnusableInputExit2() throws IOException {
        Path archive = temp.resolve("image.tar");
        byte[] manifest = "[{\"Config\": \"../../etc/passwd\", \"Layers\": [".getBytes(StandardCharsets.UTF_8);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
            TarArchiveEntry entry = new TarArchiveEntry("manifest.json");
            entry.setSize(manifest.length);
            tar.putArchiveEntry(entry);
            tar.write(manifest);
            tar.closeArchiveEntry();
        }

        CliRun run = CliRun.of("sbom", archive.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("image.tar").doesNotContain("Exception");
    }

    @Test
    void convert_cycloneDxToSpdxAndBack_keepsComponentsAndGraph() throws IOException {
        Path cdx = temp.resolve("bom.json");
        Path spdx = temp.resolve("bom.spdx.json");
        Path back = temp.resolve("back.json");
        assertThat(CliRun.of("sbom", sample(""), "-o", cdx.toString()).exitCode())
                .isZero();

        assertThat(CliRun.of("sbom", "convert", cdx.toString(), "--format", "spdx-json", "-o", spdx.toString())
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("sbom", "convert", spdx.toString(), "--format", "cyclonedx-json", "-o", back.toString())
                        .exitCode())
                .isZero();

        JsonNode original = JSON.readTree(cdx.toFile());
        JsonNode roundTripped = JSON.readTree(back.toFile());
        assertThat(purls(roundTripped)).containsExactlyInAnyOrderElementsOf(purls(original));
        assertThat(edges(roundTripped)).containsExactlyInAnyOrderElementsOf(edges(original));
    }

    @Test
    void convert_notAnSbom_isExit2NamingTheFile() throws IOException {
        Path notSbom = temp.resolve("notes.json");
        Files.writeString(notSbom, "{\"hello\": \"world\"}", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("sbom", "convert", notSbom.toString(), "--format", "spdx-json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("notes.json");
    }

    private static String sample(String relative) {
        return ProjectRoot.require().resolve("samples/webapp").resolve(relative).toString();
    }

    private static List<String> purls(JsonNode document) {
        List<String> purls = new ArrayList<>();
        document.path("components")
                .forEach(component -> purls.add(component.path("purl").asText()));
        return purls;
    }

    private static List<String> edges(JsonNode document) {
        List<String> edges = new ArrayList<>();
        document.path("dependencies")
                .forEach(dependency -> dependency
                        .path("dependsOn")
                        .forEach(target -> edges.add(dependency.path("ref").asText() + " -> " + target.asText())));
        return edges;
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("lockfileVersion: '9.0'\na: &a [x,x,x,x,x,x,x,x,x]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'j'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            yaml.append(("*" + previous + ",").repeat(8))
                    .append('*')
                    .append(previous)
                    .append("]\n");
            previous = level;
        }
        return yaml.toString();
    }

    private static void writeZipBomb(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            byte[] zeros = new byte[1024 * 1024];
            for (int megabyte = 0; megabyte < 300; megabyte++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Files.write(jar, bytes.toByteArray());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
