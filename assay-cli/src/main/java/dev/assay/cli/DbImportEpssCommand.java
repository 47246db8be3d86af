package dev.assay.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay db import-epss FILE}: FIRST's EPSS scores (CSV, optionally gzipped). */
@Command(
        name = "import-epss",
        mixinStandardHelpOptions = true,
        description = "Import FIRST's EPSS scores (epss_scores-YYYY-MM-DD.csv or .csv.gz); replaces the previous ones.")
final class DbImportEpssCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "FILE", description = "EPSS CSV file")
    Path file;

    @Override
    public Integer call() {
        return DbImportCommand.DbImports.run(
                db, database, importer -> DbImportCommand.DbImports.log(db, importer.importEpss(file)));
    }
}
