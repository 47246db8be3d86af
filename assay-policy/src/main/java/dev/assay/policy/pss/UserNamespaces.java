package dev.assay.policy.pss;

/**
 * Inside a user namespace ({@code hostUsers: false}) uid 0 is not root on the node. PSA relaxed
 * runAsNonRoot and runAsUser for such pods only behind an alpha feature gate until it made the relaxation
 * unconditional as policy version v1.35; earlier policy versions do not relax.
 */
final class UserNamespaces {
    static final int RELAXED_SINCE = 35;

    private UserNamespaces() {}

    static boolean relaxes(PolicyVersion version, PodInput pod) {
        return version.atLeast(RELAXED_SINCE) && pod.hostUsersDisabled();
    }
}
