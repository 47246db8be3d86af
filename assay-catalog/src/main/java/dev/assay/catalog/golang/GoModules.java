package dev.assay.catalog.golang;

import dev.assay.model.PackageType;
import dev.assay.model.Purl;
import java.util.regex.Pattern;

/** Purls for Go modules and the checks a module path or version must pass before it becomes one. */
final class GoModules {
    /**
     * Go's own module path check allows ASCII letters, digits and {@code -._~+/!} only (module.CheckPath);
     * anything else in a go.mod or build info is corruption or an attack on downstream tools.
     */
    private static final Pattern MODULE_PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~+!/-]{0,499}");

    /** Semantic versions as Go writes them, pseudo-versions and {@code +incompatible} included. */
    private static final Pattern VERSION = Pattern.compile(
            "v(0|[1-9][0-9]{0,9})(\\.(0|[1-9][0-9]{0,9})){0,2}(-[0-9A-Za-z.-]{1,150})?(\\+[0-9A-Za-z.-]{1,50})?");

    private GoModules() {}

    static boolean isModulePath(String path) {
        return MODULE_PATH.matcher(path).matches() && !path.contains("//") && !path.endsWith("/");
    }

    static boolean isVersion(String version) {
        return VERSION.matcher(version).matches();
    }

    /**
     * Local replacements point at a directory instead of a module: {@code ./x}, {@code ../x}, an absolute
     * path, or a Windows drive path.
     */
    static boolean isLocalPath(String path) {
        return path.startsWith("./")
                || path.startsWith("../")
                || path.equals(".")
                || path.equals("..")
                || path.startsWith("/")
                || path.startsWith(".\\")
                || path.startsWith("..\\")
                || (path.length() > 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0)));
    }

    /** {@code pkg:golang/github.com/x/y@v1.2.3}: everything before the last slash is the namespace. */
    static Purl purl(String modulePath, String version) {
        int slash = modulePath.lastIndexOf('/');
        String namespace = slash < 0 ? "" : modulePath.substring(0, slash);
        String name = slash < 0 ? modulePath : modulePath.substring(slash + 1);
        return Purl.of(PackageType.GOLANG, namespace, name, version);
    }

    /** The last element of a module path, in its original case (purls of type golang are lower-cased). */
    static String name(String modulePath) {
        return modulePath.substring(modulePath.lastIndexOf('/') + 1);
    }

    /** The module path prefix that {@link dev.assay.model.Component#group()} shows. */
    static String group(String modulePath) {
        int slash = modulePath.lastIndexOf('/');
        return slash < 0 ? "" : modulePath.substring(0, slash);
    }
}
