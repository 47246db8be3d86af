package dev.assay.catalog.javascript;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.Relationship;
import dev.assay.model.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Views of a catalog result that make JavaScript cataloger assertions short and exact. */
final class JavaScriptTesting {
    private JavaScriptTesting() {}

    /** Every dependsOn edge as {@code from -> to}, sorted. */
    static List<String> edges(CatalogResult result) {
        return result.relationships().stream()
                .map(JavaScriptTesting::edge)
                .sorted()
                .toList();
    }

    static String edge(Relationship relationship) {
        return relationship.from() + " -> " + relationship.to();
    }

    static Map<String, Scope> scopes(CatalogResult result) {
        return result.components().stream().collect(Collectors.toMap(Component::bomRef, Component::scope));
    }

    static Component component(CatalogResult result, String purl) {
        return result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no component " + purl + " among " + result.components().size()));
    }

    static String digestHex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path directory, String relativePath, String content) {
        return write(directory, relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String relativePath, byte[] content) {
        try {
            Path file = directory.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
