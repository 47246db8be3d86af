package dev.assay.server.portfolio.api;

import dev.assay.server.portfolio.auth.Scope;
import dev.assay.server.portfolio.vex.VexExport;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;

/** {@code GET .../vex?format=openvex|cyclonedx}: a version's triage decisions as a VEX document. */
final class VexRoutes implements ApiRoutes {
    private final VexExport export;

    VexRoutes(VexExport export) {
        this.export = export;
    }

    @Override
    public void register(ApiRouter router) {
        router.get("/projects/{project}/versions/{version}/vex", Scope.READ, exchange -> {
            String project = exchange.pathName("project", "project");
            String version = exchange.pathName("version", "version");
            VexExport.Format format =
                    VexExport.Format.parse(exchange.query("format").orElse(null));
            byte[] document =
                    export.export(project, version, format, exchange.caller().name());
            exchange.response().status(Status.OK_200);
            exchange.response().header(HeaderNames.CONTENT_TYPE, format.mediaType());
            exchange.response().send(document);
        });
    }
}
