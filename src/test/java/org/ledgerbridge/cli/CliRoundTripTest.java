package org.ledgerbridge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.support.Cli;
import org.ledgerbridge.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line contract, driven as a script would drive it. */
class CliRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void the_sample_setup_files_import_check_passes_and_the_trial_balance_is_json() {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        for (String kind : new String[]{"entities", "accounts", "parties", "payment-methods"}) {
            Cli.Result result = cli.run("import", kind, Samples.file(kind + ".csv").toString(), "--report", "json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode report = JSON.readTree(result.out());
            assertThat(report.get("status").asString()).isEqualTo("committed");
            assertThat(report.get("kind").asString()).isEqualTo(kind);
            assertThat(report.get("sha256").asString()).hasSize(64);
        }

        Cli.Result again = cli.run("--report", "json", "import", "entities", Samples.file("entities.csv").toString());
        assertThat(again.exitCode()).isZero();
        assertThat(JSON.readTree(again.out()).get("status").asString()).isEqualTo("duplicate");

        assertThat(cli.run("check").exitCode()).isZero();
        Cli.Result trialBalance = cli.run("report", "trial-balance", "--report", "json");
        assertThat(trialBalance.exitCode()).isZero();
        assertThat(JSON.readTree(trialBalance.out()).isArray()).isTrue();
        Cli.Result batches = cli.run("batch", "list", "--report", "json");
        assertThat(JSON.readTree(batches.out()).isArray()).isTrue();
        Cli.Result openItems = cli.run("report", "open-items", "--report", "json");
        assertThat(JSON.readTree(openItems.out()).isArray()).isTrue();
    }

    @Test
    void a_rejected_file_exits_1_with_every_error_in_the_json_report() throws IOException {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        Path bad = dir.resolve("entities.csv");
        Files.writeString(bad, "CODE,NAME,BASE_CURRENCY\nPSAB,,USD\nBMC,Consortium,ZZZ\n");

        Cli.Result result = cli.run("import", "entities", bad.toString(), "--report", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("status").asString()).isEqualTo("rejected");
        assertThat(report.get("errors")).hasSize(2);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("column").asString()).isEqualTo("NAME");
        assertThat(report.get("errors").get(1).get("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
        assertThat(JSON.readTree(cli.run("report", "trial-balance", "--report", "json").out())).isEmpty();
    }

    @Test
    void usage_errors_exit_2_and_refusals_exit_3() {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        assertThat(cli.run("import").exitCode()).isEqualTo(2);
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(2);
        assertThat(cli.run("import", "entities", dir.resolve("missing.csv").toString()).exitCode()).isEqualTo(2);
        assertThat(cli.run("batch", "post", "42").exitCode()).isEqualTo(3);
    }

    @Test
    void migrated_documents_need_migration_mode_and_release_without_a_journal() {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        for (String kind : new String[]{"entities", "accounts", "parties"}) {
            assertThat(cli.run("import", kind, Samples.file(kind + ".csv").toString()).exitCode()).isZero();
        }
        Cli.Result refused = cli.run("import", "documents", Samples.file("documents.csv").toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.out()).contains("MIGRATION_MODE_OFF", "turn migration mode on for AR");

        assertThat(cli.run("migration-mode", "on", "--module", "AR").exitCode()).isZero();
        assertThat(cli.run("migration-mode", "on", "--module", "AP").exitCode()).isZero();
        assertThat(cli.run("import", "documents", Samples.file("documents.csv").toString()).exitCode()).isZero();
        Cli.Result released = cli.run("documents", "release", "--all");
        assertThat(released.exitCode()).isZero();
        assertThat(released.out()).contains("released: 8 document(s), 1 closed", "1 ON_HOLD not released");

        JsonNode items = JSON.readTree(cli.run("--report", "json", "report", "open-items", "--party", "100232").out());
        assertThat(items.get(0).get("openBalance").asString()).isEqualTo("480.00");
        assertThat(items.get(0).get("migrated").asBoolean()).isTrue();
        assertThat(items.get(0).get("migratedBalance").asString()).isEqualTo("480.00");
        assertThat(items.get(0).get("baseAmount").asString()).isEqualTo("980.00");
        assertThat(items.get(0).get("exchangeRate").asString()).isEqualTo("1");
        assertThat(items.get(0).get("purchaseOrder").isNull()).as("every stored field, null where not set").isTrue();
        assertThat(JSON.readTree(cli.run("report", "journals", "--report", "json").out())).isEmpty();

        assertThat(cli.run("migration-mode", "off", "--module", "AR").exitCode()).isZero();
        Cli.Result heldBack = cli.run("migration-mode", "off", "--module", "AP");
        assertThat(heldBack.exitCode()).as("B-7782 is on hold, never released").isEqualTo(3);
        assertThat(heldBack.out() + heldBack.err()).contains("UNRELEASED_DOCUMENTS", "SEC/B-7782");
        assertThat(cli.run("documents", "edit", "INV-20410", "--description", "late edit").exitCode()).isEqualTo(3);
        assertThat(cli.run("check").exitCode()).isZero();
    }

    @Test
    void project_balances_migrate_release_and_report_from_the_command_line() throws IOException {
        Cli cli = sampleLedgerOwingItsInvoices();
        Path projects = dir.resolve("projects.csv");
        Files.writeString(projects, "PROJECT,ENTITY,CUSTOMER_ID,NAME,STATUS\nPRJ-100,PSAB,100231,Borough code update 2026,ACTIVE\n");
        Path proForma = dir.resolve("pro-forma.csv");
        Files.writeString(proForma, "NUMBER,PROJECT,DATE,ORIGINAL_AMOUNT,OPEN_BALANCE,AR_DOCUMENT\nPF-1,PRJ-100,2026-09-30,5000.00,2000.00,INV-20410\n");
        Path transactions = dir.resolve("transactions.csv");
        Files.writeString(transactions, "PROJECT,REVENUE_LINE,DATE,AMOUNT,QUANTITY,DEBIT_ACCOUNT,CREDIT_ACCOUNT\n"
                + "PRJ-100,CONSULTING,2026-09-15,1200.00,8,1200,\n");

        assertThat(cli.run("import", "projects", projects.toString()).exitCode()).isZero();
        assertThat(cli.run("import", "pro-forma-invoices", proForma.toString()).exitCode()).as("PM not in migration mode").isEqualTo(3);
        assertThat(cli.run("migration-mode", "on", "--module", "PM").exitCode()).isZero();
        assertThat(cli.run("import", "pro-forma-invoices", proForma.toString()).exitCode()).isZero();
        assertThat(cli.run("import", "project-transactions", transactions.toString()).exitCode()).isZero();
        assertThat(cli.run("migration-mode", "off", "--module", "PM").exitCode()).as("two records wait").isEqualTo(3);
        Cli.Result released = cli.run("documents", "release", "--module", "PM", "--all");
        assertThat(released.exitCode()).isZero();
        assertThat(released.out()).contains("released: 2 document(s)", "no journal posted");

        JsonNode report = JSON.readTree(cli.run("--report", "json", "report", "projects", "--project", "PRJ-100").out());
        JsonNode project = report.get(0);
        assertThat(project.get("project").asString()).isEqualTo("PRJ-100");
        assertThat(project.get("entity").asString()).isEqualTo("PSAB");
        assertThat(project.get("customerId").asString()).isEqualTo("100231");
        assertThat(project.get("proForma").get(0).get("openBalance").asString()).isEqualTo("2000.00");
        assertThat(project.get("proForma").get(0).get("arDocument").asString()).isEqualTo("INV-20410");
        assertThat(project.get("proForma").get(0).get("migrated").asBoolean()).isTrue();
        assertThat(project.get("revenueLines").get(0).get("actualAmount").asString()).isEqualTo("1200.00");
        assertThat(cli.run("report", "projects").out()).contains("PRJ-100", "balance 2000.00", "Migrated");
        assertThat(cli.run("migration-mode", "off", "--module", "PM").exitCode()).isZero();
        assertThat(cli.run("check").exitCode()).isZero();
    }

    @Test
    void gl_send_validates_first_sends_once_and_says_so_with_its_exit_codes() throws IOException {
        Cli cli = Cli.onFreshLedger("2026-11-21");
        for (String kind : new String[]{"entities", "accounts", "parties"}) {
            cli.run("import", kind, Samples.file(kind + ".csv").toString());
        }
        cli.run("import", "imis", Samples.file("imis-export.csv").toString(), "--batch", "1041");
        Path converted = dir.resolve("converted");
        Cli.Result conversion = cli.run("convert", "imis", Samples.file("imis-export.csv").toString(), "--batch", "1041", "--out",
                converted.toString());
        assertThat(conversion.exitCode()).isZero();
        assertThat(conversion.out()).contains("warning BATCH_ALREADY_IMPORTED: iMIS batch 1041 is in the ledger as AB001041-1");
        Cli.Result again = cli.run("convert", "imis", Samples.file("imis-export.csv").toString(), "--batch", "1041", "--out",
                converted.toString());
        assertThat(again.exitCode()).as("the files of the first conversion are there").isEqualTo(1);
        assertThat(again.out()).contains("OUTPUT_EXISTS");
        assertThat(cli.run("batch", "status", "1", "--to", "READY").exitCode()).isZero();
        assertThat(cli.run("batch", "post", "1").exitCode()).isZero();
        JsonNode waiting = JSON.readTree(cli.run("--report", "json", "gl", "pending", "--from", "2026-01-01").out());
        assertThat(waiting.get("journalsInRange").asLong()).isPositive();
        assertThat(waiting.get("journals")).hasSize((int) waiting.get("journalsInRange").asLong());
        assertThat(cli.run("gl", "pending", "--from", "2026-01-01").out()).contains("ID", "BACKDATED", "journal(s) waiting from 2026-01-01");
        Path books = dir.resolve("books.journal");
        Files.writeString(books, "account Assets:1050\naccount Assets:1900\naccount Income:4200\n");
        assertThat(cli.run("gl", "target", "add", "books", "--type", "ledger", "--path", books.toString()).exitCode()).isZero();
        Cli.Result outside = cli.run("gl", "target", "add", "cron", "--type", "ledger", "--path", "/etc/cron.d/ledger");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("PATH_OUTSIDE_GL_DIR");
        assertThat(cli.run("gl", "target", "add", "metadata", "--type", "http", "--url", "http://169.254.169.254/latest").err())
                .contains("GL_URL_NOT_ALLOWED");

        Cli.Result invalid = cli.run("gl", "validate", "--all");
        assertThat(invalid.exitCode()).isEqualTo(3);
        assertThat(invalid.out()).contains("UNKNOWN_GL_ACCOUNT", "Income:4000");
        assertThat(cli.run("gl", "send", "--all").exitCode()).isEqualTo(3);

        Files.writeString(books, "account Income:4000\naccount Income:4100\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(cli.run("gl", "send", "--all").exitCode()).isZero();
        assertThat(cli.run("gl", "send", "1", "2").out()).contains("2 had been sent before: nothing done for them");
        JsonNode pending = JSON.readTree(cli.run("--report", "json", "gl", "pending").out());
        assertThat(pending.get("journals")).isEmpty();
        assertThat(cli.run("gl", "history", "1").out()).contains("gl.validated", "gl.sent");
    }

    @Test
    void corrections_from_the_command_line_void_several_batches_import_again_reverse_and_apply_credits() {
        Cli cli = sampleLedgerOwingItsInvoices();
        String payments = Samples.file("payments.csv").toString();
        assertThat(cli.run("import", "payments", payments, "--allow-overpayment").exitCode()).isZero();

        Cli.Result voided = cli.run("batch", "void", "1", "2", "--reason", "wrong settlement file");
        assertThat(voided.exitCode()).as(voided.err()).isZero();
        Cli.Result again = cli.run("--report", "json", "import", "payments", payments, "--allow-overpayment");
        assertThat(JSON.readTree(again.out()).get("status").asString()).as("a voided file imports again").isEqualTo("committed");

        assertThat(cli.run("batch", "status", "3", "4", "--to", "READY").exitCode()).isZero();
        assertThat(cli.run("batch", "post", "3", "4").exitCode()).isZero();
        Cli.Result reversing = cli.run("batch", "reverse", "3", "4", "--reason", "deposit returned", "--date", "2026-11-21");
        assertThat(reversing.exitCode()).as(reversing.err()).isZero();
        assertThat(reversing.out()).contains("REVERSING").contains("set it READY and post it");
        Cli.Result shown = cli.run("batch", "show", "3");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("imported from payments.csv (payments, import ").contains("reversal prepared in batch")
                .contains("deposit returned").contains("ENTITY").contains("ACCOUNT").contains("journal ");
        Cli.Result voidedShown = cli.run("--report", "json", "batch", "show", "1");
        var history = JSON.readTree(voidedShown.out()).get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString()).isEqualTo("wrong settlement file");
        assertThat(JSON.readTree(voidedShown.out()).get("journals")).isEmpty();
        Cli.Result none = cli.run("batch", "show", "999");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no batch 999");
        Cli.Result twice = cli.run("--report", "json", "batch", "reverse", "3", "--reason", "again");
        assertThat(twice.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(twice.out()).get("code").asString()).isEqualTo("BATCH_ALREADY_REVERSED");

        Cli.Result apply = cli.run("--report", "json", "documents", "apply", "CM-3001", "--to", "INV-20415");
        assertThat(apply.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(apply.out()).get("code").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(cli.run("documents", "apply-credits", "--dry-run").exitCode()).as("nothing any credit may pay").isEqualTo(3);
        assertThat(cli.run("report", "reconciliation").out()).contains("1200 + 2300");
        Cli.Result aged = cli.run("report", "aging");
        assertThat(aged.exitCode()).as(aged.err()).isZero();
        assertThat(aged.out()).contains("AR aging on 2026-11-21").contains("OVER 90").contains("100233");
        var agedJson = JSON.readTree(cli.run("--report", "json", "report", "aging", "--module", "AP").out());
        assertThat(agedJson.get("module").asString()).isEqualTo("AP");
        assertThat(agedJson.get("parties").get(0).get("partyId").asString()).isEqualTo("V9001");
        assertThat(cli.run("report", "aging", "--module", "PM").exitCode()).isEqualTo(2);
        assertThat(cli.run("setting", "show").out()).contains("allow-prepayments-and-overpayments: off");
        assertThat(cli.run("setting", "allow-prepayments-and-overpayments", "on").exitCode()).isZero();
        assertThat(cli.run("--report", "json", "setting", "show").out()).contains("\"allow-prepayments-and-overpayments\":true");
        assertThat(cli.run("setting", "allow-prepayments-and-overpayments", "maybe").exitCode()).isEqualTo(2);
        assertThat(cli.run("check").exitCode()).isZero();
    }

    @Test
    void payments_post_deposit_journals_whose_payments_are_listed_and_an_entity_may_ask_for_a_journal_per_payment() {
        Cli cli = sampleLedgerOwingItsInvoices();
        assertThat(cli.run("import", "payments", Samples.file("payments.csv").toString(), "--allow-overpayment").exitCode()).isZero();

        JsonNode journals = JSON.readTree(cli.run("--report", "json", "report", "journals").out());
        JsonNode deposit = null;
        for (JsonNode journal : journals) {
            if (journal.get("source").asString().startsWith("payments import") && !journal.hasNonNull("depositOf")) {
                deposit = journal;
                break;
            }
        }
        assertThat(deposit).as("a deposit journal of the payments import").isNotNull();
        long id = deposit.get("id").asLong();
        int counted = deposit.get("lines").get(0).get("payments").asInt();
        assertThat(deposit.get("lines").get(0).get("description").asString()).contains(counted == 1 ? "1 payment" : counted + " payments");

        Cli.Result listed = cli.run("--report", "json", "report", "journals", "--id", String.valueOf(id), "--payments");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode payments = JSON.readTree(listed.out());
        assertThat(payments.get("journal").get("id").asLong()).isEqualTo(id);
        assertThat(payments.get("payments")).hasSize(counted);
        assertThat(payments.get("payments").get(0).get("number").asString()).startsWith("PAY-");
        assertThat(cli.run("report", "journals", "--id", String.valueOf(id), "--payments").out()).contains("PAYMENT", "BILL TO", "PAY-");
        assertThat(cli.run("report", "journals", "--payments").exitCode()).as("--payments needs --id").isEqualTo(2);
        assertThat(cli.run("report", "journals", "--id", "999999").exitCode()).isEqualTo(1);

        assertThat(cli.run("setting", "show").out()).contains("payment-gl-detail BMC: deposit");
        assertThat(cli.run("setting", "payment-gl-detail", "BMC", "payment").exitCode()).isZero();
        assertThat(cli.run("--report", "json", "setting", "show").out()).contains("\"BMC\":\"payment\"");
        Cli.Result unknown = cli.run("setting", "payment-gl-detail", "NOPE", "payment");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("UNKNOWN_ENTITY");
        assertThat(cli.run("setting", "payment-gl-detail", "BMC", "weekly").exitCode()).isEqualTo(2);
        assertThat(cli.run("import", "payments", Samples.file("payments.csv").toString(), "--gl-detail", "monthly").exitCode())
                .isEqualTo(2);
        assertThat(cli.run("check").exitCode()).isZero();
    }

    /** A fresh ledger of the sample setup files whose migrated documents are released and AR out of migration mode. */
    private static Cli sampleLedgerOwingItsInvoices() {
        return Cli.onFreshLedger("2026-11-21").owingTheSampleInvoices();
    }
}
