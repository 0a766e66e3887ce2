package org.ledgerbridge.cli;

import org.ledgerbridge.users.Role;
import org.ledgerbridge.users.UserAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "user", description = "Logins for the web UI and the API.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand {

    @ParentCommand
    LedgerBridgeCli cli;

    @Command(name = "add", description = "Adds a login; the password is read from standard input (first line), never from the command line.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "VIEWER|PREPARER|APPROVER|ADMIN")
        Role role;

        @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            LedgerBridgeCli cli = parent.cli;
            String password;
            java.io.Console console = System.console();
            if (cli.in == System.in && console != null) {
                char[] typed = console.readPassword("Password for %s: ", name); // typed at a terminal: not echoed
                password = typed == null ? null : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)).readLine();
            }
            return cli.withLedger(ledger -> {
                UserAccounts.UserChange change = ledger.bean(UserAccounts.class).add(name, role, password, cli.global.actor());
                if (change instanceof UserAccounts.UserRefused refused) {
                    cli.output.refused(cli.global.json(), refused.code(), refused.message(), "no user added", Map.of());
                    return LedgerBridgeCli.REFUSED;
                }
                cli.output.out.println("user " + name + " added with role " + role);
                return LedgerBridgeCli.DONE;
            });
        }
    }

    @Command(name = "list", description = "The logins and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> {
                List<UserAccounts.UserAccount> users = ledger.bean(UserAccounts.class).list();
                if (cli.global.json()) {
                    cli.output.json(users);
                } else {
                    cli.output.table(List.of("USER", "ROLE", "ENABLED", "CREATED"), users.stream()
                            .map(u -> List.of(u.username(), u.role().name(), String.valueOf(u.enabled()),
                                    u.createdAt().toLocalDate() + " by " + u.createdBy())).toList());
                }
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
