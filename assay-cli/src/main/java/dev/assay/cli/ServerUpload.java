package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
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
 * One gzip-compressed document POSTed to an Assay server's API (an SBOM, a SARIF report). A refusal (bad
 * key, missing scope, rejected document) is an input error (exit 2); a server that cannot be reached or
 * fails is no verdict (exit 3): nothing was stored and the upload may be retried.
 */
final class ServerUpload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ServerUpload() {}

    /** Where to upload, and as which project version. */
    record Target(String url, String project, String version, List<String> tags, String apiKey) {
        @Override
        public String toString() {
            return "Target[" + url + ", " + project + "@" + version + ", key=***]";
        }
    }

    /**
     * @param path under the server's base URL, e.g. {@code /api/v1/sboms?project=p}; already encoded
     * @param what the document in messages ("the SBOM", "the SARIF report")
     * @return the server's JSON answer to a 200 or 201
     */
    static JsonNode post(Target target, String path, String contentType, byte[] document, String what) {
        URI uri = uri(base(target.url()) + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + target.apiKey())
                .header("Content-Type", contentType)
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(document)))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NoVerdictException(
                    "cannot upload " + what + " to " + target.url() + ": " + describe(e),
                    target.url(),
                    "check that the server runs and the URL is right, then retry",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoVerdictException("interrupted while uploading " + what, target.url(), null, e);
        }
        int status = response.statusCode();
        String message = errorMessage(response.body());
        String where = target.project() + "@" + target.version();
        if (status == 200 || status == 201) {
            return parse(response.body());
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
                    "the server rejected " + what + " for " + where + " (" + status + ": " + message + ")",
                    target.url(),
                    status == 404 ? "--upload takes the server's base URL, e.g. https://assay.example.com" : null,
                    null);
        }
        throw new NoVerdictException(
                "the server failed to store " + what + " for " + where + " (" + status + ": " + message + ")",
                target.url(),
                "nothing was stored; retry later",
                null);
    }

    /** The server's base URL without trailing slashes; a URL that already names an API path is cut to it. */
    static String base(String url) {
        String base = url.strip();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new UsageException("--upload takes an http:// or https:// URL, not '" + base + "'");
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        // Users paste the endpoint they read about; the client adds it itself.
        int api = base.indexOf("/api/v1/");
        if (api >= 0 || base.endsWith("/api/v1")) {
            base = base.substring(0, api >= 0 ? api : base.length() - "/api/v1".length());
        }
        return base;
    }

    /** A query parameter's value. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: percent-encoded, with a space as %20 (URLEncoder's + means a plus in a path). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--upload URL is malformed: " + e.getMessage());
        }
    }

    private static byte[] gzip(byte[] document) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(document);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
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
