package dev.assay.cli;

import dev.assay.model.InputTooLargeException;
import dev.assay.model.InvalidInputException;
import dev.assay.model.untrusted.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole small input files (envelopes, predicates, policies), read with a bound named in the error. */
final class InputFiles {
    private InputFiles() {}

    /**
     * @param what what the file should be, for the error ("an attestation", "a policy")
     * @throws InvalidInputException when the file is missing, not a regular file or larger than {@code limit}
     */
    static byte[] read(Path path, long limit, String what) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such file: " + path, path.toString());
        }
        if (Files.size(path) > limit) {
            throw new InputTooLargeException(
                    path + " is larger than " + limit / (1024 * 1024) + " MiB, too large for " + what, path.toString());
        }
        // Bounded again while reading: the file can grow between the size check and the read.
        try (InputStream in = Files.newInputStream(path)) {
            return BoundedInput.readAll(in, limit, path.toString());
        }
    }

    static void requireRegularFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("no such file: " + path, path.toString());
        }
    }
}
