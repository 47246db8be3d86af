package dev.assay.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --upload URL --project P --project-version V}: send the result to a portfolio server as well: the
 * SBOM ({@code assay sbom}, {@code assay scan}) or the SARIF policy results ({@code assay scan k8s}).
 */
final class UploadOptions {
    static final String KEY_VARIABLE = "ASSAY_API_KEY";

    @Option(
            names = "--upload",
            paramLabel = "URL",
            description = "Also upload to an Assay server (https://assay.example.com): the SBOM, or with scan k8s"
                    + " the SARIF results; needs --project, --project-version and an API key with the upload scope.")
    String url;

    @Option(names = "--project", paramLabel = "NAME", description = "Project to upload to (with --upload).")
    String project;

    @Option(
            names = "--project-version",
            paramLabel = "VERSION",
            description = "Project version the upload is about (with --upload).")
    String version;

    @Option(
            names = "--project-tag",
            paramLabel = "TAG",
            description = "Tag to add to the version, e.g. prod (with --upload of an SBOM; repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "API key for --upload (default: $ASSAY_API_KEY, which keeps it out of the process list).")
    String apiKey;

    /** The upload to make, or null when none was asked for. */
    ServerUpload.Target target(Map<String, String> environment) {
        if (url == null) {
            if (project != null || version != null || !tags.isEmpty() || apiKey != null) {
                throw new UsageException("--project, --project-version, --project-tag and --api-key need --upload URL");
            }
            return null;
        }
        if (project == null || project.isBlank() || version == null || version.isBlank()) {
            throw new UsageException("--upload needs --project NAME and --project-version VERSION");
        }
        String key = apiKey != null ? apiKey : environment.get(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new UsageException("--upload needs an API key: --api-key KEY or $" + KEY_VARIABLE);
        }
        return new ServerUpload.Target(url, project, version, List.copyOf(tags), key.strip());
    }
}
