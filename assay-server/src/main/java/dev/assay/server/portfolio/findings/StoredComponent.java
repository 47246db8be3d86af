package dev.assay.server.portfolio.findings;

import dev.assay.model.Component;
import dev.assay.model.ComponentKind;
import dev.assay.model.Purl;
import dev.assay.model.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** A row of {@code components}, and the model component the matcher sees for it. */
record StoredComponent(
        long id, long versionId, String purl, String purlBase, String name, String version, String kind, String scope) {

    static final String COLUMNS = "c.id, c.version_id, c.purl, c.purl_base, c.name, c.pkg_version, c.kind, c.scope";

    static StoredComponent map(ResultSet row) throws SQLException {
        return new StoredComponent(
                row.getLong("id"),
                row.getLong("version_id"),
                row.getString("purl"),
                row.getString("purl_base"),
                row.getString("name"),
                row.getString("pkg_version"),
                row.getString("kind"),
                row.getString("scope"));
    }

    /**
     * Rebuilt from the columns alone (the purl carries the qualifiers distro matchers read), so matching at
     * upload and re-matching later see the same component.
     */
    Component toComponent() {
        Purl parsed = Purl.parse(purl);
        return Component.builder(parsed)
                .kind(enumValue(ComponentKind.class, kind, ComponentKind.LIBRARY))
                .group(parsed.namespace().orElse(""))
                .name(name)
                .version(version)
                .scope(enumValue(Scope.class, scope, Scope.REQUIRED))
                .build();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
