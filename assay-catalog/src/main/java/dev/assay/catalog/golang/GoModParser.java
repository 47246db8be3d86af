package dev.assay.catalog.golang;

import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@code go.mod} into the main module (an application) and the modules it requires, after its
 * replace and exclude directives are applied. A {@code go.sum} next to it adds {@code h1:} sums.
 */
final class GoModParser {
    static final String VERSION_SOURCE = "go.mod";

    private GoModParser() {}

    static CatalogResult parse(ParseInput input) throws IOException {
        GoModFile mod = GoModFile.parse(input.text());
        List<Component> components = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        GoSum sum = siblingGoSum(input, unknowns);
        for (String problem : mod.problems()) {
            unknowns.add(new Unknown(input.location(), input.catalogerId(), "go.mod: " + problem));
        }

        Purl main = null;
        if (!mod.modulePath().isEmpty()) {
            main = GoModules.purl(mod.modulePath(), "");
            components.add(input.component(main, VERSION_SOURCE)
                    .kind(ComponentKind.APPLICATION)
                    .group(GoModules.group(mod.modulePath()))
                    .name(GoModules.name(mod.modulePath()))
                    .property("assay:go-module-path", mod.modulePath())
                    .property("assay:go-version", mod.goVersion())
                    .property("assay:go-toolchain", mod.toolchain())
                    .build());
        } else if (mod.problems().isEmpty()) {
            unknowns.add(new Unknown(input.location(), input.catalogerId(), "go.mod has no module directive"));
        }

        for (GoModFile.Require require : mod.requires()) {
            if (isExcluded(mod, require)) {
                continue;
            }
            Optional<GoModFile.Replace> replace = replacementOf(mod, require);
            if (replace.isPresent() && replace.get().local()) {
                // A local directory is part of this source tree, not a module anyone can look up.
                continue;
            }
            String path = replace.map(GoModFile.Replace::newPath).orElse(require.path());
            String version = replace.map(GoModFile.Replace::newVersion).orElse(require.version());
            Purl purl = GoModules.purl(path, version);
            Component.Builder component = input.component(
                            purl, replace.isPresent() ? VERSION_SOURCE + " replace" : VERSION_SOURCE)
                    .group(GoModules.group(path))
                    .name(GoModules.name(path))
                    .property("assay:go-module-path", path)
                    .property("assay:go-h1", sum.h1(path, version).orElse(""))
                    .property("assay:go-indirect", require.indirect() ? "true" : "");
            replace.ifPresent(
                    directive -> component.property("assay:go-replaces", require.path() + "@" + require.version()));
            components.add(component.build());
            if (main != null && !require.indirect()) {
                relationships.add(Relationship.dependsOn(main, purl));
            }
        }
        return new CatalogResult(components, relationships, unknowns);
    }

    private static boolean isExcluded(GoModFile mod, GoModFile.Require require) {
        return mod.excludes().stream()
                .anyMatch(excluded -> excluded.path().equals(require.path())
                        && excluded.version().equals(require.version()));
    }

    /** A version-specific replace wins over a path-wide one, as in Go. */
    private static Optional<GoModFile.Replace> replacementOf(GoModFile mod, GoModFile.Require require) {
        Optional<GoModFile.Replace> exact = mod.replaces().stream()
                .filter(replace ->
                        !replace.oldVersion().isEmpty() && replace.appliesTo(require.path(), require.version()))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return mod.replaces().stream()
                .filter(replace ->
                        replace.oldVersion().isEmpty() && replace.appliesTo(require.path(), require.version()))
                .findFirst();
    }

    /** The go.sum next to the go.mod; an unreadable one costs only the sums, not the modules. */
    private static GoSum siblingGoSum(ParseInput input, List<Unknown> unknowns) {
        String path = input.location().path();
        int slash = path.lastIndexOf('/');
        String sumPath = (slash < 0 ? "" : path.substring(0, slash + 1)) + "go.sum";
        Optional<Location> sum = input.files().resolve(sumPath);
        if (sum.isEmpty()) {
            return GoSum.empty();
        }
        try {
            return GoSum.parse(new String(input.bytesOf(sum.get()), StandardCharsets.UTF_8));
        } catch (IOException | AssayException e) {
            unknowns.add(new Unknown(sum.get(), input.catalogerId(), "go.sum not read: " + e.getMessage()));
            return GoSum.empty();
        }
    }
}
