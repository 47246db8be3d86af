package dev.assay.catalog.golang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module info text of Go build info: tab-separated lines {@code path}, {@code mod} (the main
 * module), {@code dep} (each module in the build list), {@code =>} (the replacement of the line before)
 * and {@code build} (settings such as {@code GOOS} and {@code vcs.revision}).
 */
record GoModInfo(String path, Optional<Module> main, List<Module> dependencies, Map<String, String> settings) {

    private static final int MAX_MODULES = 20_000;

    GoModInfo {
        dependencies = List.copyOf(dependencies);
        settings = Map.copyOf(settings);
    }

    /**
     * A module line. {@code version} is {@code (devel)} for a main module built from a checkout; {@code
     * replacement} is what was built instead, with an empty version for a local directory.
     */
    record Module(String path, String version, String sum, Optional<Module> replacement) {
        Module withReplacement(Module replacement) {
            return new Module(path, version, sum, Optional.of(replacement));
        }
    }

    static GoModInfo parse(String text) {
        String path = "";
        Module main = null;
        List<Module> dependencies = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Module last = null;
        boolean lastIsMain = false;
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "path" -> path = field(fields, 1);
                case "mod" -> {
                    main = module(fields);
                    last = main;
                    lastIsMain = true;
                }
                case "dep" -> {
                    if (dependencies.size() < MAX_MODULES) {
                        last = module(fields);
                        dependencies.add(last);
                        lastIsMain = false;
                    }
                }
                case "=>" -> {
                    if (last != null) {
                        Module replaced = last.withReplacement(module(fields));
                        if (lastIsMain) {
                            main = replaced;
                        } else {
                            dependencies.set(dependencies.size() - 1, replaced);
                        }
                        last = null;
                    }
                }
                case "build" -> {
                    String setting = field(fields, 1);
                    int equals = setting.indexOf('=');
                    if (equals > 0 && settings.size() < 200) {
                        settings.put(setting.substring(0, equals), unquote(setting.substring(equals + 1)));
                    }
                }
                default -> {
                    // Blank lines and lines of future Go versions carry nothing we use.
                }
            }
        }
        return new GoModInfo(path, Optional.ofNullable(main), dependencies, settings);
    }

    private static Module module(String[] fields) {
        return new Module(field(fields, 1), field(fields, 2), field(fields, 3), Optional.empty());
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index].strip() : "";
    }

    /** Setting values containing spaces or quotes are written with Go's strconv.Quote. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
