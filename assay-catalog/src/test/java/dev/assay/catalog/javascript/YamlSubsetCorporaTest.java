package dev.assay.catalog.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.untrusted.BlockYamlSubset;
import dev.assay.model.untrusted.SafeYaml;
import dev.assay.testkit.Corpora;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast reader of plain YAML against the full engine, on every YAML file of the shared corpora (pnpm
 * lockfiles, Kubernetes manifests, workflows, policy fixtures): wherever the fast reader answers, its answer
 * is the engine's.
 */
class YamlSubsetCorporaTest {

    @Test
    void everyCorpusYamlFile_subsetReaderAgreesWithTheEngineOrGivesUp() throws IOException {
        Path root = Corpora.require(".");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        }
        int read = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            Optional<String> text = utf8(file);
            if (text.isEmpty()) {
                continue;
            }
            Optional<Object> fast = BlockYamlSubset.read(text.get());
            if (fast.isEmpty()) {
                continue;
            }
            read++;
            List<Object> engine;
            try {
                engine = SafeYaml.loadAllWithEngine(text.get(), file.toString());
            } catch (RuntimeException invalid) {
                disagreements.add(root.relativize(file) + ": the engine rejects it (" + invalid.getMessage() + ")");
                continue;
            }
            if (engine.size() != 1 || !fast.get().equals(engine.get(0))) {
                disagreements.add(root.relativize(file) + ": different values");
            }
        }
        System.out.printf(
                "YAML subset reader: %d of %d corpus YAML files read without the engine%n", read, files.size());
        assertThat(disagreements).isEmpty();
        assertThat(files).hasSizeGreaterThan(100);
        // Most manifests there have comments or several documents; what matters is that many were compared.
        assertThat(read).as("files read by the subset reader").isGreaterThan(50);
    }

    @Test
    void pnpmLockfilesOfTheCorpora_areReadWithoutTheEngine() throws IOException {
        Path lockfiles = Corpora.require("lockfiles");
        List<Path> pnpm;
        try (Stream<Path> walk = Files.walk(lockfiles)) {
            pnpm = walk.filter(path -> path.getFileName().toString().startsWith("pnpm-lock"))
                    .filter(path -> path.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        List<String> slow = new ArrayList<>();
        for (Path file : pnpm) {
            if (BlockYamlSubset.read(Files.readString(file)).isEmpty()) {
                slow.add(lockfiles.relativize(file).toString());
            }
        }
        System.out.printf(
                "pnpm lockfiles read without the engine: %d of %d; not: %s%n",
                pnpm.size() - slow.size(), pnpm.size(), slow);
        assertThat(pnpm).isNotEmpty();
        // The corrupt fixture and the multi-document one are expected to need the engine.
        assertThat(slow).hasSizeLessThanOrEqualTo(2);
    }

    private static Optional<String> utf8(Path file) throws IOException {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
