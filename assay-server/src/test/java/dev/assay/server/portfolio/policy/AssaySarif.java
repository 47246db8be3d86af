package dev.assay.server.portfolio.policy;

import dev.assay.engine.k8s.ManifestReader;
import dev.assay.engine.k8s.ManifestScan;
import dev.assay.engine.k8s.ManifestSource;
import dev.assay.policy.pss.Level;
import dev.assay.policy.pss.PolicyVersion;
import dev.assay.report.ManifestReportFormats;
import dev.assay.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SARIF as {@code assay scan k8s --format sarif} writes it: the same engine and the same writer, on a
 * manifest given as text, so the tests read what Assay really produces rather than a hand-written copy.
 */
public final class AssaySarif {
    /** A pod that breaks Pod Security restricted in several ways (root, privileged, no limits). */
    public static final String PRIVILEGED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              hostNetwork: true
              containers:
                - name: app
                  image: nginx:1.25
                  securityContext:
                    privileged: true
                    runAsUser: 0
            """;

    private AssaySarif() {}

    public static byte[] k8s(String fileName, String manifest) {
        ManifestScan engine = ManifestScan.builtIn(Level.RESTRICTED, PolicyVersion.parse("latest"));
        var set = ManifestReader.withDefaults()
                .read(List.of(new ManifestSource.Content(fileName, manifest.getBytes(StandardCharsets.UTF_8))));
        var result = engine.scan(set);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ManifestReportFormats.writer(ManifestReportFormats.SARIF, ReportOptions.defaults("0.0.0-test"))
                    .write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
