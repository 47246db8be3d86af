package dev.assay.cli;

import dev.assay.vulndb.store.AdvisoryDatabase;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay db export FILE}: the whole database as one file for air-gapped machines. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Write the database (advisories, KEV, EPSS, sources) as one offline bundle; 'assay db import FILE' restores it.")
final class DbExportCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "FILE", description = "Bundle file to write.")
    Path file;

    @Override
    public Integer call() {
        Path directory = database.resolve();
        AdvisoryDatabase.export(directory, file);
        db.say("exported " + directory + " to " + file);
        return ExitCodes.OK;
    }
}
