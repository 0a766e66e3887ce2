package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportReport;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.imports.ImportStatus;
import org.ledgerbridge.imports.RowProblem;
import org.ledgerbridge.ledger.AuditLog;
import org.ledgerbridge.ledger.LedgerCheck;
import org.ledgerbridge.ledger.LedgerReports;
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

/** Seed 002, migration mode: AR/AP documents enter with their open balances and leave the GL alone. */
@LedgerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class MigrationModeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String HEADER = "MODULE,TYPE,NUMBER,PARTY_ID,ENTITY,DATE,DUE_DATE,CURRENCY,EXCHANGE_RATE,ORIGINAL_AMOUNT,"
            + "OPEN_BALANCE,INVOICE_TYPE,SOURCE_SYSTEM,RETAINAGE_PERCENT,STATUS,DESCRIPTION\n";

    @Autowired ImportService imports;
    @Autowired MigrationMode migrationMode;
    @Autowired MigratedDocuments migrated;
    @Autowired OpenItems openItems;
    @Autowired LedgerReports reports;
    @Autowired LedgerCheck check;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @BeforeEach
    void the_sample_ledger() {
        Samples.imported(imports, TODAY, "entities", "accounts", "parties", "payment-methods");
    }

    private void migrationModeOn() {
        migrationMode.set(NewDocument.Module.AR, true, "controller");
        migrationMode.set(NewDocument.Module.AP, true, "controller");
    }

    private ImportReport importDocuments(String rows) throws IOException {
        Path file = dir.resolve("documents-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + rows);
        return imports.run("documents", file, ImportOptions.of(TODAY, "tester"));
    }

    private ImportReport importSampleDocuments() {
        return imports.run("documents", Samples.file("documents.csv"), ImportOptions.of(TODAY, "tester"));
    }

    private long documents() {
        return jdbc.sql("SELECT count(*) FROM document").query(Long.class).single();
    }

    @Test
    void documents_are_refused_by_a_ledger_rule_while_the_subledger_is_not_in_migration_mode() {
        ImportReport report = importSampleDocuments();

        assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(report.refusedByLedgerRule()).isTrue();
        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "MODULE", "MIGRATION_MODE_OFF"), tuple(9L, "MODULE", "MIGRATION_MODE_OFF"));
        assertThat(documents()).isZero();
    }

    @Test
    void the_sample_documents_import_and_release_and_the_gl_is_untouched() {
        migrationModeOn();
        assertThat(importSampleDocuments().status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(openItems.list(null, true)).extracting(OpenItem::status).containsOnly("BALANCED", "ON_HOLD");

        DocumentChange release = migrated.release(List.of(), true, TODAY.plusDays(9), "controller");

        assertThat(release).isEqualTo(new DocumentChange.Done(8, 1, 1));
        assertThat(openItems.list(null, false))
                .extracting(OpenItem::number, OpenItem::openBalance, OpenItem::status, OpenItem::batch)
                .contains(tuple("INV-20410", new BigDecimal("1250.00"), "OPEN", "Migrated"),
                        tuple("INV-20412", new BigDecimal("480.00"), "OPEN", "Migrated"),
                        tuple("INV-20415", new BigDecimal("500.00"), "OPEN", "Migrated"),
                        tuple("CM-3001", new BigDecimal("60.00"), "OPEN", "Migrated"),
                        tuple("B-7781", new BigDecimal("3879.00"), "OPEN", "Migrated"),
                        tuple("B-7782", new BigDecimal("1800.00"), "ON_HOLD", "Migrated"))
                .doesNotContain(tuple("INV-20414", new BigDecimal("0.00"), "CLOSED", "Migrated"));
        assertThat(openItems.list("100234", true)).singleElement().satisfies(settled -> assertThat(settled.status()).isEqualTo("CLOSED"));
        assertThat(jdbc.sql("SELECT amount FROM application WHERE document_number = 'INV-20414'").query(BigDecimal.class).single())
                .as("a historical document is closed with its historical application").isEqualByComparingTo("75.00");
        assertThat(jdbc.sql("SELECT DISTINCT applied_on FROM application WHERE kind = 'MIGRATED_SETTLEMENT'").query(LocalDate.class).list())
                .as("what was settled before the migration is dated on the day the documents were migrated, not released")
                .containsExactly(TODAY);
        assertThat(jdbc.sql("SELECT unreleased_retainage FROM document WHERE number = 'B-7781'").query(BigDecimal.class).single())
                .as("10% retainage kept apart").isEqualByComparingTo("431.00");
        assertThat(reports.trialBalance(null, true)).as("no journal, no GL batch").isEmpty();
        assertThat(check.run()).isEmpty();
        assertThat(openItems.check()).isEmpty();
    }

    @Test
    void each_document_rule_is_an_error_on_its_row_and_column_and_nothing_is_written() throws IOException {
        migrationModeOn();
        ImportReport report = importDocuments(String.join("\n",
                "AR,INVOICE,OK-1,100231,PSAB,2026-07-01,2026-07-31,USD,1,100.00,100.00,DUES,MEMBERSHIP,,BALANCED,fine",
                "AR,BILL,X-2,100231,PSAB,2026-07-01,,USD,1,100.00,100.00,,,,BALANCED,bill is AP",
                "AR,INVOICE,X-3,100231,PSAB,2026-07-01,,USD,1,100.00,120.00,,,,BALANCED,open above original",
                "AR,INVOICE,X-4,100231,PSAB,2026-07-01,,USD,1,100.00,-1.00,,,,BALANCED,negative open",
                "AR,INVOICE,X-5,100231,PSAB,2026-07-01,,ZZZ,1,100.00,100.00,,,,BALANCED,unknown currency",
                "AR,INVOICE,X-6,100231,PSAB,2026-07-01,,JPY,0.0067,100.5,100.5,,,,BALANCED,yen have no decimals",
                "AR,INVOICE,X-7,100231,PSAB,2026-07-01,,CAD,0,100.00,100.00,,,,BALANCED,zero rate",
                "AR,INVOICE,X-8,100231,PSAB,2026-07-01,,USD,1.1,100.00,100.00,,,,BALANCED,base currency rate not 1",
                "AR,INVOICE,X-9,NOBODY,PSAB,2026-07-01,,USD,1,100.00,100.00,,,,BALANCED,unknown party",
                "AR,INVOICE,X-10,V9001,PSAB,2026-07-01,,USD,1,100.00,100.00,,,,BALANCED,a vendor on AR",
                "AR,INVOICE,OK-1,100231,PSAB,2026-07-01,,USD,1,100.00,100.00,,,,BALANCED,number twice",
                "AP,BILL,X-12,V9001,PSAB,2026-07-01,,USD,1,100.00,100.00,,,150,BALANCED,retainage above 100",
                "AR,INVOICE,X-13,100231,PSAB,2026-07-01,,USD,1,100.00,100.00,,,,OPEN,status not for migration",
                "AR,INVOICE,X-14,100231,NOPE,2026-07-01,,USD,1,100.00,100.00,,,,BALANCED,unknown entity",
                "AR,INVOICE,X-15,100231,PSAB,2026-07-01,2026-06-01,USD,1,100.00,100.00,,,,BALANCED,due before date",
                ""));

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name()).containsExactly(
                tuple(3L, "TYPE", "TYPE_NOT_IN_MODULE"),
                tuple(4L, "OPEN_BALANCE", "OPEN_BALANCE_EXCEEDS_ORIGINAL"),
                tuple(5L, "OPEN_BALANCE", "OPEN_BALANCE_NEGATIVE"),
                tuple(6L, "CURRENCY", "UNKNOWN_CURRENCY"),
                tuple(7L, "ORIGINAL_AMOUNT", "AMOUNT_EXCEEDS_CURRENCY_SCALE"),
                tuple(7L, "OPEN_BALANCE", "AMOUNT_EXCEEDS_CURRENCY_SCALE"),
                tuple(8L, "EXCHANGE_RATE", "EXCHANGE_RATE_NOT_POSITIVE"),
                tuple(9L, "EXCHANGE_RATE", "EXCHANGE_RATE_MUST_BE_ONE"),
                tuple(10L, "PARTY_ID", "UNKNOWN_PARTY"),
                tuple(11L, "PARTY_ID", "PARTY_KIND_MISMATCH"),
                tuple(12L, "NUMBER", "DUPLICATE_IN_FILE"),
                tuple(13L, "RETAINAGE_PERCENT", "RETAINAGE_OUT_OF_RANGE"),
                tuple(14L, "STATUS", "INVALID_VALUE"),
                tuple(15L, "ENTITY", "UNKNOWN_ENTITY"),
                tuple(16L, "DUE_DATE", "DUE_DATE_BEFORE_DOCUMENT_DATE"));
        assertThat(report.errors().stream().filter(e -> e.row() == 4).findFirst().orElseThrow().message())
                .isEqualTo("the open balance 120.00 exceeds the original amount 100.00");
        assertThat(report.refusedByLedgerRule()).isFalse();
        assertThat(documents()).isZero();
    }

    @Test
    void a_number_already_in_the_ledger_is_refused_for_the_same_entity_and_module() throws IOException {
        migrationModeOn();
        importSampleDocuments();

        ImportReport again = importDocuments("AR,INVOICE,INV-20410,100231,PSAB,2026-07-01,,USD,1,5.00,5.00,,,,BALANCED,again\n"
                + "AR,INVOICE,INV-20410,100233,BMC,2026-07-01,,USD,1,5.00,5.00,,,,BALANCED,same number in another entity is fine\n");

        assertThat(again.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "NUMBER", "ALREADY_EXISTS"));
    }

    @Test
    void a_documents_row_of_module_pm_is_refused_at_its_module_projects_have_their_own_imports() throws IOException {
        migrationModeOn();
        ImportReport report = importDocuments("PM,INVOICE,PF-1,100231,PSAB,2026-07-01,2026-07-31,USD,1,100.00,100.00,,,,BALANCED,\n");

        assertThat(report.errors()).extracting(RowProblem::row, RowProblem::column, p -> p.code().name())
                .containsExactly(tuple(2L, "MODULE", "NOT_A_DOCUMENT_MODULE"));
        assertThat(documents()).isZero();
    }

    @Test
    void migration_mode_is_not_turned_off_while_migrated_documents_of_that_subledger_wait_to_be_released() {
        migrationModeOn();
        importSampleDocuments();

        assertThat(migrationMode.set(NewDocument.Module.AR, false, "controller")).hasValueSatisfying(refused -> {
            assertThat(refused.code()).hasToString("UNRELEASED_DOCUMENTS");
            assertThat(refused.message()).startsWith("migrated AR documents are not released yet: BMC/INV-20413, PSAB/CM-3001, "
                    + "PSAB/INV-20410");
        });
        assertThat(migrationMode.isOn(NewDocument.Module.AR)).isTrue();

        migrated.release(List.of(), true, TODAY, "controller");
        assertThat(migrationMode.set(NewDocument.Module.AR, false, "controller")).isEmpty();
        assertThat(migrationMode.set(NewDocument.Module.AP, false, "controller")).as("B-7782 is on hold, not released")
                .hasValueSatisfying(refused -> assertThat(refused.message()).startsWith("migrated AP documents are not released yet: SEC/B-7782;"));
        assertThat(migrationMode.isOn(NewDocument.Module.AR)).isFalse();
    }

    @Test
    void migrated_documents_are_neither_released_nor_edited_once_migration_mode_is_off() {
        migrationModeOn();
        importSampleDocuments();
        // a ledger switched off before the switch checked for unreleased documents
        jdbc.sql("UPDATE migration_mode SET enabled = false WHERE module = 'AR'").update();

        assertThat(migrated.release(List.of("INV-20410"), false, TODAY, "c"))
                .isEqualTo(new DocumentChange.Refused(DocumentRule.MIGRATION_MODE_OFF,
                        "AR is not in migration mode; migrated document INV-20410 can no longer be released"));
        assertThat(migrated.edit("INV-20410", MigratedDocuments.Edit.of(LocalDate.of(2026, 12, 31), null, null), "c"))
                .isInstanceOfSatisfying(DocumentChange.Refused.class, r -> assertThat(r.code()).hasToString("MIGRATION_MODE_OFF"));
        assertThat(openItems.list("100231", false)).extracting(OpenItem::status).containsOnly("BALANCED");
    }

    @Test
    void documents_created_normally_cannot_be_edited_or_released_while_migration_mode_is_on() {
        jdbc.sql("""
                INSERT INTO document (entity_code, module, number, doc_type, party_id, doc_date, currency, original_amount,
                                      open_balance, status, origin, migrated)
                VALUES ('PSAB', 'AR', 'LB-1', 'INVOICE', '100231', '2026-11-01', 'USD', 10, 10, 'OPEN', 'LEDGERBRIDGE', false)""").update();
        migrationModeOn();

        assertThat(migrated.edit("LB-1", MigratedDocuments.Edit.of(null, "changed", null), "c"))
                .isInstanceOfSatisfying(DocumentChange.Refused.class, r -> assertThat(r.code()).hasToString("MIGRATION_MODE_ON"));
        assertThat(migrated.release(List.of("LB-1"), false, TODAY, "c"))
                .isInstanceOfSatisfying(DocumentChange.Refused.class, r -> assertThat(r.code()).hasToString("MIGRATION_MODE_ON"));
    }

    @Test
    void an_on_hold_document_is_not_released_until_it_is_balanced() {
        migrationModeOn();
        importSampleDocuments();

        assertThat(migrated.release(List.of("B-7782"), false, TODAY, "c")).isEqualTo(new DocumentChange.Done(0, 0, 1));
        assertThat(migrated.edit("B-7782", MigratedDocuments.Edit.of(null, null, DocumentStatus.BALANCED), "c")).isInstanceOf(DocumentChange.Done.class);
        assertThat(migrated.release(List.of("B-7782"), false, TODAY, "c")).isEqualTo(new DocumentChange.Done(1, 0, 0));
        assertThat(audit.events("document:B-7782")).extracting(AuditLog.AuditEvent::action).containsExactly("document.edited");
    }

    @Test
    void retainage_becomes_payable_only_when_released() {
        migrationModeOn();
        importSampleDocuments();
        assertThat(migrated.releaseRetainage("B-7781", "c"))
                .isInstanceOfSatisfying(DocumentChange.Refused.class, r -> assertThat(r.code()).hasToString("NOT_RELEASED"));
        migrated.release(List.of("B-7781"), false, TODAY, "c");

        assertThat(migrated.releaseRetainage("B-7781", "c")).isInstanceOf(DocumentChange.Done.class);

        assertThat(openItems.list("V9001", false)).singleElement()
                .satisfies(bill -> assertThat(bill.openBalance()).isEqualByComparingTo("4310.00"));
        assertThat(openItems.check()).isEmpty();
    }

    private String document(String number) {
        return jdbc.sql("""
                        SELECT party_id || ' ' || doc_date || ' ' || coalesce(due_date::text, '-') || ' ' || currency || ' '
                               || exchange_rate::numeric(20, 4) || ' ' || original_amount || ' ' || open_balance || ' ' || status
                          FROM document WHERE number = ?""")
                .param(number).query(String.class).single();
    }

    @Test
    void documents_edit_changes_amount_open_balance_currency_rate_party_and_dates_of_an_unreleased_document_and_audits_it() {
        migrationModeOn();
        importSampleDocuments();
        assertThat(document("INV-20411")).isEqualTo("100231 2026-08-15 2026-09-14 USD 1.0000 340.0000 340.0000 BALANCED");

        var edited = migrated.edit("INV-20411", new MigratedDocuments.Edit("100232", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30),
                "CAD", new BigDecimal("0.7300"), new BigDecimal("400.00"), new BigDecimal("350.00"), "re-keyed", DocumentStatus.ON_HOLD), "c");

        assertThat(edited).isEqualTo(new DocumentChange.Done(1, 0, 0));
        assertThat(document("INV-20411")).isEqualTo("100232 2026-08-01 2026-09-30 CAD 0.7300 400.0000 350.0000 ON_HOLD");
        assertThat(audit.events("document:INV-20411")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("document.edited");
            assertThat(e.details()).contains("\"ORIGINAL_AMOUNT\": \"400.00\"").contains("\"PARTY_ID\": \"100232\"");
        });
    }

    @Test
    void documents_edit_checks_the_edited_document_with_the_imports_rules_and_changes_nothing_when_one_refuses() {
        migrationModeOn();
        importSampleDocuments();
        String before = document("INV-20411");

        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, null, null, null, null, new BigDecimal("341.00"), null, null)))
                .isEqualTo("OPEN_BALANCE_EXCEEDS_ORIGINAL");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit("NOBODY", null, null, null, null, null, null, null, null)))
                .isEqualTo("UNKNOWN_PARTY");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit("V9001", null, null, null, null, null, null, null, null)))
                .isEqualTo("PARTY_KIND_MISMATCH");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, null, null, new BigDecimal("1.2"), null, null, null, null)))
                .isEqualTo("EXCHANGE_RATE_MUST_BE_ONE");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, LocalDate.of(2026, 8, 1), null, null, null, null, null, null)))
                .isEqualTo("DUE_DATE_BEFORE_DOCUMENT_DATE");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, null, "XYZ", null, null, null, null, null)))
                .isEqualTo("UNKNOWN_CURRENCY");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, null, null, null, new BigDecimal("1.001"), null, null, null)))
                .isEqualTo("AMOUNT_EXCEEDS_CURRENCY_SCALE");
        assertThat(editCode("INV-20411", new MigratedDocuments.Edit(null, null, null, null, null, null, null, null, null)))
                .isEqualTo("NOTHING_TO_CHANGE");
        assertThat(document("INV-20411")).isEqualTo(before);
    }

    private String editCode(String number, MigratedDocuments.Edit edit) {
        DocumentChange change = migrated.edit(number, edit, "c");
        assertThat(change).isInstanceOf(DocumentChange.Refused.class);
        return ((DocumentChange.Refused) change).code().name();
    }

    @Test
    void documents_delete_removes_an_unreleased_document_which_then_imports_again_and_a_released_one_is_kept() throws IOException {
        migrationModeOn();
        importSampleDocuments();
        assertThat(importDocuments("AR,INVOICE,INV-20411,100231,PSAB,2026-08-15,2026-09-14,USD,1,345.00,345.00,EVENT,EVENTS,,BALANCED,x\n")
                .errors()).extracting(p -> p.code().name()).containsExactly("ALREADY_EXISTS");

        // a purchase order a "pay later" row recorded against the invoice (the payments module's table)
        jdbc.sql("INSERT INTO order_reference (entity_code, module, document_number, reference, amount, party_id) "
                + "VALUES ('PSAB', 'AR', 'INV-20411', 'PO-88812', 340, '100231')").update();

        assertThat(migrated.delete("PSAB/INV-20411", "keyed with the wrong amount", "c")).isEqualTo(new DocumentChange.Done(1, 0, 0));

        assertThat(jdbc.sql("SELECT count(*) FROM document WHERE number = 'INV-20411'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM order_reference WHERE document_number = 'INV-20411'").query(Long.class).single())
                .as("the purchase orders naming it go with it").isZero();
        assertThat(audit.events("document:INV-20411")).extracting(AuditLog.AuditEvent::action).containsExactly("document.deleted");
        assertThat(importDocuments("AR,INVOICE,INV-20411,100231,PSAB,2026-08-15,2026-09-14,USD,1,345.00,345.00,EVENT,EVENTS,,BALANCED,x\n")
                .status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(migrated.delete("INV-20411", " ", "c")).isInstanceOfSatisfying(DocumentChange.Refused.class,
                r -> assertThat(r.code()).hasToString("REASON_REQUIRED"));
        migrated.release(List.of("INV-20410"), false, TODAY, "c");
        assertThat(migrated.delete("INV-20410", "too late", "c")).isInstanceOfSatisfying(DocumentChange.Refused.class,
                r -> assertThat(r.code()).hasToString("ALREADY_RELEASED"));
        assertThat(migrated.delete("INV-99999", "no such", "c")).isInstanceOfSatisfying(DocumentChange.Refused.class,
                r -> assertThat(r.code()).hasToString("UNKNOWN_DOCUMENT"));
    }
}
