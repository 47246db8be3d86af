package dev.assay.server.portfolio.auth;

import dev.assay.model.InvalidInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. {@code admin} implies every other scope. */
public enum Scope {
    READ,
    UPLOAD,
    TRIAGE,
    ADMIN;

    /** {@code read}, as keys, flags and the API spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a key holding {@code held} may use an endpoint that needs this scope. */
    public boolean isGrantedBy(Collection<Scope> held) {
        return held.contains(ADMIN) || held.contains(this);
    }

    public static Scope parse(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.label().equals(wanted)) {
                return scope;
            }
        }
        throw new InvalidInputException(
                "unknown scope '" + label + "'; expected one of " + allLabels(),
                label,
                "use read, upload, triage or admin",
                null);
    }

    /** {@code upload,read} (commas, any case, blanks ignored); at least one scope. */
    public static Set<Scope> parseList(String labels) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String label : labels.split(",")) {
            if (!label.isBlank()) {
                scopes.add(parse(label));
            }
        }
        if (scopes.isEmpty()) {
            throw new InvalidInputException("no scope given; expected one or more of " + allLabels(), labels);
        }
        return Set.copyOf(scopes);
    }

    /** {@code read,upload}: the stored and printed form, in a fixed order. */
    public static String format(Collection<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::label).collect(Collectors.joining(","));
    }

    private static String allLabels() {
        return Arrays.stream(values()).map(Scope::label).collect(Collectors.joining(", "));
    }
}
