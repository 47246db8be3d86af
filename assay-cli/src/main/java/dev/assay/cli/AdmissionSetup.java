package dev.assay.cli;

import dev.assay.engine.RegistryOptions;
import dev.assay.engine.ScanEngine;
import dev.assay.engine.admission.AdmissionController;
import dev.assay.engine.admission.AdmissionPlugins;
import dev.assay.engine.admission.PolicyFiles;
import dev.assay.engine.admission.spi.LoadedPolicies;
import dev.assay.engine.image.ImagePolicyRuntime;
import dev.assay.engine.image.ScanEngineVulnerabilityScanner;
import dev.assay.engine.image.VulnerabilityScanner;
import dev.assay.model.untrusted.Limits;
import dev.assay.policy.admission.AdmissionMutator;
import dev.assay.policy.admission.AdmissionPolicy;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PodSecurityPolicy;
import dev.assay.policy.pss.PolicyVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns the admission flags into the controller that the webhook and its offline reproduction share. */
final class AdmissionSetup {
    private AdmissionSetup() {}

    /**
     * Pod Security first (when {@code --pss} is given), then the policies of every {@code --policy} path in
     * the order given.
     *
     * @throws UsageException when no policy is configured: a webhook that enforces nothing admits everything
     */
    static AdmissionController controller(AdmissionPolicyOptions options, AdmissionPlugins plugins) {
        List<AdmissionPolicy> policies = new ArrayList<>();
        List<AdmissionMutator> mutators = new ArrayList<>();
        if (options.pss != null) {
            policies.add(new PodSecurityPolicy(
                    Level.parse(options.pss), PolicyVersion.parse(options.pssVersion), options.pssEnforceWorkloads));
        } else if (options.pssEnforceWorkloads || !"latest".equals(options.pssVersion)) {
            throw new UsageException("--pss-version and --pss-enforce-workloads need --pss LEVEL");
        }
        LoadedPolicies loaded = PolicyFiles.load(options.policies, plugins);
        policies.addAll(loaded.policies());
        mutators.addAll(loaded.mutators());
        if (policies.isEmpty() && mutators.isEmpty()) {
            throw new UsageException("no policy to apply: give --pss LEVEL and/or --policy FILE_OR_DIR");
        }
        return new AdmissionController(policies, mutators);
    }

    /**
     * The document loaders, with one image-policy runtime (registry client and verification caches) for
     * the life of the process.
     */
    static AdmissionPlugins plugins(AdmissionPolicyOptions options) {
        return plugins(options.registry, options.database);
    }

    static AdmissionPlugins plugins(RegistryFlags registryFlags, DatabaseOption database) {
        RegistryOptions registry = registryFlags.options();
        VulnerabilityScanner scanner = new ScanEngineVulnerabilityScanner(
                ScanEngine.withDefaults(),
                new LazyAdvisoryStore(database),
                registry,
                Limits.DEFAULT,
                Clock.systemUTC());
        return AdmissionPlugins.defaults(ImagePolicyRuntime.create(registry, Optional.of(scanner)));
    }

    /** {@code policies: pod-security-restricted (restricted:latest, workloads warned); mutators: none} */
    static String describe(AdmissionController controller) {
        String policies = controller.policies().stream()
                .map(policy -> policy instanceof PodSecurityPolicy pss
                        ? policy.name() + " (" + pss.label() + ")"
                        : policy.name())
                .collect(Collectors.joining(", "));
        String mutators =
                controller.mutators().stream().map(AdmissionMutator::name).collect(Collectors.joining(", "));
        return "policies: " + (policies.isEmpty() ? "none" : policies) + "; mutators: "
                + (mutators.isEmpty() ? "none" : mutators);
    }
}
