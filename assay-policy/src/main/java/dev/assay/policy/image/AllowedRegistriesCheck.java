package dev.assay.policy.image;

import dev.assay.oci.ImageReference;
import dev.assay.policy.Check;
import dev.assay.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Images only from allowed registries. An entry without {@code /} is a glob over the registry host
 * ({@code ghcr.io}, {@code *.acme.dev}, {@code 127.0.0.1:5000}); an entry with one is a repository prefix
 * ({@code ghcr.io/acme} allows {@code ghcr.io/acme/app} and {@code ghcr.io/acme/team/app}, not {@code
 * ghcr.io/acme-evil/app}). Images on Docker Hub have the registry {@code docker.io}, also when the reference
 * names none ({@code nginx} is {@code docker.io/library/nginx}).
 */
public final class AllowedRegistriesCheck implements Check<PodImages> {
    public static final String ID = "image-allowed-registries";

    private final List<String> entries;
    private final List<ImageGlob> hosts = new ArrayList<>();
    private final List<ImageGlob> prefixes = new ArrayList<>();

    public AllowedRegistriesCheck(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String entry : entries) {
            String trimmed = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
            if (trimmed.contains("/")) {
                prefixes.add(ImageGlob.of(trimmed));
                prefixes.add(ImageGlob.of(trimmed + "/**"));
            } else {
                hosts.add(ImageGlob.of(trimmed.equals("index.docker.io") ? ImageReference.DOCKER_HUB : trimmed));
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Violation> check(PodImages input) {
        List<Violation> violations = new ArrayList<>();
        for (ImageField field : input.images()) {
            if (field.reference().isEmpty()) {
                continue; // ValidReferenceCheck reports it
            }
            ImageReference reference = field.reference().get();
            if (!allowed(reference)) {
                violations.add(new Violation(
                        ID,
                        field.describe() + " at " + field.pointer() + " comes from registry "
                                + ImageField.printable(reference.registry()) + ", which is not among the allowed "
                                + entries));
            }
        }
        return violations;
    }

    private boolean allowed(ImageReference reference) {
        return hosts.stream().anyMatch(host -> host.matches(reference.registry()))
                || prefixes.stream().anyMatch(prefix -> prefix.matches(reference.repositoryUrl()));
    }
}
