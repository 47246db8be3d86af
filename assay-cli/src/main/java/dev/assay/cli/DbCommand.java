package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assay db}: the local advisory database. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Manage the local advisory database (OSV advisories, CISA KEV, EPSS).",
        subcommands = {
            DbStatusCommand.class,
            DbUpdateCommand.class,
            DbImportCommand.class,
            DbImportKevCommand.class,
            DbImportEpssCommand.class,
            DbExportCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay db status                              what is in the database and how old it is",
            "  assay db update                              fetch changed OSV dumps from the public OSV bucket",
            "  assay db import ./osv-records --db ./db      OSV JSON/YAML records, a zip of them, or a bundle",
            "  assay db import-kev known_exploited_vulnerabilities.json",
            "  assay db export assay-db.bundle              one file for air-gapped machines ('db import' reads it)"
        })
final class DbCommand implements Callable<Integer> {
    @ParentCommand
    AssayCommand parent;

    @Spec
    CommandSpec spec;

    Terminal terminal() {
        return parent.terminal();
    }

    GlobalOptions globalOptions() {
        return parent.globalOptions;
    }

    /**
     * A result line for people on stderr (what was imported, downloaded, exported), shown unless --quiet:
     * for these commands it is the output, not a log detail.
     */
    void say(String message) {
        if (!parent.globalOptions.quiet) {
            parent.terminal().err().println("assay: " + message);
        }
    }

    @Override
    public Integer call() {
        return CommandGroups.usageError(spec);
    }
}
