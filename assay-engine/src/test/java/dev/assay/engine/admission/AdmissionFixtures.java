package dev.assay.engine.admission;

import dev.assay.policy.admission.AdmissionInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class AdmissionFixtures {
    private AdmissionFixtures() {}

    static byte[] bytes(String name) {
        try (InputStream input = AdmissionFixtures.class.getResourceAsStream("/admission/" + name)) {
            if (input == null) {
                throw new IllegalStateException("missing fixture /admission/" + name);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AdmissionInput input(String name) {
        return AdmissionReviews.read(bytes(name), name);
    }
}
