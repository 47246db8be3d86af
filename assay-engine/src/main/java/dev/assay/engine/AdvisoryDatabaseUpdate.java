package dev.assay.engine;

import dev.assay.model.NoVerdictException;
import dev.assay.vulndb.store.AdvisoryDatabase;
import dev.assay.vulndb.store.AdvisoryDatabaseImporter;
import dev.assay.vulndb.store.CommitReport;
import dev.assay.vulndb.store.ImportReport;
import dev.assay.vulndb.update.DownloadListener;
import dev.assay.vulndb.update.DownloadRun;
import dev.assay.vulndb.update.EcosystemDownload;
import dev.assay.vulndb.update.OsvDownloadOptions;
import dev.assay.vulndb.update.OsvDownloader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code assay db update}: fetch the per-ecosystem OSV dumps that changed since the last run and import
 * them into the database in one commit. Dumps are kept beside the database ({@code <db>-downloads}) so the
 * next run can ask the server for changes only and resume an interrupted transfer.
 */
public final class AdvisoryDatabaseUpdate {
    private AdvisoryDatabaseUpdate() {}

    /**
     * @param download the importer's reports per dump, and the commit, which is empty when nothing changed
     */
    public record Report(DownloadRun download, List<ImportReport> imports, Optional<CommitReport> commit) {
        public Report {
            imports = List.copyOf(imports);
        }
    }

    /** Where the dumps of the database in {@code database} are kept between runs. */
    public static Path downloadsDirectory(Path database) {
        Path absolute = database.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return absolute.resolveSibling((name == null ? "assay-db" : name.toString()) + "-downloads");
    }

    public static Report run(
            Path database, OsvDownloadOptions options, List<String> ecosystems, DownloadListener listener) {
        boolean complete = hasFullDatabase(database);
        DownloadRun run;
        try (OsvDownloader downloader = new OsvDownloader(options)) {
            run = downloader.download(ecosystems, listener);
        }
        List<EcosystemDownload> toImport = new ArrayList<>();
        for (EcosystemDownload result : run.ecosystems()) {
            switch (result) {
                case EcosystemDownload.Updated updated -> toImport.add(updated);
                // A dump that did not change still has to be imported into a database that never had it
                // (a new database, or one holding only the bundled snapshot).
                case EcosystemDownload.Unchanged unchanged -> {
                    if (!complete) {
                        toImport.add(unchanged);
                    }
                }
                case EcosystemDownload.NotAvailable notAvailable -> {}
                case EcosystemDownload.Failed failed -> {}
            }
        }
        if (toImport.isEmpty()) {
            return new Report(run, List.of(), Optional.empty());
        }
        List<ImportReport> imports = new ArrayList<>();
        try (AdvisoryDatabaseImporter importer = AdvisoryDatabase.importer(database)) {
            for (EcosystemDownload download : toImport) {
                Path zip = download instanceof EcosystemDownload.Updated updated
                        ? updated.file()
                        : ((EcosystemDownload.Unchanged) download).file();
                imports.add(importer.importZip(zip, "osv:" + download.ecosystem()));
            }
            importer.snapshot(false);
            return new Report(run, imports, Optional.of(importer.commit()));
        }
    }

    private static boolean hasFullDatabase(Path database) {
        try (AdvisoryDatabase existing = AdvisoryDatabase.open(database)) {
            return !existing.info().snapshot();
        } catch (NoVerdictException missing) {
            return false;
        }
    }
}
