package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What posting reads of the ledger (the chart its rules check against) and how it writes journals: set-based, in two statements. */
@Component
class JournalStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    JournalStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Journal ids taken from the sequence ahead of writing. */
    List<Long> reserveIds(int n) {
        return jdbc.sql("SELECT nextval('journal_id_seq') FROM generate_series(1, ?)").param(n).query(Long.class).list();
    }

    record PreparedJournal(JournalDraft draft, List<BigDecimal[]> baseAmounts, Long reverses, String reason) {
    }

    /** Two set-based statements whatever the number of journals; all lines of a journal in one statement. */
    List<Long> insert(long batchId, List<PreparedJournal> journals, List<Long> reservedIds, String actor) {
        int n = journals.size();
        List<Long> ids = reservedIds != null ? reservedIds : reserveIds(n);
        if (ids.size() != n) {
            throw new IllegalArgumentException(n + " journals, " + ids.size() + " ids");
        }
        Long[] depositOf = new Long[n];
        String[] entity = new String[n];
        Date[] date = new Date[n];
        String[] source = new String[n];
        String[] description = new String[n];
        Long[] reverses = new Long[n];
        String[] reason = new String[n];
        int lineCount = journals.stream().mapToInt(j -> j.draft().lines().size()).sum();
        Long[] lJournal = new Long[lineCount];
        String[] lEntity = new String[lineCount];
        Integer[] lNo = new Integer[lineCount];
        String[] lAccount = new String[lineCount];
        String[] lCurrency = new String[lineCount];
        BigDecimal[] lDebit = new BigDecimal[lineCount];
        BigDecimal[] lCredit = new BigDecimal[lineCount];
        BigDecimal[] lBaseDebit = new BigDecimal[lineCount];
        BigDecimal[] lBaseCredit = new BigDecimal[lineCount];
        String[] lParty = new String[lineCount];
        String[] lDocument = new String[lineCount];
        String[] lDescription = new String[lineCount];
        Integer[] lPayments = new Integer[lineCount];
        String[] lTax = new String[lineCount];
        int k = 0;
        for (int i = 0; i < n; i++) {
            PreparedJournal journal = journals.get(i);
            JournalDraft draft = journal.draft();
            entity[i] = draft.entity();
            date[i] = Date.valueOf(draft.date());
            source[i] = draft.source();
            description[i] = draft.description();
            reverses[i] = journal.reverses();
            reason[i] = journal.reason();
            depositOf[i] = draft.depositOf();
            for (int l = 0; l < draft.lines().size(); l++, k++) {
                JournalLineDraft line = draft.lines().get(l);
                lJournal[k] = ids.get(i);
                lEntity[k] = draft.entity();
                lNo[k] = l + 1;
                lAccount[k] = line.account();
                lCurrency[k] = line.currency();
                lDebit[k] = line.debit();
                lCredit[k] = line.credit();
                lBaseDebit[k] = journal.baseAmounts().get(l)[0];
                lBaseCredit[k] = journal.baseAmounts().get(l)[1];
                lParty[k] = line.partyId();
                lDocument[k] = line.documentNumber();
                lDescription[k] = line.description();
                lPayments[k] = line.payments();
                lTax[k] = line.taxCode();
            }
        }
        jdbcTemplate.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO journal (id, entity_code, batch_id, journal_date, source, description,
                                         reverses_journal_id, reversal_reason, deposit_journal_id, created_by)
                    SELECT id, entity, ?, day, source, description, reverses, reason, deposit_of, ?
                      FROM unnest(?::bigint[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[])
                           AS j(id, entity, day, source, description, reverses, reason, deposit_of)""");
            ps.setLong(1, batchId);
            ps.setString(2, actor);
            ps.setArray(3, con.createArrayOf("bigint", ids.toArray()));
            ps.setArray(4, con.createArrayOf("text", entity));
            ps.setArray(5, con.createArrayOf("date", date));
            ps.setArray(6, con.createArrayOf("text", source));
            ps.setArray(7, con.createArrayOf("text", description));
            ps.setArray(8, con.createArrayOf("bigint", reverses));
            ps.setArray(9, con.createArrayOf("text", reason));
            ps.setArray(10, con.createArrayOf("bigint", depositOf));
            return ps;
        });
        jdbcTemplate.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO journal_line (journal_id, entity_code, line_no, account_code, currency, debit, credit,
                                              base_debit, base_credit, party_id, document_number, description, payment_count,
                                              tax_code)
                    SELECT * FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                                         ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[])""");
            Array[] arrays = {
                    con.createArrayOf("bigint", lJournal), con.createArrayOf("text", lEntity),
                    con.createArrayOf("int", lNo), con.createArrayOf("text", lAccount),
                    con.createArrayOf("text", lCurrency), con.createArrayOf("numeric", lDebit),
                    con.createArrayOf("numeric", lCredit), con.createArrayOf("numeric", lBaseDebit),
                    con.createArrayOf("numeric", lBaseCredit), con.createArrayOf("text", lParty),
                    con.createArrayOf("text", lDocument), con.createArrayOf("text", lDescription),
                    con.createArrayOf("int", lPayments), con.createArrayOf("text", lTax)};
            for (int a = 0; a < arrays.length; a++) {
                ps.setArray(a + 1, arrays[a]);
            }
            return ps;
        });
        return ids;
    }

    /**
     * What the rules need to know of the ledger for these journals, read once per posting request.
     * @param allParties read every party (a stream's journals name parties not known in advance)
     */
    JournalRules.Chart chartFor(List<JournalDraft> drafts, boolean allParties) {
        Map<String, FinancialEntity> entities = new HashMap<>();
        Map<String, Boolean> accountActive = new HashMap<>();
        Map<String, LocalDate> closedThrough = new HashMap<>();
        Set<String> parties = new HashSet<>();
        String[] entityCodes = drafts.stream().map(JournalDraft::entity).distinct().toArray(String[]::new);
        String[] partyIds = drafts.stream().flatMap(d -> d.lines().stream()).map(JournalLineDraft::partyId)
                .filter(p -> p != null).distinct().toArray(String[]::new);
        jdbc.sql("SELECT code, name, base_currency FROM financial_entity WHERE code = ANY(?)")
                .param(entityCodes)
                .query(rs -> {
                    entities.put(rs.getString(1), new FinancialEntity(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        jdbc.sql("SELECT entity_code, account_code, active FROM account WHERE entity_code = ANY(?)")
                .param(entityCodes)
                .query(rs -> {
                    accountActive.put(JournalRules.Chart.accountKey(rs.getString(1), rs.getString(2)), rs.getBoolean(3));
                });
        jdbc.sql("SELECT entity_code, closed_through FROM period_close WHERE entity_code = ANY(?)")
                .param(entityCodes)
                .query(rs -> {
                    closedThrough.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        if (allParties) {
            parties.addAll(jdbc.sql("SELECT party_id FROM party").query(String.class).list());
        } else if (partyIds.length > 0) {
            parties.addAll(jdbc.sql("SELECT party_id FROM party WHERE party_id = ANY(?)").param(partyIds).query(String.class).list());
        }
        return new JournalRules.Chart(entities, accountActive, closedThrough, parties);
    }
}
