package dev.assay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay db import-kev FILE}: CISA's Known Exploited Vulnerabilities catalog (JSON or CSV). */
@Command(
        name = "import-kev",
        mixinStandardHelpOptions = true,
        description = "Import CISA's Known Exploited Vulnerabilities catalog (JSON or CSV); replaces the previous one.")
final class DbImportKevCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "FILE", description = "known_exploited_vulnerabilities.json or .csv")
    Path file;

    @Override
    public Integer call() {
        return DbImportCommand.DbImports.run(
                db, database, importer -> DbImportCommand.DbImports.log(db, importer.importKev(file)));
    }
}
