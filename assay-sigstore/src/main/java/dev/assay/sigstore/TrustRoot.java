package dev.assay.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.NoVerdictException;
import dev.assay.model.untrusted.SafeJson;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.timestamp.client.TimestampVerifier;
import dev.sigstore.trustroot.SigstoreConfigurationException;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.trustroot.TransparencyLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * The trust material of one Sigstore instance, from its {@code trusted_root.json}: Fulcio CAs, CT logs,
 * transparency logs and timestamp authorities, each with the period it may be trusted for.
 */
public final class TrustRoot {
    static final int MAX_TRUSTED_ROOT_BYTES = 4 * 1024 * 1024;

    private final String name;
    private final SigstoreTrustedRoot trustedRoot;
    private final FulcioVerifier fulcioVerifier;
    private final TimestampVerifier timestampVerifier;

    private TrustRoot(
            String name,
            SigstoreTrustedRoot trustedRoot,
            FulcioVerifier fulcioVerifier,
            TimestampVerifier timestampVerifier) {
        this.name = name;
        this.trustedRoot = trustedRoot;
        this.fulcioVerifier = fulcioVerifier;
        this.timestampVerifier = timestampVerifier;
    }

    /**
     * @throws NoVerdictException when the file is missing or unreadable: without a trust root no verdict
     *     can be given
     * @throws InvalidInputException when the file is not a usable trusted root
     */
    public static TrustRoot load(Path trustedRootJson) {
        String name = trustedRootJson.toString();
        byte[] json;
        try {
            if (Files.size(trustedRootJson) > MAX_TRUSTED_ROOT_BYTES) {
                throw new InputTooLargeException(
                        name + " is larger than " + MAX_TRUSTED_ROOT_BYTES + " bytes; not a trusted root", name);
            }
            json = Files.readAllBytes(trustedRootJson);
        } catch (NoSuchFileException e) {
            throw new NoVerdictException(
                    "trusted root " + name + " does not exist",
                    name,
                    "pass the trusted_root.json of the Sigstore instance that signed the bundle",
                    e);
        } catch (IOException e) {
            throw new NoVerdictException(
                    "cannot read trusted root " + name + ": " + e.getMessage(),
                    name,
                    "pass a readable trusted_root.json",
                    e);
        }
        return parse(json, name);
    }

    /** @throws InvalidInputException when {@code json} is not a usable trusted root */
    public static TrustRoot parse(byte[] json, String name) {
        if (json.length > MAX_TRUSTED_ROOT_BYTES) {
            throw new InputTooLargeException(
                    name + " is larger than " + MAX_TRUSTED_ROOT_BYTES + " bytes; not a trusted root", name);
        }
        checkStructure(SafeJson.read(json, name), name);
        SigstoreTrustedRoot trustedRoot;
        try {
            trustedRoot = SigstoreTrustedRoot.from(new ByteArrayInputStream(json));
        } catch (SigstoreConfigurationException | RuntimeException e) {
            // The protobuf reader reports some malformed values (bad base64, timestamps) as runtime errors.
            throw new InvalidInputException(name + " is not a valid trusted root: " + describe(e), name, e);
        }
        try {
            return new TrustRoot(
                    name,
                    trustedRoot,
                    FulcioVerifier.newFulcioVerifier(trustedRoot),
                    TimestampVerifier.newTimestampVerifier(trustedRoot));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException(
                    name + " holds a key or certificate that cannot be used: " + describe(e), name, e);
        }
    }

    /**
     * What the protobuf reader lets through: a missing {@code validFor.start} reads as the epoch, which
     * would silently widen a key's trust period to all of history. The specification requires the start.
     */
    private static void checkStructure(JsonNode root, String name) {
        JsonPath fields = new JsonPath(name);
        fields.object(root, "(document)");
        String mediaType = fields.text(root.path("mediaType"), "mediaType");
        if (!mediaType.startsWith("application/vnd.dev.sigstore.trustedroot")) {
            throw new InvalidInputException(
                    name + " is not a Sigstore trusted root (media type '" + JsonPath.abbreviate(mediaType) + "')",
                    name);
        }
        for (String logs : List.of("tlogs", "ctlogs")) {
            JsonNode array = fields.array(root.path(logs), logs, 1000);
            for (int i = 0; array.isArray() && i < array.size(); i++) {
                requireStart(array.get(i).path("publicKey").path("validFor"), logs + "[" + i + "].publicKey", fields);
            }
        }
        for (String authorities : List.of("certificateAuthorities", "timestampAuthorities")) {
            JsonNode array = fields.array(root.path(authorities), authorities, 1000);
            for (int i = 0; array.isArray() && i < array.size(); i++) {
                requireStart(array.get(i).path("validFor"), authorities + "[" + i + "]", fields);
            }
        }
    }

    private static void requireStart(JsonNode validFor, String path, JsonPath fields) {
        if (!validFor.path("start").isTextual()) {
            throw fields.invalid(path + ".validFor.start", "is missing; every trusted key needs a validity start");
        }
    }

    /** The innermost cause's message: the outer ones only say which wrapper failed. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    public String name() {
        return name;
    }

    List<TransparencyLog> transparencyLogs() {
        return trustedRoot.getTLogs();
    }

    FulcioVerifier fulcioVerifier() {
        return fulcioVerifier;
    }

    TimestampVerifier timestampVerifier() {
        return timestampVerifier;
    }
}
