package org.ledgerbridge.ledger;

import org.ledgerbridge.storage.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ledger's master data: financial entities, charts of accounts, parties, payment methods.
 * Reads return plain values for validators; writers stream many rows in the caller's transaction.
 */
@Service
public class LedgerSetup {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;

    public LedgerSetup(JdbcClient jdbc, DataSource dataSource, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    public Map<String, FinancialEntity> entities() {
        Map<String, FinancialEntity> entities = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, base_currency FROM financial_entity ORDER BY code")
                .query(rs -> {
                    entities.put(rs.getString(1), new FinancialEntity(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        return entities;
    }

    public List<Account> accounts() {
        return jdbc.sql("SELECT entity_code, account_code, name, account_type, role, active FROM account ORDER BY 1, 2")
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        AccountType.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : AccountRole.valueOf(rs.getString(5)), rs.getBoolean(6)))
                .list();
    }

    /** Streams every party to the consumer: a ledger may hold a million members. */
    public void forEachParty(Consumer<Party> consumer) {
        jdbc.sql("SELECT party_id, name, kind, entity_code FROM party")
                .query(rs -> {
                    consumer.accept(new Party(rs.getString(1), rs.getString(2), PartyKind.valueOf(rs.getString(3)), rs.getString(4)));
                });
    }

    public List<PaymentMethod> paymentMethods() {
        return jdbc.sql("SELECT method_id, entity_code, cash_account FROM payment_method ORDER BY 1")
                .query((rs, n) -> new PaymentMethod(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The tax zones of every entity, by "ENTITY/ZONE". */
    public Map<String, TaxZone> taxZones() {
        Map<String, TaxZone> zones = new LinkedHashMap<>();
        jdbc.sql("SELECT entity_code, zone, tax_code, rate, tax_account FROM tax_zone ORDER BY 1, 2")
                .query(rs -> {
                    zones.put(rs.getString(1) + "/" + rs.getString(2), new TaxZone(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4).stripTrailingZeros(), rs.getString(5)));
                });
        return zones;
    }

    public Map<String, TaxCategory> taxCategories() {
        Map<String, TaxCategory> categories = new LinkedHashMap<>();
        jdbc.sql("SELECT category, taxable FROM tax_category ORDER BY 1")
                .query(rs -> {
                    categories.put(rs.getString(1), new TaxCategory(rs.getString(1), rs.getBoolean(2)));
                });
        return categories;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM financial_entity)").query(Boolean.class).single();
    }

    /** entity -> the last day of its closed books. */
    public Map<String, LocalDate> closedPeriods() {
        Map<String, LocalDate> closed = new LinkedHashMap<>();
        jdbc.sql("SELECT entity_code, closed_through FROM period_close")
                .query(rs -> {
                    closed.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        return closed;
    }

    /** Journals of the entity dated on or before this day are refused from now on. */
    public void closePeriod(String entity, LocalDate through, String actor) {
        jdbc.sql("""
                        INSERT INTO period_close (entity_code, closed_through) VALUES (?, ?)
                        ON CONFLICT (entity_code) DO UPDATE SET closed_through = excluded.closed_through""")
                .params(entity, through).update();
        audit.record(actor, "period.closed", "entity:" + entity, Map.of("closedThrough", through.toString()));
    }

    public Writer<FinancialEntity> entityWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "financial_entity (code, name, base_currency)");
        return new Writer<>(copy, e -> copy.row(e.code(), e.name(), e.baseCurrency()));
    }

    public Writer<Account> accountWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "account (entity_code, account_code, name, account_type, role, active)");
        return new Writer<>(copy, a -> copy.row(a.entity(), a.code(), a.name(), a.type(), a.role(), a.active()));
    }

    public Writer<Party> partyWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "party (party_id, name, kind, entity_code)");
        return new Writer<>(copy, p -> copy.row(p.id(), p.name(), p.kind(), p.entity()));
    }

    public Writer<TaxZone> taxZoneWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "tax_zone (entity_code, zone, tax_code, rate, tax_account)");
        return new Writer<>(copy, z -> copy.row(z.entity(), z.zone(), z.taxCode(), z.rate(), z.taxAccount()));
    }

    public Writer<TaxCategory> taxCategoryWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "tax_category (category, taxable)");
        return new Writer<>(copy, c -> copy.row(c.category(), c.taxable()));
    }

    public Writer<PaymentMethod> paymentMethodWriter() {
        CopyWriter copy = new CopyWriter(dataSource, "payment_method (method_id, entity_code, cash_account)");
        return new Writer<>(copy, m -> copy.row(m.id(), m.entity(), m.cashAccount()));
    }

    /** Adds master data in bulk inside the caller's transaction; {@link #close()} sends the rest. */
    public static final class Writer<T> implements AutoCloseable {
        private final CopyWriter copy;
        private final Consumer<T> encoder;

        private Writer(CopyWriter copy, Consumer<T> encoder) {
            this.copy = copy;
            this.encoder = encoder;
        }

        public void add(T value) {
            encoder.accept(value);
        }

        public long count() {
            return copy.rows();
        }

        @Override
        public void close() {
            copy.close();
        }
    }
}
