package org.ledgerbridge.cli;

import org.ledgerbridge.users.ApiTokens;
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

@Command(name = "user", description = "Logins for the web UI and the API.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class,
        UserCommand.Disable.class, UserCommand.Enable.class, UserCommand.Password.class, UserCommand.Token.class})
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
            String password = readPassword(cli, name);
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

    /** The first line of standard input; typed at a terminal, asked for without echo. */
    static String readPassword(LedgerBridgeCli cli, String name) throws IOException {
        java.io.Console console = System.console();
        if (cli.in == System.in && console != null) {
            char[] typed = console.readPassword("Password for %s: ", name);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)).readLine();
    }

    /** What a change of a login answers: the refusal with its code, or one line saying what was done. */
    static int report(LedgerBridgeCli cli, UserAccounts.UserChange change, String done) {
        if (change instanceof UserAccounts.UserRefused refused) {
            cli.output.refused(cli.global.json(), refused.code(), refused.message(), "nothing changed", Map.of());
            return LedgerBridgeCli.REFUSED;
        }
        cli.output.answer(cli.global.json(), Map.of("status", "done", "message", done), () -> cli.output.out.println(done));
        return LedgerBridgeCli.DONE;
    }

    @Command(name = "disable", description = "Disables a login: it can no longer log in, and its web sessions end at their next request.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> report(cli, ledger.bean(UserAccounts.class).setEnabled(name, false, cli.global.actor()),
                    "user " + name + " disabled"));
        }
    }

    @Command(name = "enable", description = "Enables a disabled login again.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            LedgerBridgeCli cli = parent.cli;
            return cli.withLedger(ledger -> report(cli, ledger.bean(UserAccounts.class).setEnabled(name, true, cli.global.actor()),
                    "user " + name + " enabled"));
        }
    }

    @Command(name = "password", description = "Sets a new password for a login (an administrator's reset); read from standard input.")
    static final class Password implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            LedgerBridgeCli cli = parent.cli;
            String password = readPassword(cli, name);
            return cli.withLedger(ledger -> report(cli, ledger.bean(UserAccounts.class).resetPassword(name, password, cli.global.actor()),
                    "new password set for " + name));
        }
    }

    @Command(name = "token", description = "API tokens for scripts: 'Authorization: Bearer SECRET' on the REST API, with a role no "
            + "higher than their user's; the secret is shown once.", subcommands = {Token.Create.class, Token.ListTokens.class, Token.Revoke.class})
    static final class Token {
        @ParentCommand
        UserCommand parent;

        @Command(name = "create", description = "Makes a token for a user and prints its secret, this once.")
        static final class Create implements Callable<Integer> {
            @ParentCommand
            Token token;

            @Parameters(paramLabel = "USER")
            String user;

            @Option(names = "--name", required = true, paramLabel = "TEXT", description = "what uses it, e.g. \"nightly import\"")
            String name;

            @Option(names = "--role", paramLabel = "VIEWER|PREPARER|APPROVER|ADMIN", description = "at most the user's (default)")
            Role role;

            @Override
            public Integer call() {
                LedgerBridgeCli cli = token.parent.cli;
                return cli.withLedger(ledger -> {
                    ApiTokens.Outcome outcome = ledger.bean(ApiTokens.class).create(user, name, role, Role.ADMIN, cli.global.actor());
                    if (outcome instanceof ApiTokens.Refusal refusal) {
                        cli.output.refused(cli.global.json(), refusal.refused().code(), refusal.refused().message(), "no token made", Map.of());
                        return LedgerBridgeCli.REFUSED;
                    }
                    ApiTokens.Created created = ((ApiTokens.Made) outcome).created();
                    cli.output.answer(cli.global.json(), created, () -> {
                        cli.output.out.println("token " + created.token().id() + " of " + user + " (" + created.token().role()
                                + "): " + created.secret());
                        cli.output.out.println("it is shown this once: keep it where the script reads it");
                    });
                    return LedgerBridgeCli.DONE;
                });
            }
        }

        @Command(name = "list", description = "The tokens of a user, or of everyone; never their secrets.")
        static final class ListTokens implements Callable<Integer> {
            @ParentCommand
            Token token;

            @Parameters(paramLabel = "USER", arity = "0..1")
            String user;

            @Override
            public Integer call() {
                LedgerBridgeCli cli = token.parent.cli;
                return cli.withLedger(ledger -> {
                    List<ApiTokens.ApiToken> tokens = ledger.bean(ApiTokens.class).list(user);
                    cli.output.answer(cli.global.json(), tokens,
                            () -> cli.output.table(List.of("ID", "USER", "NAME", "ROLE", "CREATED", "REVOKED"), tokens.stream()
                                    .map(t -> java.util.Arrays.asList(String.valueOf(t.id()), t.username(), t.name(), t.role().name(),
                                    t.createdAt().toLocalDate() + " by " + t.createdBy(),
                                    t.revokedAt() == null ? "" : t.revokedAt().toLocalDate().toString())).toList()));
                    return LedgerBridgeCli.DONE;
                });
            }
        }

        @Command(name = "revoke", description = "Revokes a token: its next request is refused.")
        static final class Revoke implements Callable<Integer> {
            @ParentCommand
            Token token;

            @Parameters(paramLabel = "ID")
            long id;

            @Override
            public Integer call() {
                LedgerBridgeCli cli = token.parent.cli;
                return cli.withLedger(ledger -> {
                    ApiTokens.Outcome outcome = ledger.bean(ApiTokens.class).revoke(id, null, cli.global.actor());
                    if (outcome instanceof ApiTokens.Refusal refusal) {
                        cli.output.refused(cli.global.json(), refusal.refused().code(), refusal.refused().message(), "nothing revoked", Map.of());
                        return LedgerBridgeCli.REFUSED;
                    }
                    cli.output.out.println("token " + id + " revoked");
                    return LedgerBridgeCli.DONE;
                });
            }
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
                cli.output.answer(cli.global.json(), users,
                        () -> cli.output.table(List.of("USER", "ROLE", "ENABLED", "CREATED"), users.stream()
                                .map(u -> List.of(u.username(), u.role().name(), String.valueOf(u.enabled()),
                                u.createdAt().toLocalDate() + " by " + u.createdBy())).toList()));
                return LedgerBridgeCli.DONE;
            });
        }
    }
}
