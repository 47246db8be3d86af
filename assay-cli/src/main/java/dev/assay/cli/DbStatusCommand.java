package dev.assay.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.engine.Ages;
import dev.assay.model.InvalidInputException;
import dev.assay.vulndb.StoreInfo;
import dev.assay.vulndb.store.AdvisoryDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code assay db status}: sources, counts per ecosystem, age; exit 3 when there is no database. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show what the advisory database holds and how old it is (--format text or json).")
final class DbStatusCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand db;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = db.globalOptions();
        String format = options.format == null ? "text" : options.format.toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException(
                    "db status writes text or json, not '" + options.format + "'", options.format);
        }
        StoreInfo info;
        int advisories;
        try (AdvisoryDatabase store = AdvisoryDatabase.open(database.resolve())) {
            info = store.info();
            advisories = store.advisoryCount();
        }
        Duration age = Duration.between(info.updatedAt(), Clock.systemUTC().instant());
        OutputTarget.write(options.output, db.terminal().out(), out -> {
            if (format.equals("json")) {
                json(info, advisories, age, out);
            } else {
                text(info, advisories, age, out);
            }
        });
        return ExitCodes.OK;
    }

    private static void text(StoreInfo info, int advisories, Duration age, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        print.println("Database:   " + info.location());
        print.println("Kind:       "
                + (info.snapshot()
                        ? "SNAPSHOT bundled with Assay (a small offline sample, not complete data; run 'assay db update')"
                        : "full"));
        print.println("Updated:    " + info.updatedAt() + " (" + Ages.describe(age) + " ago)");
        print.println("Advisories: " + advisories + " (per ecosystem:)");
        for (Map.Entry<String, Integer> entry : info.advisoriesByEcosystem().entrySet()) {
            print.printf(Locale.ROOT, "  %-20s %8d%n", entry.getKey(), entry.getValue());
        }
        print.println("KEV:        " + info.kevEntries() + " known exploited vulnerabilities");
        print.println("EPSS:       " + info.epssScores() + " scores");
        print.println("Sources:");
        for (StoreInfo.Source source : info.sources()) {
            print.printf(
                    Locale.ROOT,
                    "  %-6s %-60s %8d records, %s%n",
                    source.kind(),
                    source.origin(),
                    source.records(),
                    source.importedAt());
        }
        print.flush();
    }

    private static void json(StoreInfo info, int advisories, Duration age, OutputStream out)
            throws java.io.IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("location", info.location());
            json.writeBooleanField("snapshot", info.snapshot());
            json.writeStringField("updatedAt", info.updatedAt().toString());
            json.writeNumberField("ageSeconds", age.toSeconds());
            json.writeNumberField("advisories", advisories);
            json.writeObjectFieldStart("advisoriesByEcosystem");
            for (Map.Entry<String, Integer> entry : info.advisoriesByEcosystem().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("kevEntries", info.kevEntries());
            json.writeNumberField("epssScores", info.epssScores());
            json.writeArrayFieldStart("sources");
            for (StoreInfo.Source source : info.sources()) {
                json.writeStartObject();
                json.writeStringField("kind", source.kind());
                json.writeStringField("origin", source.origin());
                json.writeStringField("importedAt", String.valueOf(source.importedAt()));
                json.writeNumberField("records", source.records());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
