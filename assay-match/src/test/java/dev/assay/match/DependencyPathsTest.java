package dev.assay.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Sbom;
import dev.assay.model.SbomMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DependencyPathsTest {
    private static final Purl SUBJECT = Purl.parse("pkg:generic/scanned-dir");
    private static final Purl APP = Purl.parse("pkg:npm/my-app@1.0.0");
    private static final Purl EXPRESS = Purl.parse("pkg:npm/express@4.17.1");
    private static final Purl QS = Purl.parse("pkg:npm/qs@6.7.0");
    private static final Purl BODY_PARSER = Purl.parse("pkg:npm/body-parser@1.19.0");

    static Sbom sbom(Purl subject, List<Component> components, List<Relationship> relationships) {
        Component subjectComponent = subject == null
                ? null
                : Component.builder(subject).kind(ComponentKind.FILE).build();
        SbomMetadata metadata =
                new SbomMetadata("urn:uuid:1", Instant.EPOCH, subjectComponent, List.of(), null, new TreeMap<>());
        return new Sbom(metadata, components, relationships, List.of());
    }

    private static Component library(Purl purl) {
        return Component.builder(purl).build();
    }

    private static Sbom lockfileInventory() {
        List<Component> components = List.of(
                Component.builder(APP).kind(ComponentKind.APPLICATION).build(),
                library(EXPRESS),
                library(BODY_PARSER),
                library(QS));
        List<Relationship> edges = new ArrayList<>(List.of(
                Relationship.dependsOn(SUBJECT, APP),
                Relationship.dependsOn(APP, EXPRESS),
                Relationship.dependsOn(EXPRESS, BODY_PARSER),
                Relationship.dependsOn(BODY_PARSER, QS),
                Relationship.dependsOn(EXPRESS, QS)));
        return sbom(SUBJECT, components, edges);
    }

    @Test
    void pathTo_dependencyOfTheProjectRoot_isDirect() {
        DependencyPaths paths = DependencyPaths.of(lockfileInventory());

        assertThat(paths.pathTo(EXPRESS)).containsExactly(EXPRESS);
    }

    @Test
    void pathTo_transitiveDependency_isTheShortestPathFromADirectOne() {
        DependencyPaths paths = DependencyPaths.of(lockfileInventory());

        assertThat(paths.pathTo(QS)).containsExactly(EXPRESS, QS);
        assertThat(paths.pathTo(BODY_PARSER)).containsExactly(EXPRESS, BODY_PARSER);
    }

    @Test
    void pathTo_projectRootItself_isItsOwnPath() {
        assertThat(DependencyPaths.of(lockfileInventory()).pathTo(APP)).containsExactly(APP);
    }

    @Test
    void pathTo_libraryTheSubjectDependsOn_isDirect() {
        Sbom rootfs = sbom(
                SUBJECT,
                List.of(library(EXPRESS), library(QS)),
                List.of(Relationship.dependsOn(SUBJECT, EXPRESS), Relationship.dependsOn(EXPRESS, QS)));

        DependencyPaths paths = DependencyPaths.of(rootfs);

        assertThat(paths.pathTo(EXPRESS)).containsExactly(EXPRESS);
        assertThat(paths.pathTo(QS)).containsExactly(EXPRESS, QS);
    }

    @Test
    void pathTo_withoutSubject_componentsNothingDependsOnAreRoots() {
        Sbom noSubject = sbom(
                null,
                List.of(Component.builder(APP).kind(ComponentKind.APPLICATION).build(), library(EXPRESS), library(QS)),
                List.of(Relationship.dependsOn(APP, EXPRESS), Relationship.dependsOn(EXPRESS, QS)));

        DependencyPaths paths = DependencyPaths.of(noSubject);

        assertThat(paths.pathTo(APP)).containsExactly(APP);
        assertThat(paths.pathTo(EXPRESS)).containsExactly(EXPRESS);
        assertThat(paths.pathTo(QS)).containsExactly(EXPRESS, QS);
    }

    @Test
    void pathTo_noGraph_isEmpty() {
        Sbom flat = sbom(SUBJECT, List.of(library(EXPRESS), library(QS)), List.of());

        DependencyPaths paths = DependencyPaths.of(flat);

        assertThat(paths.hasGraph()).isFalse();
        assertThat(paths.pathTo(QS)).isEmpty();
    }

    @Test
    void pathTo_containsEdgesOnly_isNotADependencyGraph() {
        Sbom packaged = sbom(SUBJECT, List.of(library(EXPRESS)), List.of(Relationship.contains(SUBJECT, EXPRESS)));

        assertThat(DependencyPaths.of(packaged).pathTo(EXPRESS)).isEmpty();
    }

    @Test
    void pathTo_cycleNoRootLeadsInto_isEmptyNotGuessed() {
        Sbom cyclic = sbom(
                SUBJECT,
                List.of(library(EXPRESS), library(QS), library(BODY_PARSER)),
                List.of(
                        Relationship.dependsOn(SUBJECT, BODY_PARSER),
                        Relationship.dependsOn(EXPRESS, QS),
                        Relationship.dependsOn(QS, EXPRESS)));

        DependencyPaths paths = DependencyPaths.of(cyclic);

        assertThat(paths.pathTo(QS)).isEmpty();
        assertThat(paths.pathTo(BODY_PARSER)).containsExactly(BODY_PARSER);
    }

    @Test
    void pathTo_cycleBelowARoot_terminatesWithTheShortestPath() {
        Sbom cyclic = sbom(
                SUBJECT,
                List.of(library(EXPRESS), library(QS)),
                List.of(
                        Relationship.dependsOn(SUBJECT, EXPRESS),
                        Relationship.dependsOn(EXPRESS, QS),
                        Relationship.dependsOn(QS, EXPRESS)));

        assertThat(DependencyPaths.of(cyclic).pathTo(QS)).containsExactly(EXPRESS, QS);
    }
}
