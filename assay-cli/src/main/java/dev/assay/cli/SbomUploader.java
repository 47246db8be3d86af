package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.Sbom;
import dev.assay.sbom.SbomCodecs;
import dev.assay.sbom.SbomFormat;
import dev.assay.sbom.SbomWriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Uploads an SBOM to an Assay server ({@code POST /api/v1/sboms}), as CycloneDX JSON, gzip-compressed. A
 * refusal (bad key, missing scope, rejected document) is an input error (exit 2); a server that cannot be
 * reached or fails is no verdict (exit 3): the upload did not happen and may be retried.
 */
final class SbomUploader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private SbomUploader() {}

    record Target(String url, String project, String version, List<String> tags, String apiKey) {
        @Override
        public String toString() {
            return "Target[" + url + ", " + project + "@" + version + ", key=***]";
        }
    }

    /** What the server answered. */
    record Uploaded(int status, String outcome, int components, long findings) {}

    /**
     * Uploads and confirms on {@code err} (unless quiet): a successful upload is what the user asked for,
     * so it is reported even at the default log level, which shows only warnings.
     */
    static void uploadAndReport(Target target, Sbom sbom, GlobalOptions options, Terminal terminal) {
        Uploaded uploaded = upload(target, sbom);
        if (!options.quiet) {
            terminal.err()
                    .println("assay: uploaded to " + target.url() + " as " + target.project() + "@" + target.version()
                            + ": " + uploaded.outcome() + ", " + uploaded.components() + " components, "
                            + uploaded.findings() + " findings");
        }
    }

    static Uploaded upload(Target target, Sbom sbom) {
        URI uri = endpoint(target);
        byte[] body = gzip(sbom);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + target.apiKey())
                .header("Content-Type", "application/vnd.cyclonedx+json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NoVerdictException(
                    "cannot upload the SBOM to " + target.url() + ": " + describe(e),
                    target.url(),
                    "check that the server runs and the URL is right, then retry",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoVerdictException("interrupted while uploading the SBOM", target.url(), null, e);
        }
        int status = response.statusCode();
        String message = errorMessage(response.body());
        String where = target.project() + "@" + target.version();
        if (status == 200 || status == 201) {
            JsonNode json = parse(response.body());
            Uploaded uploaded = new Uploaded(
                    status,
                    json.path("outcome").asText("?"),
                    json.path("components").asInt(),
                    json.path("findings").asLong());
            return uploaded;
        }
        if (status == 401) {
            throw new InvalidInputException(
                    "the server refused the API key (401: " + message + ")",
                    target.url(),
                    "check --api-key or $" + UploadOptions.KEY_VARIABLE
                            + "; create one with `assay server keys create`",
                    null);
        }
        if (status == 403) {
            throw new InvalidInputException(
                    "the API key may not upload (403: " + message + ")",
                    target.url(),
                    "use a key with the upload scope",
                    null);
        }
        if (status >= 400 && status < 500) {
            throw new InvalidInputException(
                    "the server rejected the SBOM for " + where + " (" + status + ": " + message + ")",
                    target.url(),
                    status == 404 ? "--upload takes the server's base URL, e.g. https://assay.example.com" : null,
                    null);
        }
        throw new NoVerdictException(
                "the server failed to store the SBOM for " + where + " (" + status + ": " + message + ")",
                target.url(),
                "nothing was stored; retry later",
                null);
    }

    static URI endpoint(Target target) {
        String base = target.url().strip();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new UsageException("--upload takes an http:// or https:// URL, not '" + base + "'");
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!base.endsWith("/api/v1/sboms")) {
            base = base + "/api/v1/sboms";
        }
        StringBuilder uri = new StringBuilder(base)
                .append("?project=")
                .append(encode(target.project()))
                .append("&version=")
                .append(encode(target.version()));
        for (String tag : target.tags()) {
            uri.append("&tag=").append(encode(tag));
        }
        try {
            return URI.create(uri.toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--upload URL is malformed: " + e.getMessage());
        }
    }

    private static byte[] gzip(Sbom sbom) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            SbomCodecs.write(sbom, SbomFormat.CYCLONEDX_JSON, new SbomWriteOptions(null, false), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** The API's {@code {"error": ...}}, or the start of whatever else came back (a proxy's HTML page). */
    private static String errorMessage(String body) {
        JsonNode json = parse(body);
        String error = json.path("error").asText("");
        if (error.isEmpty()) {
            error = json.path("message").asText("");
        }
        if (error.isEmpty()) {
            String text = body == null ? "" : body.strip();
            error = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        return error.isEmpty() ? "no message" : error;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException || message == null) {
            return "connection refused or unreachable";
        }
        return message;
    }
}
