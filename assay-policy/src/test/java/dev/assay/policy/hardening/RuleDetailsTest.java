package dev.assay.policy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small decisions inside single checks, case by case. */
class RuleDetailsTest {
    @ParameterizedTest
    @CsvSource({
        "/var/run/docker.sock, /var/run/docker.sock",
        "//var//run/./docker.sock/, /var/run/docker.sock",
        "/var/lib/../run/docker.sock, /var/run/docker.sock",
        "/../../run, /run",
        "'', /",
        "relative/path, /relative/path"
    })
    void normalize_lexically(String path, String expected) {
        assertThat(RuntimeSocketMountCheck.normalize(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "/var/run/docker.sock, true",
        "/run/containerd/containerd.sock, true",
        "/run/k3s/containerd/containerd.sock, true",
        "/var/run/cri-dockerd.sock, true",
        "/var/run/crio, true",
        "/var, true",
        "/, true",
        "/run/containerd, true",
        "/opt/docker.sock, true",
        "/var/log, false",
        "/run/secrets, false",
        "/var/run-other, false",
        "/etc/containerd, false",
        "/var/lib/docker, false"
    })
    void runtimeSocket_reachedByPath(String path, boolean reached) {
        assertThat(RuntimeSocketMountCheck.reaches(path).isPresent()).as(path).isEqualTo(reached);
    }

    @ParameterizedTest
    @CsvSource({
        "DB_PASSWORD, true",
        "PGPASSWORD, true",
        "MYSQL_ROOT_PASSWORD, true",
        "GITHUB_TOKEN, true",
        "REFRESH_TOKEN, true",
        "stripe-api-key, true",
        "APIKEY, true",
        "AWS_SECRET_ACCESS_KEY, true",
        "SECRET_KEY_BASE, true",
        "client.secret, true",
        "SSH_PRIVATE_KEY, true",
        "GOOGLE_APPLICATION_CREDENTIALS_JSON, true",
        "GOOGLE_APPLICATION_CREDENTIALS, true",
        "DB_PASSWORD_FILE, false",
        "TOKEN_URL, false",
        "SECRET_NAME, false",
        "AWS_ACCESS_KEY_ID, false",
        "TOKEN_TTL, false",
        "JWT_TOKEN_ISSUER, false",
        "DB_HOST, false",
        "LOG_LEVEL, false",
        "PATH, false"
    })
    void secretLookingName(String name, boolean secret) {
        assertThat(SecretEnvLiteralCheck.looksSecret(name)).as(name).isEqualTo(secret);
    }

    @ParameterizedTest
    @CsvSource({
        "hunter2, true",
        "'0000', true",
        "'', false",
        "'   ', false",
        "true, false",
        "FALSE, false",
        "$(DB_PASSWORD), false",
        "'$(A) $(B)', false",
        "prefix-$(A), true",
        "/var/secrets/google/key.json, false",
        "/run/secrets/db password, true",
        "C:\\secrets\\key, true"
    })
    void literalSecretValue(String value, boolean literal) {
        assertThat(SecretEnvLiteralCheck.isLiteralSecret(value)).as(value).isEqualTo(literal);
    }
}
