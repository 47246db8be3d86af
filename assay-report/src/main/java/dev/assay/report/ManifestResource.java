package dev.assay.report;

import java.util.List;
import java.util.Objects;

/**
 * One Kubernetes object of a scanned manifest and what the policies found in it.
 *
 * @param file the file as given or found ({@code deploy/app.yaml}; {@code -} for standard input)
 * @param document the document's position in the file, from 1 (empty documents are not counted)
 * @param item the position in a {@code kind: List} from 1, or 0 when the object is not a list item
 * @param line the line the object starts at, from 1
 * @param source where the object came from before rendering, when the file says so: a Helm {@code # Source:}
 *     template or a Kustomize origin; empty otherwise
 * @param apiVersion the object's apiVersion
 * @param kind the object's kind
 * @param namespace {@code metadata.namespace}; empty when not set
 * @param name {@code metadata.name}; empty when not set
 * @param findings what the policies found, worst first
 */
public record ManifestResource(
        String file,
        int document,
        int item,
        int line,
        String source,
        String apiVersion,
        String kind,
        String namespace,
        String name,
        List<ManifestFinding> findings) {
    public ManifestResource {
        Objects.requireNonNull(file, "file");
        source = source == null ? "" : source;
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = kind == null ? "" : kind;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        findings = findings.stream().sorted(ManifestFinding.ORDER).toList();
    }

    /** {@code Deployment shop/web}, {@code ClusterRole admin}: how people name the object. */
    public String describe() {
        String shown = name.isEmpty() ? "(unnamed)" : name;
        return kind + " " + (namespace.isEmpty() ? shown : namespace + "/" + shown);
    }

    /** {@code deploy/app.yaml:14}, the place an editor jumps to. */
    public String position() {
        return file + ":" + line;
    }

    public ManifestResource withFindings(List<ManifestFinding> changed) {
        return new ManifestResource(file, document, item, line, source, apiVersion, kind, namespace, name, changed);
    }
}
