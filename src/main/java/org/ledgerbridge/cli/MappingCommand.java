package org.ledgerbridge.cli;

import org.ledgerbridge.imports.MappingProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "mapping", description = "Column-mapping profiles kept in the ledger, picked by name at import (import --mapping-profile NAME).",
        subcommands = {MappingCommand.Save.class, MappingCommand.ListProfiles.class, MappingCommand.Show.class, MappingCommand.Delete.class})
final class MappingCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "save", description = "Saves a profile file (YAML or JSON) under a name, replacing one of that name.")
    static final class Save implements Callable<Integer> {
        @ParentCommand
        MappingCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            LedgerBridgeCli cli = parent.cli;
            if (!Files.isRegularFile(file)) {
                cli.output.err.println("error: no file " + file);
                return LedgerBridgeCli.USAGE;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return cli.withLedger(ledger -> answer(cli, ledger.bean(MappingProfiles.class).save(name, text, cli.global.actor())));
        }
    }

    @Command(name = "list", description = "The saved profiles: name, when and by whom they were last saved.")
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        MappingCommand parent;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                List<MappingProfiles.SavedProfile> profiles = ledger.bean(MappingProfiles.class).list();
                if (cli.global.json()) {
                    cli.output.json(Map.of("mappings", profiles));
                } else if (profiles.isEmpty()) {
                    cli.output.out.println("no mapping profile saved");
                } else {
                    cli.output.table(List.of("NAME", "SAVED", "BY"), profiles.stream()
                            .map(p -> List.of(p.name(), p.changedAt().toString(), p.changedBy())).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "show", description = "Prints a saved profile as it was written.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        MappingCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                var found = ledger.bean(MappingProfiles.class).find(name);
                if (found.isEmpty()) {
                    return answer(cli, MappingProfiles.notFound(name));
                }
                cli.output.answer(cli.global.json(), found.get(),
                        () -> cli.output.out.print(found.get().text().endsWith("\n") ? found.get().text() : found.get().text() + "\n"));
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "delete", description = "Deletes a saved profile; imports made with it keep what they imported.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        MappingCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> answer(cli, ledger.bean(MappingProfiles.class).delete(name, cli.global.actor())));
        }
    }

    private static int answer(LedgerBridgeCli cli, MappingProfiles.Change change) {
        if (change instanceof MappingProfiles.Refused refused) {
            cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing changed", Map.of());
            return LedgerBridgeCli.REFUSED;
        }
        String done = change instanceof MappingProfiles.Saved saved
                ? "mapping profile " + saved.profile().name() + (saved.replaced() ? " replaced" : " saved")
                : "mapping profile " + ((MappingProfiles.Deleted) change).name() + " deleted";
        cli.output.answer(cli.global.json(), Map.of("status", "done", "message", done), () -> cli.output.out.println(done));
        return LedgerBridgeCli.DONE;
    }
}
