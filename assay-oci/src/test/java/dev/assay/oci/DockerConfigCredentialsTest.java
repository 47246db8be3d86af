package dev.assay.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
