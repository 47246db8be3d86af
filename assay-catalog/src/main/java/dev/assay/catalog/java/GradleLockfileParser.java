package dev.assay.catalog.java;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.Component;
import dev.assay.model.Scope;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Gradle dependency lockfiles: one {@code group:artifact:version=configuration,...} line per resolved
 * module. The configurations decide the scope: only {@code test*} configurations, annotation processors
 * or the build script's own {@code classpath} (a {@code buildscript-gradle.lockfile}) mean the module
 * never ships, so {@link Scope#EXCLUDED}; compile-only means it is provided at run time, so {@link
 * Scope#OPTIONAL} (as for Maven's {@code provided}); anything on a runtime classpath is required.
 */
final class GradleLockfileParser {
    /** Maven's own rule for group and artifact ids; versions are printable ASCII without separators. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private static final Pattern VERSION = Pattern.compile("[\\x21-\\x7E&&[^:=,]]+");

    private GradleLockfileParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        boolean buildscript = input.location().path().endsWith("buildscript-gradle.lockfile");
        String source = buildscript ? "buildscript-gradle.lockfile" : "gradle.lockfile";
        List<Component> components = new ArrayList<>();
        int malformed = 0;
        int firstMalformed = 0;
        String[] lines = input.text().split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                continue;
            }
            int equals = line.indexOf('=');
            String[] coordinates = (equals < 0 ? line : line.substring(0, equals)).split(":", -1);
            if (equals < 0
                    || coordinates.length != 3
                    || !ID.matcher(coordinates[0]).matches()
                    || !ID.matcher(coordinates[1]).matches()
                    || !VERSION.matcher(coordinates[2]).matches()) {
                if (malformed++ == 0) {
                    firstMalformed = index + 1;
                }
                continue;
            }
            List<String> configurations = Arrays.stream(
                            line.substring(equals + 1).split(","))
                    .map(String::strip)
                    .filter(configuration -> !configuration.isEmpty())
                    .toList();
            components.add(input.component(
                            MavenCoordinates.of(coordinates[0], coordinates[1], coordinates[2])
                                    .purl(),
                            source)
                    .scope(buildscript ? Scope.EXCLUDED : scope(configurations))
                    .property("assay:gradle-configurations", String.join(",", configurations))
                    .build());
        }
        List<Unknown> unknowns = malformed == 0
                ? List.of()
                : List.of(new Unknown(
                        input.location(),
                        input.catalogerId(),
                        malformed + " malformed line(s), first at line " + firstMalformed
                                + " (expected group:artifact:version=configurations)"));
        return new CatalogResult(components, List.of(), unknowns);
    }

    static Scope scope(List<String> configurations) {
        boolean compileOnly = false;
        boolean buildOnly = !configurations.isEmpty();
        for (String configuration : configurations) {
            String lower = configuration.toLowerCase(Locale.ROOT);
            if (lower.startsWith("test") || lower.contains("annotationprocessor") || lower.startsWith("kapt")) {
                continue;
            }
            buildOnly = false;
            if (lower.endsWith("compileclasspath")) {
                compileOnly = true;
            } else {
                return Scope.REQUIRED;
            }
        }
        if (buildOnly) {
            return Scope.EXCLUDED;
        }
        return compileOnly ? Scope.OPTIONAL : Scope.REQUIRED;
    }
}
