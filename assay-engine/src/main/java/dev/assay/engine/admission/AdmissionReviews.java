package dev.assay.engine.admission;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.JsonErrors;
import dev.assay.policy.admission.AdmissionInput;
import dev.assay.policy.admission.JsonPatchOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads AdmissionReview {@code admission.k8s.io/v1} requests and writes the responses, as the API server
 * sends and expects them. Requests are untrusted: nesting depth and string lengths are bounded, duplicate
 * keys and trailing content are rejected (the API server never sends them, and a parser that picked
 * another duplicate than Kubernetes would judge another object than it stores), and every field is
 * type-checked with an error naming it.
 */
public final class AdmissionReviews {
    public static final String API_VERSION = "admission.k8s.io/v1";
    public static final String KIND = "AdmissionReview";

    /** Kubernetes objects nest a few dozen levels; far deeper is an attack on the parser, not a pod. */
    static final int MAX_NESTING_DEPTH = 128;

    private static final Pattern UID = Pattern.compile("[\\p{Graph}]{1,128}");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(100)
                    .maxStringLength(16 * 1024 * 1024)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AdmissionReviews() {}

    /**
     * The request of an AdmissionReview.
     *
     * @param source how the input is named in errors ({@code request body}, a file name)
     * @throws InvalidInputException when it is not JSON, not an AdmissionReview v1 request, or a field has
     *     the wrong type
     */
    public static AdmissionInput read(byte[] body, String source) {
        return request(parse(body, source), source);
    }

    /** Parses JSON with the request's bounds, without interpreting it. */
    public static Object parse(byte[] body, String source) {
        if (body.length == 0) {
            throw new InvalidInputException(source + " is empty: expected an AdmissionReview", source);
        }
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(source + " exceeds a JSON limit: " + e.getOriginalMessage(), source);
        } catch (JacksonException e) {
            throw new InvalidInputException(source + " is not valid JSON " + JsonErrors.describe(e), source);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source + ": " + e.getMessage(), source, e);
        }
    }

    /** Whether a parsed document claims to be an AdmissionReview (of any version). */
    public static boolean isAdmissionReview(Object document) {
        return document instanceof Map<?, ?> map && KIND.equals(map.get("kind"));
    }

    /** The request of a parsed AdmissionReview. */
    public static AdmissionInput request(Object document, String source) {
        if (!(document instanceof Map<?, ?> review)) {
            throw new InvalidInputException(source + " is not a JSON object: expected an AdmissionReview", source);
        }
        Object kind = review.get("kind");
        Object apiVersion = review.get("apiVersion");
        if (!KIND.equals(kind)) {
            throw new InvalidInputException(
                    source + " is not an AdmissionReview (kind is " + quoted(kind) + ")", source);
        }
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidInputException(
                    source + " is an AdmissionReview of apiVersion " + quoted(apiVersion) + "; only " + API_VERSION
                            + " is supported (set admissionReviewVersions: [\"v1\"] in the webhook configuration)",
                    source);
        }
        Map<?, ?> request = map(review, "request", source, true);
        String uid = string(request, "uid", source, true);
        if (!UID.matcher(uid).matches()) {
            throw new InvalidInputException(
                    source + ": request.uid must be 1 to 128 printable characters without spaces", source);
        }
        Map<?, ?> kindField = map(request, "kind", source, true);
        AdmissionInput.GroupVersionKind gvk = new AdmissionInput.GroupVersionKind(
                string(kindField, "group", source, false),
                string(kindField, "version", source, false),
                string(kindField, "kind", source, true));
        Map<?, ?> resourceField = map(request, "resource", source, false);
        String resource = resourceField == null ? "" : string(resourceField, "resource", source, false);
        Map<?, ?> userInfo = map(request, "userInfo", source, false);
        return new AdmissionInput(
                uid,
                operation(string(request, "operation", source, true), source),
                gvk,
                resource,
                string(request, "subResource", source, false),
                string(request, "namespace", source, false),
                string(request, "name", source, false),
                object(request, "object", source),
                object(request, "oldObject", source),
                userInfo == null ? "" : string(userInfo, "username", source, false),
                userInfo == null ? List.of() : strings(userInfo, "groups", source),
                bool(request, "dryRun", source));
    }

    /** The AdmissionReview response for a decision, as UTF-8 JSON. */
    public static byte[] write(AdmissionDecision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("apiVersion", API_VERSION);
            json.writeStringField("kind", KIND);
            json.writeObjectFieldStart("response");
            json.writeStringField("uid", decision.uid());
            json.writeBooleanField("allowed", decision.allowed());
            if (!decision.allowed()) {
                json.writeObjectFieldStart("status");
                json.writeNumberField("code", AdmissionDecision.DENIED_STATUS_CODE);
                json.writeStringField("reason", "Forbidden");
                json.writeStringField("message", decision.message());
                json.writeEndObject();
            }
            if (!decision.warnings().isEmpty()) {
                json.writeArrayFieldStart("warnings");
                for (String warning : decision.warnings()) {
                    json.writeString(warning);
                }
                json.writeEndArray();
            }
            if (!decision.auditAnnotations().isEmpty()) {
                json.writeObjectFieldStart("auditAnnotations");
                for (Map.Entry<String, String> annotation :
                        decision.auditAnnotations().entrySet()) {
                    json.writeStringField(annotation.getKey(), annotation.getValue());
                }
                json.writeEndObject();
            }
            if (!decision.patch().isEmpty()) {
                json.writeStringField("patchType", "JSONPatch");
                json.writeStringField("patch", Base64.getEncoder().encodeToString(patchJson(decision.patch())));
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A patch as RFC 6902 JSON: {@code value} only for the operations that take one. */
    public static byte[] patchJson(List<JsonPatchOperation> patch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (JsonPatchOperation operation : patch) {
                json.writeStartObject();
                json.writeStringField("op", operation.op());
                json.writeStringField("path", operation.path());
                if (!operation.op().equals("remove")) {
                    json.writeFieldName("value");
                    json.writeObject(operation.value());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static AdmissionInput.Operation operation(String text, String source) {
        for (AdmissionInput.Operation operation : AdmissionInput.Operation.values()) {
            if (operation.name().equals(text)) {
                return operation;
            }
        }
        throw new InvalidInputException(
                source + ": request.operation " + quoted(text) + " is not CREATE, UPDATE, DELETE or CONNECT", source);
    }

    private static Map<?, ?> map(Map<?, ?> parent, String field, String source, boolean required) {
        Object value = parent.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(source + ": " + field + " is missing", source);
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(source + ": " + field + " is not an object", source);
        }
        return map;
    }

    private static String string(Map<?, ?> parent, String field, String source, boolean required) {
        Object value = parent.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidInputException(source + ": " + field + " is missing", source);
            }
            return "";
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(source + ": " + field + " is not a string", source);
        }
        if (required && text.isEmpty()) {
            throw new InvalidInputException(source + ": " + field + " is empty", source);
        }
        return text;
    }

    private static List<String> strings(Map<?, ?> parent, String field, String source) {
        Object value = parent.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException(source + ": " + field + " is not a list", source);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new InvalidInputException(source + ": " + field + " holds a value that is not a string", source);
            }
            strings.add(text);
        }
        return strings;
    }

    private static boolean bool(Map<?, ?> parent, String field, String source) {
        Object value = parent.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new InvalidInputException(source + ": " + field + " is not a boolean", source);
        }
        return flag;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> parent, String field, String source) {
        Object value = parent.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidInputException(source + ": request." + field + " is not an object", source);
        }
        // Parsed JSON objects always have string keys.
        return (Map<String, Object>) value;
    }

    private static String quoted(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = Messages.bounded(String.valueOf(value), 64);
        return "'" + text + "'";
    }
}
