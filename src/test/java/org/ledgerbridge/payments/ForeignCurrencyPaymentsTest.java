package org.ledgerbridge.payments;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.receivables.MigratedDocuments;
import org.ledgerbridge.receivables.MigrationMode;
import org.ledgerbridge.receivables.OpenItems;
import org.ledgerbridge.receivables.Reconciliation;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The migrated CAD invoice INV-20415 (500.00 CAD carried at 0.7312, 365.60 USD) of member 100235 is
 * paid in CAD, or in USD at the payment's rate, and the realized exchange difference is posted.
 */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ForeignCurrencyPaymentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String HEADER = "BILL_TO_ID,AMOUNT,PAYMENT_METHOD_ID,DATE,CHECK_NUMBER,INVOICE_NUMBERS,CURRENCY,EXCHANGE_RATE\n";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired Reconciliation reconciliation;
    @Autowired OpenItems openItems;
    @Autowired LedgerCheck check;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void the_sample_ledger_migrated_with_its_trial_balance_and_an_exchange_gain_and_loss_account() throws IOException {
        Samples.migratedWithTrialBalance(imports, migrationMode, migrated, TODAY, dir, "", """
                ENTITY,ACCOUNT,DEBIT,CREDIT,AS_OF
                PSAB,1200,2375.60,,2026-10-31
                PSAB,2000,,4310.00,2026-10-31
                PSAB,3900,1934.40,,2026-10-31
                BMC,1200,2200.00,,2026-10-31
                BMC,3900,,2200.00,2026-10-31
                """);
        Path fx = dir.resolve("fx-account.csv");
        Files.writeString(fx, "ENTITY,ACCOUNT,NAME,TYPE,ROLE\nPSAB,7900,Realized Exchange Gain and Loss,REVENUE,FX_GAIN_LOSS\n");
        Samples.committed(imports, "accounts", fx, TODAY);
        assertThat(differences()).isEmpty();
    }

    private ImportReport pay(String rows) throws IOException {
        Path file = dir.resolve("payments-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + rows);
        return imports.run("payments", file, ImportOptions.of(TODAY, "clerk").withFlag("allow-overpayment", "true"));
    }

    private List<Reconciliation.Line> differences() {
        return reconciliation.run(null).stream().filter(l -> l.difference().signum() != 0).toList();
    }

    private BigDecimal open(String number) {
        return jdbc.sql("SELECT open_balance FROM document WHERE number = ?").param(number).query(BigDecimal.class).single();
    }

    /** Every line the payment posted: account, currency, debit, credit, base debit, base credit. */
    private List<String> lines() {
        return jdbc.sql("""
                        SELECT l.account_code || ' ' || l.currency || ' ' || l.debit || ' ' || l.credit || ' ' || l.base_debit || ' '
                               || l.base_credit
                          FROM journal_line l JOIN journal j ON j.entity_code = l.entity_code AND j.id = l.journal_id JOIN batch b ON b.id = j.batch_id
                         WHERE b.batch_type <> 'OPENING' ORDER BY j.id, l.line_no""")
                .query(String.class).list();
    }

    @Test
    void the_cad_invoice_paid_in_cad_at_a_higher_rate_posts_the_exchange_gain() throws IOException {
        ImportReport report = pay("100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,0.7400\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(open("INV-20415")).isZero();
        assertThat(lines()).containsExactly(
                "1010 CAD 500.0000 0.0000 370.0000 0.0000",
                "1200 CAD 0.0000 500.0000 0.0000 370.0000",
                "1200 USD 4.4000 0.0000 4.4000 0.0000",
                "7900 USD 0.0000 4.4000 0.0000 4.4000");
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void the_cad_invoice_paid_in_usd_converts_at_the_payments_rate_and_posts_the_exchange_gain() throws IOException {
        ImportReport report = pay("100235,370.00,CHK-PSAB,2026-11-06,5002,INV-20415,,0.7400\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.summary()).containsEntry("amountApplied", "370.00").containsEntry("creditsCreated", "0.00");
        assertThat(open("INV-20415")).as("370.00 USD at 0.74 is the whole 500.00 CAD").isZero();
        assertThat(lines()).containsExactly(
                "1010 USD 370.0000 0.0000 370.0000 0.0000",
                "1200 USD 0.0000 370.0000 0.0000 370.0000",
                "1200 USD 4.4000 0.0000 4.4000 0.0000",
                "7900 USD 0.0000 4.4000 0.0000 4.4000");
        assertThat(check.run()).isEmpty();
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_lower_rate_posts_an_exchange_loss_and_what_is_left_stays_open_in_cad() throws IOException {
        ImportReport report = pay("100235,300.00,CHK-PSAB,2026-11-06,5003,INV-20415,CAD,0.7200\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(open("INV-20415")).isEqualByComparingTo("200.00");
        assertThat(lines()).containsExactly(
                "1010 CAD 300.0000 0.0000 216.0000 0.0000",
                "1200 CAD 0.0000 300.0000 0.0000 216.0000",
                "7900 USD 3.3600 0.0000 3.3600 0.0000",
                "1200 USD 0.0000 3.3600 0.0000 3.3600");
        assertThat(differences()).isEmpty();
        assertThat(check.run()).isEmpty();
    }

    @Test
    void a_named_invoice_that_is_not_paid_gives_a_warning_at_its_row_and_column_instead_of_a_silent_credit() throws IOException {
        ImportReport report = pay("100235,100.00,CHK-PSAB,2026-11-06,5004,INV-20415,,\n"
                + "100235,10.00,CHK-PSAB,2026-11-06,5005,INV-20410,,\n"
                + "100235,10.00,CHK-PSAB,2026-11-06,5006,INV-99999,,\n");

        assertThat(report.status()).as(report.errors().toString()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(report.warnings()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(2L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID"),
                tuple(3L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID"),
                tuple(4L, "INVOICE_NUMBERS", "INVOICE_NOT_PAID"));
        assertThat(report.warnings()).extracting(RowProblem::message).containsExactly(
                "invoice INV-20415 is in CAD: pay it in CAD, or give EXCHANGE_RATE to pay it from the base currency",
                "invoice INV-20410 belongs to 100231, not 100235",
                "no AR invoice INV-99999 in the ledger");
        assertThat(open("INV-20415")).isEqualByComparingTo("500.00");
        assertThat(differences()).isEmpty();
    }

    @Test
    void a_foreign_payment_needs_its_rate_and_an_exchange_gain_and_loss_account() throws IOException {
        ImportReport noRate = pay("100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,\n");
        assertThat(noRate.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "EXCHANGE_RATE", "VALUE_REQUIRED"));

        jdbc.sql("UPDATE account SET role = NULL WHERE role = 'FX_GAIN_LOSS'").update();
        ImportReport noAccount = pay("100235,500.00,CHK-PSAB,2026-11-06,5001,INV-20415,CAD,0.74\n");
        assertThat(noAccount.errors()).extracting(p -> p.code().name()).containsExactly("ACCOUNT_ROLE_MISSING");
        assertThat(noAccount.errors().get(0).message()).contains("FX_GAIN_LOSS");
        assertThat(lines()).isEmpty();
    }
}
