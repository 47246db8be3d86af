package dev.assay.policy.pss;

/** From v1.25 the Linux-only restricted checks do not apply to pods that declare {@code spec.os.name: windows}. */
final class WindowsExemption {
    static final int SINCE = 25;

    private WindowsExemption() {}

    static boolean applies(PolicyVersion version, PodInput pod) {
        return version.atLeast(SINCE) && pod.isWindows();
    }
}
