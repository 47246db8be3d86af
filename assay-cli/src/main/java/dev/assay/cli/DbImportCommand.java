package dev.assay.cli;

import dev.assay.vulndb.store.AdvisoryDatabase;
import dev.assay.vulndb.store.AdvisoryDatabaseImporter;
import dev.assay.vulndb.store.CommitReport;
import dev.assay.vulndb.store.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code assay db import PATH...}: OSV records (tree, zip, file), KEV, EPSS or an offline bundle. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import OSV advisories (a directory tree or zip of JSON/YAML records, or one record), a CISA KEV",
            "catalog, an EPSS file or an offline bundle from 'assay db export'. Newer records replace older ones",
            "with the same id; everything else is kept. All paths are imported in one atomic commit."
        })
final class DbImportCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to import.")
    List<Path> paths;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Label recorded as the advisories' source (default: the path).")
    String source;

    @Option(names = "--snapshot", hidden = true, description = "Mark the database as a bundled snapshot.")
    boolean snapshot;

    @Override
    public Integer call() {
        return DbImports.run(db, database, importer -> {
            if (snapshot) {
                importer.snapshot(true);
            }
            for (Path path : paths) {
                DbImports.log(db, importer.importPath(path, source));
            }
        });
    }

    /** The shared shape of the import commands: one importer, one commit, one summary line. */
    static final class DbImports {
        private DbImports() {}

        interface Work {
            void importInto(AdvisoryDatabaseImporter importer);
        }

        static int run(DbCommand db, DatabaseOption database, Work work) {
            Path directory = database.resolve();
            CommitReport commit;
            try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(directory)) {
                work.importInto(importer);
                commit = importer.commit();
            }
            db.say(String.format(
                    java.util.Locale.ROOT,
                    "%s: %d added, %d updated, %d unchanged; now %d advisories, %d KEV entries, %d EPSS scores (%d ms)",
                    directory,
                    commit.added(),
                    commit.updated(),
                    commit.unchanged(),
                    commit.advisories(),
                    commit.kevEntries(),
                    commit.epssScores(),
                    commit.duration().toMillis()));
            return ExitCodes.OK;
        }

        static void log(DbCommand db, ImportReport report) {
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DbImportCommand.class);
            db.say(String.format(
                    java.util.Locale.ROOT,
                    "%s %s: %d records read, %d accepted, %d errors, %d skipped (not OSV), %d files ignored",
                    report.kind(),
                    report.origin(),
                    report.recordsRead(),
                    report.recordsAccepted(),
                    report.errorCount(),
                    report.warningCount(),
                    report.filesIgnored()));
            report.errors().stream().limit(20).forEach(error -> log.warn("{}: {}", error.location(), error.reason()));
            if (report.errorCount() > 20) {
                log.warn("... and {} more errors (see --debug)", report.errorCount() - 20);
                report.errors().stream()
                        .skip(20)
                        .forEach(error -> log.debug("{}: {}", error.location(), error.reason()));
            }
        }
    }
}
