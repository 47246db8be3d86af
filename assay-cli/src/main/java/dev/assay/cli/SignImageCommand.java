package dev.assay.cli;

import dev.assay.engine.ImageSignatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay sign image REF --key KEY}: a cosign-compatible signature pushed beside the image. */
@Command(
        name = "image",
        mixinStandardHelpOptions = true,
        description = {
            "Sign the image REF names (resolved to its manifest digest) with an encrypted private key and push the",
            "signature as cosign does: a layer of the sha256-<hex>.sig manifest, appended when signed again. With",
            "--bundle-referrer, also push a Sigstore bundle as an OCI 1.1 referrer of the image."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ASSAY_PASSWORD=... assay sign image registry.example/app:1.0 --key cosign.key",
            "  assay sign image 127.0.0.1:5000/app:1.0 --key cosign.key --insecure-registry --bundle-referrer",
            "",
            "Registry credentials: ASSAY_REGISTRY_USERNAME / ASSAY_REGISTRY_PASSWORD, or ~/.docker/config.json."
        })
final class SignImageCommand implements Callable<Integer> {
    @ParentCommand
    SignCommand sign;

    @Parameters(index = "0", paramLabel = "REF", description = "Image reference (tag or digest).")
    String reference;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Encrypted private key (PEM).")
    Path key;

    @Option(names = "--public-key", paramLabel = "PUB", description = "Its public key (default: KEY with .pub).")
    Path publicKey;

    @Option(
            names = "--annotation",
            paramLabel = "KEY=VALUE",
            description = "Add to the signed payload's optional section (repeatable).")
    Map<String, String> annotations = new LinkedHashMap<>();

    @Option(names = "--bundle-referrer", description = "Also push a Sigstore bundle as an OCI 1.1 referrer.")
    boolean bundleReferrer;

    @Mixin
    RegistryFlags registry;

    @Override
    public Integer call() throws IOException {
        SigningKey keys = SigningKey.load(key, publicKey);
        try (ImageSignatures signatures = new ImageSignatures(registry.options())) {
            ImageSignatures.Published published =
                    signatures.sign(reference, keys.privateKey(), keys.publicKey(), annotations, bundleReferrer);
            ImageCommands.reportPublished(sign.parent, "signed", published);
        }
        return ExitCodes.OK;
    }
}
