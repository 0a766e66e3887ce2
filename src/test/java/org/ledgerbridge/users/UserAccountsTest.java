package org.ledgerbridge.users;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.support.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The first admin comes from the CLI, with a password read from standard input, never a default. */
class UserAccountsTest {

    private final Cli cli = Cli.onFreshLedger("2026-11-21");

    @Test
    void an_admin_is_added_from_the_cli_with_the_password_on_standard_input_and_only_its_hash_is_kept() {
        var added = cli.runWithInput("correct horse battery\n", "user", "add", "maria", "--role", "ADMIN", "--password-stdin");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("user maria added with role ADMIN");

        var list = cli.run("--report", "json", "user", "list");
        assertThat(list.out()).contains("\"username\":\"maria\"").contains("\"role\":\"ADMIN\"").doesNotContain("horse");
        var hash = cli.run("check"); // the ledger stays consistent with users in it
        assertThat(hash.exitCode()).isZero();
    }

    @Test
    void an_admin_disables_enables_and_resets_the_password_of_a_login_from_the_cli_but_never_disables_the_last_admin() {
        cli.runWithInput("correct horse battery\n", "user", "add", "maria", "--role", "ADMIN", "--password-stdin");
        cli.runWithInput("correct horse battery\n", "user", "add", "sam", "--role", "PREPARER", "--password-stdin");

        var disabled = cli.run("user", "disable", "sam");
        assertThat(disabled.exitCode()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("user sam disabled");
        assertThat(cli.run("--report", "json", "user", "list").out()).contains("\"username\":\"sam\",\"role\":\"PREPARER\",\"enabled\":false");
        assertThat(cli.run("user", "enable", "sam").exitCode()).isZero();
        assertThat(cli.run("--report", "json", "user", "list").out()).contains("\"username\":\"sam\",\"role\":\"PREPARER\",\"enabled\":true");
        var reset = cli.runWithInput("a brand new password\n", "user", "password", "sam", "--password-stdin");
        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(cli.runWithInput("short\n", "user", "password", "sam", "--password-stdin").err()).contains("PASSWORD_TOO_SHORT");

        var last = cli.run("user", "disable", "maria");
        assertThat(last.exitCode()).isEqualTo(3);
        assertThat(last.err()).contains("LAST_ADMIN");
        var nobody = cli.run("--report", "json", "user", "disable", "nobody");
        assertThat(nobody.exitCode()).isEqualTo(3);
        assertThat(nobody.out()).contains("NO_SUCH_USER");
    }

    @Test
    void an_admin_makes_lists_and_revokes_api_tokens_from_the_cli_and_the_secret_is_printed_once() {
        cli.runWithInput("correct horse battery\n", "user", "add", "sam", "--role", "PREPARER", "--password-stdin");

        var made = cli.run("user", "token", "create", "sam", "--name", "nightly import");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("token 1 of sam (PREPARER): lbt_").contains("shown this once");
        var list = cli.run("--report", "json", "user", "token", "list", "sam");
        assertThat(list.out()).contains("\"name\":\"nightly import\"").doesNotContain("lbt_");
        assertThat(cli.run("user", "token", "create", "sam", "--name", "x", "--role", "ADMIN").err()).contains("ROLE_ABOVE_USER");
        assertThat(cli.run("user", "token", "revoke", "1").out()).contains("token 1 revoked");
        assertThat(cli.run("user", "token", "revoke", "99").exitCode()).isEqualTo(3);
    }

    @Test
    void a_password_shorter_than_twelve_characters_is_refused_and_no_user_is_added() {
        var refused = cli.runWithInput("short\n", "user", "add", "maria", "--role", "ADMIN", "--password-stdin");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("PASSWORD_TOO_SHORT");
        assertThat(cli.run("--report", "json", "user", "list").out().strip()).isEqualTo("[]");
    }

    @Test
    void an_empty_standard_input_is_no_password() {
        var refused = cli.runWithInput("", "user", "add", "maria", "--role", "VIEWER", "--password-stdin");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("PASSWORD_TOO_SHORT");
    }

    @Test
    void the_same_user_name_twice_is_refused() {
        cli.runWithInput("correct horse battery\n", "user", "add", "maria", "--role", "VIEWER", "--password-stdin");
        var again = cli.runWithInput("another long password\n", "user", "add", "maria", "--role", "ADMIN", "--password-stdin");
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("USER_EXISTS");
        assertThat(cli.run("--report", "json", "user", "list").out()).contains("\"role\":\"VIEWER\"").doesNotContain("ADMIN");
    }

    @Test
    void a_user_name_with_spaces_or_quotes_is_refused() {
        var refused = cli.runWithInput("correct horse battery\n", "user", "add", "ma ria'", "--role", "VIEWER", "--password-stdin");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("INVALID_USERNAME");
    }

    @Test
    void a_password_is_never_taken_from_the_command_line() {
        var usage = cli.run("user", "add", "maria", "--role", "ADMIN");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--password-stdin");
    }

    @Test
    void roles_include_the_roles_below_them() {
        assertThat(Role.ADMIN.includes(Role.APPROVER)).isTrue();
        assertThat(Role.APPROVER.includes(Role.PREPARER)).isTrue();
        assertThat(Role.PREPARER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.PREPARER)).isFalse();
        assertThat(Role.PREPARER.includes(Role.APPROVER)).isFalse();
    }
}
