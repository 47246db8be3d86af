package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Uploads a SARIF report to an Assay server as the policy results of a project version ({@code POST
 * /api/v1/projects/{project}/versions/{version}/policy-results}), through {@link ServerUpload}. The
 * version must exist on the server: its SBOM is uploaded first.
 */
final class PolicyResultUploader {
    private PolicyResultUploader() {}

    /** Uploads and confirms on {@code err} (unless quiet), like {@link SbomUploader#uploadAndReport}. */
    static void uploadAndReport(ServerUpload.Target target, byte[] sarif, GlobalOptions options, Terminal terminal) {
        JsonNode answer = ServerUpload.post(target, path(target), "application/sarif+json", sarif, "the SARIF report");
        if (!options.quiet) {
            terminal.err()
                    .println("assay: uploaded to " + target.url() + " as " + target.project() + "@" + target.version()
                            + ": " + answer.path("results").asLong() + " policy results");
        }
    }

    static String path(ServerUpload.Target target) {
        return "/api/v1/projects/" + ServerUpload.segment(target.project()) + "/versions/"
                + ServerUpload.segment(target.version()) + "/policy-results";
    }
}
