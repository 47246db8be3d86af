package dev.assay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.engine.ImageSignatures;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.SafeJson;
import dev.assay.sign.intoto.PredicateTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay attest image REF --predicate FILE --type T --key KEY}, like {@code cosign attest}. */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = {
            "Wrap the JSON predicate in an in-toto Statement v1 about the image REF names (subject: the repository",
            "and the manifest digest), sign it as a DSSE envelope and push it as cosign does (a layer of the",
            "sha256-<hex>.att manifest) and as an OCI 1.1 referrer holding a Sigstore bundle."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay attest image registry.example/app:1.0 --predicate provenance.json --type slsaprovenance"
                    + " --key cosign.key",
            "",
            "Registry credentials: ASSAY_REGISTRY_USERNAME / ASSAY_REGISTRY_PASSWORD, or ~/.docker/config.json."
        })
final class AttestImageCommand implements Callable<Integer> {
    private static final long MAX_PREDICATE_BYTES = 64L * 1024 * 1024;

    @ParentCommand
    AttestCommand attest;

    @Parameters(index = "0", paramLabel = "REF", description = "Image reference (tag or digest).")
    String reference;

    @Option(names = "--predicate", required = true, paramLabel = "FILE", description = "The predicate (JSON).")
    Path predicate;

    @Option(
            names = "--type",
            required = true,
            paramLabel = "TYPE",
            description = "slsaprovenance, slsaprovenance1, slsaprovenance02, cyclonedx, spdx, spdxjson, openvex,"
                    + " vuln, or a predicate type URI.")
    String type;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Encrypted private key (PEM).")
    Path key;

    @Option(names = "--public-key", paramLabel = "PUB", description = "Its public key (default: KEY with .pub).")
    Path publicKey;

    @Mixin
    RegistryFlags registry;

    @Override
    public Integer call() throws IOException {
        PredicateTypes.written(type); // an unknown --type is a usage error before any key or network work
        JsonNode predicateJson = readPredicate();
        SigningKey keys = SigningKey.load(key, publicKey);
        try (ImageSignatures signatures = new ImageSignatures(registry.options())) {
            ImageSignatures.Published published =
                    signatures.attest(reference, type, predicateJson, keys.privateKey(), keys.publicKey());
            ImageCommands.reportPublished(attest.parent, "attested", published);
        }
        return ExitCodes.OK;
    }

    private JsonNode readPredicate() throws IOException {
        if (!Files.isRegularFile(predicate)) {
            throw new InvalidInputException("no such file: " + predicate, predicate.toString());
        }
        if (Files.size(predicate) > MAX_PREDICATE_BYTES) {
            throw new InvalidInputException(predicate + " is too large for a predicate", predicate.toString());
        }
        JsonNode json = SafeJson.read(Files.readAllBytes(predicate), predicate.toString());
        if (!json.isObject()) {
            throw new InvalidInputException(predicate + " is not a JSON object", predicate.toString());
        }
        return json;
    }
}
