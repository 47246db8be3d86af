package dev.assay.catalog.python;

import dev.assay.catalog.spi.CatalogContext;
import dev.assay.catalog.spi.CatalogResult;
import dev.assay.catalog.spi.CatalogTag;
import dev.assay.catalog.spi.Cataloger;
import dev.assay.catalog.spi.FileResolver;
import dev.assay.catalog.spi.ParseInput;
import dev.assay.catalog.spi.PathPattern;
import dev.assay.model.AssayException;
import dev.assay.model.Component;
import dev.assay.model.Location;
import dev.assay.model.Purl;
import dev.assay.model.Relationship;
import dev.assay.model.UnableToParseException;
import dev.assay.model.Unknown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages installed in a Python environment, from their core metadata: {@code *.dist-info/METADATA}
 * (wheels, pip), {@code *.egg-info/PKG-INFO} and {@code *.egg-info} files (setuptools, distro packages).
 * Edges come from {@code Requires-Dist} (and an egg's {@code requires.txt}) and link only packages
 * installed in the same directory: two virtual environments in one image are two separate graphs, and a
 * requirement that is not installed is not an edge. {@code RECORD} is not needed.
 *
 * <p>Not a {@link dev.assay.catalog.spi.GenericCataloger}: edges need every package of a site-packages
 * directory at once, while a generic parser sees one file.
 */
final class InstalledPackagesCataloger implements Cataloger {
    static final String ID = "python-installed-cataloger";
    private static final Logger LOG = LoggerFactory.getLogger(InstalledPackagesCataloger.class);
    private static final PathPattern METADATA_FILES =
            PathPattern.anyOf("**/*.dist-info/METADATA", "**/*.egg-info/PKG-INFO", "**/*.egg-info");

    /** A License field longer than this, or spanning lines, is the license text, not its name. */
    private static final int MAX_LICENSE_NAME = 128;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<CatalogTag> tags() {
        return EnumSet.of(CatalogTag.ECOSYSTEM_PYTHON, CatalogTag.INSTALLED, CatalogTag.DIRECTORY, CatalogTag.IMAGE);
    }

    private record Installed(Component component, String environment, List<String> requirements) {}

    @Override
    public CatalogResult catalog(CatalogContext context, FileResolver files) {
        List<Installed> installed = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        for (Location location : files.files(METADATA_FILES)) {
            ParseInput input = new ParseInput(ID, location, files, context);
            try {
                installed.add(read(input));
            } catch (AssayException e) {
                unknowns.add(new Unknown(location, ID, e.getMessage()));
            } catch (IOException | UncheckedIOException e) {
                unknowns.add(new Unknown(location, ID, "cannot read: " + e.getMessage()));
            } catch (RuntimeException e) {
                LOG.debug("{} failed on {}", ID, location, e);
                unknowns.add(new Unknown(
                        location,
                        ID,
                        "could not be parsed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            }
        }
        Map<String, Map<String, Purl>> byEnvironment = new HashMap<>();
        for (Installed entry : installed) {
            byEnvironment
                    .computeIfAbsent(entry.environment(), key -> new HashMap<>())
                    .putIfAbsent(
                            PypiPackages.normalize(entry.component().name()),
                            entry.component().purl());
        }
        TreeSet<Relationship> relationships = new TreeSet<>();
        for (Installed entry : installed) {
            Map<String, Purl> neighbours = byEnvironment.get(entry.environment());
            for (String requirement : entry.requirements()) {
                PythonRequirement.parse(requirement)
                        .map(parsed -> neighbours.get(parsed.normalizedName()))
                        .filter(target -> !target.equals(entry.component().purl()))
                        .ifPresent(target -> relationships.add(
                                Relationship.dependsOn(entry.component().purl(), target)));
            }
        }
        List<Component> components =
                installed.stream().map(Installed::component).toList();
        return new CatalogResult(components, List.copyOf(relationships), unknowns);
    }

    private static Installed read(ParseInput input) throws IOException {
        String path = input.location().path();
        CoreMetadata metadata = CoreMetadata.parse(new String(input.bytes(), StandardCharsets.UTF_8));
        String name = metadata.first("Name");
        String version = metadata.first("Version");
        if (!PypiPackages.isValidName(name) || version.isBlank() || version.length() > 128 || version.contains("\n")) {
            throw new UnableToParseException(
                    path + " is not Python package metadata: no valid Name and Version header", path);
        }
        String metadataFile = path.endsWith("/METADATA") ? "METADATA" : "PKG-INFO";
        Component.Builder builder = input.component(PypiPackages.purl(name, version), metadataFile + " Version")
                .name(name)
                .version(version);
        licenses(metadata).forEach(builder::license);
        builder.property("assay:metadata-version", metadata.first("Metadata-Version"));

        String metadataDirectory = path.endsWith(".egg-info") ? path : parent(path);
        List<String> requirements = new ArrayList<>(metadata.all("Requires-Dist"));
        requirements.addAll(metadata.all("Requires"));
        if (metadataDirectory.endsWith(".egg-info") && !path.endsWith(".egg-info")) {
            requirements.addAll(eggRequirements(input, metadataDirectory + "/requires.txt"));
        }
        return new Installed(builder.build(), parent(metadataDirectory), requirements);
    }

    /**
     * The declared license: {@code License-Expression} (SPDX, metadata 2.4) when present, else a short
     * {@code License} field, else the license classifiers, mapped to SPDX ids where the mapping is exact.
     */
    static List<String> licenses(CoreMetadata metadata) {
        String expression = metadata.first("License-Expression");
        if (!expression.isBlank()) {
            return List.of(expression.strip());
        }
        String license = metadata.first("License").strip();
        if (!license.isEmpty()
                && !license.contains("\n")
                && license.length() <= MAX_LICENSE_NAME
                && !license.equalsIgnoreCase("UNKNOWN")) {
            return List.of(license);
        }
        List<String> licenses = new ArrayList<>();
        for (String classifier : metadata.all("Classifier")) {
            if (classifier.startsWith("License ::")) {
                String last =
                        classifier.substring(classifier.lastIndexOf("::") + 2).strip();
                if (!last.equals("OSI Approved") && !last.isEmpty()) {
                    licenses.add(LicenseClassifiers.spdxId(last).orElse(last));
                }
            }
        }
        return licenses;
    }

    /** An egg's {@code requires.txt}: requirement lines, with {@code [extra]} section headers between them. */
    private static List<String> eggRequirements(ParseInput input, String requiresPath) {
        Optional<Location> requires = input.files().resolve(requiresPath);
        if (requires.isEmpty()) {
            return List.of();
        }
        try {
            List<String> requirements = new ArrayList<>();
            for (String line : new String(input.bytesOf(requires.get()), StandardCharsets.UTF_8).split("\r?\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("[") && !stripped.startsWith("#")) {
                    requirements.add(stripped);
                }
            }
            return requirements;
        } catch (IOException | AssayException e) {
            // The package is still installed; only its edges are lost.
            LOG.debug("cannot read {}", requiresPath, e);
            return List.of();
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
