package dev.assay.oci;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"}.
 */
record AuthenticationChallenge(String scheme, Map<String, String> parameters) {
    AuthenticationChallenge {
        parameters = Map.copyOf(parameters);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Parses the first challenge of a header value; parameters are auth-params with quoted or token values. */
    static Optional<AuthenticationChallenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int position = space < 0 ? value.length() : space + 1;
        while (position < value.length()) {
            while (position < value.length() && (value.charAt(position) == ',' || value.charAt(position) == ' ')) {
                position++;
            }
            int equals = value.indexOf('=', position);
            if (equals < 0) {
                break;
            }
            String name = value.substring(position, equals).strip().toLowerCase(Locale.ROOT);
            position = equals + 1;
            StringBuilder parameter = new StringBuilder();
            if (position < value.length() && value.charAt(position) == '"') {
                position++;
                while (position < value.length() && value.charAt(position) != '"') {
                    char character = value.charAt(position);
                    if (character == '\\' && position + 1 < value.length()) {
                        position++;
                        character = value.charAt(position);
                    }
                    parameter.append(character);
                    position++;
                }
                position++;
            } else {
                while (position < value.length() && value.charAt(position) != ',') {
                    parameter.append(value.charAt(position));
                    position++;
                }
            }
            parameters.put(name, parameter.toString().strip());
        }
        return Optional.of(new AuthenticationChallenge(scheme, parameters));
    }
}
