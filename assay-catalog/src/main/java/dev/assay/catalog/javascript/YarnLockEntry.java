package dev.assay.catalog.javascript;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resolved package of a yarn.lock, in either format.
 *
 * @param descriptors the {@code name@range} strings that resolve to this package (Berry: with protocol)
 * @param name the real package name (an alias's target, not the alias)
 * @param dependencies dependency name to range, as the entry lists them
 * @param optionalDependencies names among the dependencies that are optional
 * @param workspacePath for a Berry workspace, its folder relative to the lockfile ({@code .} for the root)
 * @param resolved Classic's download URL
 * @param integrity Classic's subresource-integrity string
 * @param checksum Berry's checksum of the package as stored in Yarn's cache
 */
record YarnLockEntry(
        List<String> descriptors,
        String name,
        String version,
        Map<String, String> dependencies,
        Set<String> optionalDependencies,
        String workspacePath,
        String resolved,
        String integrity,
        String checksum) {

    boolean isWorkspace() {
        return workspacePath != null;
    }
}
