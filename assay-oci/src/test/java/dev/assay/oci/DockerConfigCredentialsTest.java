package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
    @TempDir
    Path temp;

    private static String auth(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lookup_dockerHubUnderItsLegacyKey_isFoundForDockerIo() throws IOException {
        Path config = Files.writeString(
                temp.resolve("config.json"),
                "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("hub:pw:with:colons") + "\"},"
                        + "\"ghcr.io\":{\"username\":\"gh\",\"password\":\"token\"}}}");

        assertThat(DockerConfigCredentials.lookup(config, "docker.io"))
                .contains(new RegistryCredentials("hub", "pw:with:colons"));
        assertThat(DockerConfigCredentials.lookup(config, "ghcr.io")).contains(new RegistryCredentials("gh", "token"));
        assertThat(DockerConfigCredentials.lookup(config, "quay.io")).isEmpty();
    }

    @Test
    void lookup_brokenOrMissingConfig_isEmpty() throws IOException {
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"auths\":{\"x\":{\"auth\":\"%%%\"}}");

        assertThat(DockerConfigCredentials.lookup(broken, "x")).isEmpty();
        assertThat(DockerConfigCredentials.lookup(temp.resolve("absent.json"), "x"))
                .isEmpty();
        assertThat(DockerConfigCredentials.lookup(null, "x")).isEmpty();
    }

    @Test
    void credentials_toString_neverShowsThePassword() {
        assertThat(new RegistryCredentials("alice", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(RegistryClientOptions.defaults()
                        .withCredentials(new RegistryCredentials("alice", "hunter2"))
                        .toString())
                .doesNotContain("hunter2");
    }

    /** A docker-credential-NAME script in its own bin directory, answering with {@code body}. */
    private Path helper(String name, String body) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin-" + name));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    @Test
    void lookup_credHelperForTheRegistry_isAskedWithTheServerUrlOnStdin() throws IOException {
        // The helper echoes the server URL it was asked for into the user name, proving the protocol.
        Path bin = helper(
                "ecr",
                "read url; printf '{\"ServerURL\":\"%s\",\"Username\":\"AWS-%s\",\"Secret\":\"s3cret\"}' \"$url\" \"$url\"");
        Path config = Files.writeString(
                temp.resolve("config.json"),
                "{\"auths\":{\"123.dkr.ecr.eu-west-1.amazonaws.com\":{\"auth\":\"" + auth("static:pw") + "\"}},"
                        + "\"credHelpers\":{\"123.dkr.ecr.eu-west-1.amazonaws.com\":\"ecr\"}}");

        assertThat(DockerConfigCredentials.lookup(
                        config, "123.dkr.ecr.eu-west-1.amazonaws.com", bin.toString(), Duration.ofSeconds(10)))
                .as("a registry's own helper wins over a static entry, as in docker")
                .contains(new RegistryCredentials("AWS-123.dkr.ecr.eu-west-1.amazonaws.com", "s3cret"));
    }

    @Test
    void lookup_credsStore_answersForRegistriesWithoutAnEntry_dockerHubUnderItsLegacyUrl() throws IOException {
        Path bin = helper(
                "desktop",
                "read url; [ \"$url\" = https://index.docker.io/v1/ ] || exit 1; "
                        + "echo '{\"Username\":\"hub\",\"Secret\":\"pat\"}'");
        Path config = Files.writeString(temp.resolve("config.json"), "{\"credsStore\":\"desktop\"}");

        assertThat(DockerConfigCredentials.lookup(config, "docker.io", bin.toString(), Duration.ofSeconds(10)))
                .contains(new RegistryCredentials("hub", "pat"));
        assertThat(DockerConfigCredentials.lookup(config, "ghcr.io", bin.toString(), Duration.ofSeconds(10)))
                .as("the helper exits 1: credentials not found")
                .isEmpty();
    }

    @Test
    void lookup_helperMissingHangingGarbageOrIdentityToken_isEmptyNeverAnError() throws IOException {
        Path hanging = helper("hang", "sleep 30");
        Path garbage = helper("garbage", "echo 'not json'");
        Path identity = helper("identity", "echo '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'");
        Path config = Files.writeString(
                temp.resolve("config.json"),
                "{\"credHelpers\":{\"r.example\":\"hang\","
                        + "\"g.example\":\"garbage\",\"i.example\":\"identity\",\"m.example\":\"missing\","
                        + "\"x.example\":\"../../bin/sh\"}}");
        String path =
                String.join(java.io.File.pathSeparator, hanging.toString(), garbage.toString(), identity.toString());

        long started = System.nanoTime();
        assertThat(DockerConfigCredentials.lookup(config, "r.example", path, Duration.ofMillis(500)))
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(DockerConfigCredentials.lookup(config, "g.example", path, Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(DockerConfigCredentials.lookup(config, "i.example", path, Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(DockerConfigCredentials.lookup(config, "m.example", path, Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(DockerConfigCredentials.lookup(config, "x.example", path, Duration.ofSeconds(10)))
                .as("a helper name with a path is never run")
                .isEmpty();
    }
}
