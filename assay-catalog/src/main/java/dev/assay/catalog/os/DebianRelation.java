package dev.assay.catalog.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One alternative of a Debian relationship field ({@code Depends}, {@code Pre-Depends}, {@code Provides}):
 * a package name with an optional architecture qualifier. Version constraints, architecture restrictions
 * ({@code [amd64]}) and build profiles ({@code <!nocheck>}) are dropped: an installed database is already
 * consistent, so only the name and the architecture decide which installed package satisfies it.
 *
 * @param architecture the qualifier after {@code :} ({@code any}, {@code native}, {@code amd64}), or empty
 */
record DebianRelation(String name, String architecture) {

    /**
     * Parses a relationship field into its clauses (separated by commas), each a list of alternatives
     * (separated by {@code |}). Unparseable alternatives are dropped.
     */
    static List<List<DebianRelation>> parseField(String field) {
        List<List<DebianRelation>> clauses = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return clauses;
        }
        for (String clause : field.split(",")) {
            List<DebianRelation> alternatives = new ArrayList<>();
            for (String alternative : clause.split("\\|")) {
                DebianRelation relation = parseAlternative(alternative);
                if (relation != null) {
                    alternatives.add(relation);
                }
            }
            if (!alternatives.isEmpty()) {
                clauses.add(List.copyOf(alternatives));
            }
        }
        return clauses;
    }

    private static DebianRelation parseAlternative(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && "([< \t\n".indexOf(stripped.charAt(end)) < 0) {
            end++;
        }
        String nameAndArch = stripped.substring(0, end);
        if (nameAndArch.isEmpty()) {
            return null;
        }
        int colon = nameAndArch.indexOf(':');
        String name = colon < 0 ? nameAndArch : nameAndArch.substring(0, colon);
        String architecture = colon < 0 ? "" : nameAndArch.substring(colon + 1);
        if (!DpkgPackage.isValidName(name)) {
            return null;
        }
        return new DebianRelation(name.toLowerCase(Locale.ROOT), architecture.toLowerCase(Locale.ROOT));
    }
}
