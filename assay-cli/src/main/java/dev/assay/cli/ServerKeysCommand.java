package dev.assay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code assay server keys}: API keys of the portfolio server, managed directly in its database (works while
 * the server runs). The server's classes load only in {@link ServerKeysLauncher}.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke the API keys of the portfolio server.",
        subcommands = {ServerKeysCommand.Create.class, ServerKeysCommand.ListKeys.class, ServerKeysCommand.Revoke.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  assay server keys create --name ci --scope upload          prints the key once",
            "  assay server keys create --name dash --scope read --db-url jdbc:postgresql://db/assay",
            "  assay server keys list",
            "  assay server keys revoke ci"
        })
final class ServerKeysCommand implements Callable<Integer> {
    @ParentCommand
    ServerCommand parent;

    @Override
    public Integer call() {
        throw new UsageException("name a subcommand: create, list or revoke (see assay server keys --help)");
    }

    Terminal terminal() {
        return parent.terminal();
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create an API key and print it on stdout, once: only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ServerKeysCommand parent;

        @Mixin
        PortfolioStorageOptions storage;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "Unique name; the actor in the audit log.")
        String name;

        @Option(
                names = "--scope",
                required = true,
                paramLabel = "SCOPES",
                description = "Comma-separated: read, upload, triage, admin (admin implies all).")
        String scopes;

        @Override
        public Integer call() {
            return ServerKeysLauncher.create(this, parent.terminal());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        ServerKeysCommand parent;

        @Mixin
        PortfolioStorageOptions storage;

        @Override
        public Integer call() {
            return ServerKeysLauncher.list(this, parent.terminal());
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key at once.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        ServerKeysCommand parent;

        @Mixin
        PortfolioStorageOptions storage;

        @Parameters(paramLabel = "NAME", description = "The key's name.")
        String name;

        @Override
        public Integer call() {
            return ServerKeysLauncher.revoke(this, parent.terminal());
        }
    }
}
