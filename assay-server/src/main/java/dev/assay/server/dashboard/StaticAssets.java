package dev.assay.server.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's files on the classpath under one folder. Only flat names with a known extension are
 * looked up, so a request can never name a class file, a migration or anything outside the folder
 * ({@code ..}, {@code /}, {@code \} and encoded variants never reach the class loader).
 */
final class StaticAssets {
    /** One path segment: starts with a letter or digit, no separators, no "..". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\\.[A-Za-z0-9]{1,8}){1,2}");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    /** The largest file served; the dashboard's files are a few kilobytes each. */
    private static final int MAX_BYTES = 1024 * 1024;

    private final ClassLoader loader;
    private final String folder;
    // Only files that exist are cached: the set is bounded by the folder's content, not by requests.
    private final Map<String, StaticAsset> cache = new ConcurrentHashMap<>();

    StaticAssets(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    /** The file with this name, or empty when the name is not a plain file name or no such file exists. */
    Optional<StaticAsset> find(String name) {
        StaticAsset cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        Optional<StaticAsset> loaded = load(name, type);
        loaded.ifPresent(asset -> cache.put(name, asset));
        return loaded;
    }

    private Optional<StaticAsset> load(String name, String type) {
        try (InputStream input = loader.getResourceAsStream(folder + name)) {
            if (input == null) {
                return Optional.empty();
            }
            byte[] content = input.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IllegalStateException("dashboard file " + name + " is larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(StaticAsset.of(name, content, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name + " from the classpath", e);
        }
    }
}
