package dev.assay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The policies an admission decision applies, shared by {@code assay server} and {@code assay server
 * review} so that the webhook and its offline reproduction are configured with the same flags.
 */
final class AdmissionPolicyOptions {
    @Option(
            names = "--pss",
            paramLabel = "LEVEL",
            description = "Enforce a Pod Security Standards level: baseline or restricted. Pods that break it are "
                    + "denied; workloads whose pod template breaks it are admitted with a warning.")
    String pss;

    @Option(
            names = "--pss-version",
            paramLabel = "VERSION",
            defaultValue = "latest",
            description = "Pod Security policy version v1.N or latest (default: ${DEFAULT-VALUE}).")
    String pssVersion;

    @Option(
            names = "--pss-enforce-workloads",
            description = "Deny workloads (Deployment, Job, ...) whose pod template breaks the level, instead of "
                    + "warning.")
    boolean pssEnforceWorkloads;

    @Option(
            names = "--policy",
            paramLabel = "FILE_OR_DIR",
            description = "Load policy documents from a YAML or JSON file, or from the .yaml, .yml and .json files "
                    + "of a directory (repeatable).")
    List<Path> policies = new ArrayList<>();

    /** How ImagePolicy checks reach registries (signatures, provenance, tag resolution). */
    @Mixin
    RegistryFlags registry = new RegistryFlags();

    /** Where ImagePolicy's {@code vulnerabilities.scan: true} finds advisories (opened on first use). */
    @Mixin
    DatabaseOption database = new DatabaseOption();
}
