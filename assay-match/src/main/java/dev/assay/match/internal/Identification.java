package dev.assay.match.internal;

import java.util.List;
import java.util.Objects;

/** What a matcher made of a component's purl: the OSV packages to look up, or why it could make none. */
public sealed interface Identification {
    /** One or more lookups (an rpm is looked up by its binary and its source package name, for instance). */
    record Identified(List<OsvQuery> queries) implements Identification {
        public Identified {
            if (queries.isEmpty()) {
                throw new IllegalArgumentException("an identification needs at least one query");
            }
            queries = List.copyOf(queries);
        }
    }

    /** @param reason one line for the user: why the component cannot be looked up */
    record Unidentified(String reason) implements Identification {
        public Unidentified {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Identification of(OsvQuery query) {
        return new Identified(List.of(query));
    }

    static Identification of(List<OsvQuery> queries) {
        return new Identified(queries);
    }

    static Identification unidentified(String reason) {
        return new Unidentified(reason);
    }
}
