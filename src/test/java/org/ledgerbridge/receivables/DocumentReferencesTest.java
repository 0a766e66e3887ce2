package org.ledgerbridge.receivables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerbridge.imports.ImportOptions;
import org.ledgerbridge.imports.ImportService;
import org.ledgerbridge.support.LedgerTest;
import org.ledgerbridge.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database holds the subledger's references on its own, checked once per statement. */
@LedgerTest
class DocumentReferencesTest {

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void a_ledger_with_the_sample_parties() {
        if (jdbc.sql("SELECT count(*) FROM party").query(Long.class).single() == 0) {
            for (String kind : List.of("entities", "accounts", "parties")) {
                imports.run(kind, Samples.file(kind + ".csv"), ImportOptions.of(LocalDate.of(2026, 11, 21), "setup"));
            }
        }
    }

    private void insertDocument(String entity, String party) {
        jdbc.sql("""
                INSERT INTO document (entity_code, module, number, doc_type, party_id, doc_date, currency, original_amount,
                                      open_balance, status, origin)
                VALUES (?, 'AR', 'INV-' || nextval('batch_number_seq'), 'INVOICE', ?, '2026-11-01', 'USD', 10, 10, 'OPEN', 'LEDGERBRIDGE')""")
                .params(entity, party).update();
    }

    @Test
    void a_document_of_an_unknown_party_is_refused() {
        assertThatThrownBy(() -> insertDocument("PSAB", "NO-SUCH-PARTY"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("unknown party NO-SUCH-PARTY");
    }

    @Test
    void a_document_of_an_unknown_entity_is_refused() {
        assertThatThrownBy(() -> insertDocument("NOPE", "100231"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("unknown entity NOPE");
    }

    @Test
    void a_document_moved_to_an_unknown_party_is_refused() {
        insertDocument("PSAB", "100231");
        assertThatThrownBy(() -> jdbc.sql("UPDATE document SET party_id = 'NO-SUCH-PARTY' WHERE party_id = '100231'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("unknown party NO-SUCH-PARTY");
        assertThat(jdbc.sql("SELECT count(*) FROM document WHERE party_id = '100231'").query(Long.class).single()).isPositive();
    }

    @Test
    void a_party_with_documents_cannot_be_deleted() {
        insertDocument("PSAB", "100231");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM party WHERE party_id = '100231'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("referred to by documents");
    }

    @Test
    void an_application_to_an_unknown_document_is_refused() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO application (entity_code, module, document_number, amount, applied_on, kind)
                VALUES ('PSAB', 'AR', 'NO-SUCH-INVOICE', 5, '2026-11-02', 'PAYMENT')""").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("unknown document");
    }

    @Test
    void an_open_balance_above_the_original_amount_is_refused() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO document (entity_code, module, number, doc_type, party_id, doc_date, currency, original_amount,
                                      open_balance, status, origin)
                VALUES ('PSAB', 'AR', 'INV-X', 'INVOICE', '100231', '2026-11-01', 'USD', 10, 11, 'OPEN', 'LEDGERBRIDGE')""").update())
                .isInstanceOf(DataAccessException.class);
    }
}
