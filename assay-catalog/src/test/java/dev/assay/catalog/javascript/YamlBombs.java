package dev.assay.catalog.javascript;

/** Hostile YAML for parser tests. */
final class YamlBombs {
    private YamlBombs() {}

    /**
     * A "billion laughs": nine levels, each a list of {@code width} aliases of the level before. With a width
     * of 60 it names 480 aliases and expands to 60^8 nodes; past the loader's alias limit it must be refused.
     */
    static String billionLaughs(String prefix, int width) {
        StringBuilder yaml = new StringBuilder(prefix);
        yaml.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'j'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            for (int index = 0; index < width; index++) {
                yaml.append(index == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = level;
        }
        return yaml.toString();
    }
}
