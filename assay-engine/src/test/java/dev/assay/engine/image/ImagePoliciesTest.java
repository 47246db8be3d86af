package dev.assay.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.InvalidInputException;
import dev.assay.oci.LocalRegistry;
import dev.assay.sign.keys.KeyAlgorithm;
import dev.assay.sign.keys.KeyPairs;
import dev.assay.sign.keys.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading image policies: broken trust material is a load error naming the policy's file, line and field. */
class ImagePoliciesTest {
    @TempDir
    Path directory;

    private ImagePolicyRuntime runtime;

    @BeforeEach
    void newRuntime() {
        runtime = new ImagePolicyRuntime(LocalRegistry.clientOptions(), Clock.systemUTC(), 10, Optional.empty());
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    private static String policy(String name, String spec) {
        return "apiVersion: assay.dev/v1\nkind: ImagePolicy\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
    }

    private ImagePolicies.Loaded parse(String spec) {
        return ImagePolicies.parse(
                policy("p", spec), directory.resolve("p.yaml").toString(), runtime);
    }

    @Test
    void parse_missingKeyFile_namesTheAuthorityLine() {
        assertThatThrownBy(() -> parse("  signatures:\n    anyOf:\n      - key: {file: missing.pub}\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(
                        directory.resolve("p.yaml") + ":8: spec.signatures.anyOf[0]: cannot read the key" + " file "
                                + directory.resolve("missing.pub"));
    }

    @Test
    void parse_inlinePemThatIsNoKey_isALoadError() {
        String spec = "  signatures:\n    anyOf:\n      - key:\n          pem: |\n"
                + "            -----BEGIN PUBLIC KEY-----\n            bm90IGEga2V5\n            -----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> parse(spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(directory.resolve("p.yaml") + ":8: spec.signatures.anyOf[0]: ");
    }

    @Test
    void parse_missingTrustedRoot_isALoadError() {
        String spec = "  signatures:\n    anyOf:\n      - keyless:\n          issuer: https://issuer\n"
                + "          subject: me@example.com\n          trustedRoot: nowhere.json\n";

        assertThatThrownBy(() -> parse(spec))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(directory.resolve("p.yaml") + ":8: spec.signatures.anyOf[0]: the trusted root "
                        + directory.resolve("nowhere.json") + " does not exist");
    }

    @Test
    void parse_scanWithoutAScanner_isALoadError() {
        assertThatThrownBy(() -> parse("  vulnerabilities:\n    maxSeverity: critical\n    scan: true\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spec.vulnerabilities.scan is true, but no advisory database is configured");
    }

    @Test
    void parse_buildersWithLevels_load() throws Exception {
        Files.writeString(
                directory.resolve("k.pub"),
                PublicKeys.encode(KeyPairs.generate(KeyAlgorithm.ED25519).getPublic()));
        String spec = "  provenance:\n    builders:\n      https://builder.example: 3\n    minBuildLevel: 3\n"
                + "    signedBy:\n      - key: {file: k.pub}\n";

        assertThat(parse(spec).policies())
                .singleElement()
                .satisfies(policy -> assertThat(policy.name()).isEqualTo("p"));
    }

    @Test
    void parse_mutateDigest_addsAMutator() {
        ImagePolicies.Loaded loaded = parse("  mutateDigest: true\n");

        assertThat(loaded.policies()).hasSize(1);
        assertThat(loaded.mutators())
                .singleElement()
                .satisfies(mutator -> assertThat(mutator.name()).isEqualTo("p"));
        assertThat(parse("  requireDigest: true\n").mutators()).isEmpty();
    }

    @Test
    void load_directory_takesImagePoliciesAndLeavesOtherAssayKinds() throws Exception {
        Files.writeString(
                directory.resolve("a.yaml"),
                policy("first", "  requireDigest: true\n") + "---\n" + policy("second", "  mutateDigest: true\n"),
                StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve("b.yml"),
                "apiVersion: assay.dev/v1\nkind: Policy\nmetadata:\n  name: cel\nspec: {}\n",
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("notes.txt"), "not a policy", StandardCharsets.UTF_8);

        ImagePolicies.Loaded loaded = ImagePolicies.load(directory, runtime);

        assertThat(loaded.policies()).extracting(ImageSupplyChainPolicy::name).containsExactly("first", "second");
        assertThat(loaded.mutators()).extracting(ImageDigestMutator::name).containsExactly("second");
    }

    @Test
    void load_singleFileWithoutImagePolicies_isAnError() throws Exception {
        Path file = Files.writeString(
                directory.resolve("cel.yaml"),
                "apiVersion: assay.dev/v1\nkind: Policy\nmetadata:\n  name: cel\nspec: {}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImagePolicies.load(file, runtime))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + " contains no ImagePolicy document");
    }

    @Test
    void load_missingFile_isAnError() {
        assertThatThrownBy(() -> ImagePolicies.load(directory.resolve("absent.yaml"), runtime))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cannot read the policy " + directory.resolve("absent.yaml"));
    }
}
