package dev.assay.catalog.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.model.Component;
import dev.assay.model.Hash;
import dev.assay.model.Relationship;
import java.util.List;

/** Lookups over a catalog result for the Python cataloger tests. */
final class PythonTestResults {
    private PythonTestResults() {}

    static Component component(CatalogResult result, String purl) {
        List<Component> matches = result.components().stream()
                .filter(component -> component.bomRef().equals(purl))
                .toList();
        assertThat(matches).as("component %s in %s", purl, result.components()).hasSize(1);
        return matches.getFirst();
    }

    static List<String> edges(CatalogResult result) {
        return result.relationships().stream()
                .map(PythonTestResults::edge)
                .sorted()
                .toList();
    }

    static String edge(Relationship relationship) {
        return relationship.from() + " -> " + relationship.to();
    }

    static List<String> hashes(Component component) {
        return component.hashes().stream()
                .map(hash -> hash.algorithm().name() + ":" + hash.hex())
                .toList();
    }

    static List<String> evidencePaths(Component component) {
        return component.evidence().stream()
                .map(evidence -> evidence.location().path())
                .sorted()
                .toList();
    }

    static Hash sha256(String hex) {
        return new Hash(dev.assay.model.HashAlgorithm.SHA256, hex);
    }
}
