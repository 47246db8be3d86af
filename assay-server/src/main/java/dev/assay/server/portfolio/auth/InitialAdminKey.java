package dev.assay.server.portfolio.auth;

import dev.assay.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server whose key table is empty would refuse every request, and there would be no way in but the
 * CLI. The first start therefore creates one admin key and writes it to a file only the owner can read.
 * The key itself is never logged: log files travel further than the data directory.
 */
public final class InitialAdminKey {
    public static final String FILE_NAME = "initial-admin-key";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdminKey.class);

    private InitialAdminKey() {}

    /**
     * Creates the key when there is none yet and writes it to {@code <dataDir>/initial-admin-key}.
     *
     * @return the file written, or empty when keys already existed
     */
    public static Optional<Path> ensure(ApiKeys keys, Path dataDir) {
        if (!keys.isEmpty()) {
            return Optional.empty();
        }
        Path file = dataDir.resolve(FILE_NAME);
        CreatedApiKey created;
        try {
            created = keys.create(ApiKeys.INITIAL_ADMIN, EnumSet.of(Scope.ADMIN), "server");
        } catch (InvalidInputException alreadyThere) {
            // Another instance on the same database created it between the check and the insert.
            return Optional.empty();
        }
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            writeOwnerOnly(file, created.secret() + "\n");
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot write the initial admin key to " + file + ": " + e.getMessage(),
                    file.toString(),
                    "make the data directory writable, or revoke 'initial-admin' and create a key with "
                            + "`assay server keys create`",
                    e);
        }
        LOG.info(
                "created the API key '{}' (scope admin) and wrote it to {} (readable only by its owner); "
                        + "use it to create other keys, then delete the file",
                ApiKeys.INITIAL_ADMIN,
                file.toAbsolutePath());
        return Optional.of(file);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            // Created with its permissions, so there is no moment in which others could read it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
