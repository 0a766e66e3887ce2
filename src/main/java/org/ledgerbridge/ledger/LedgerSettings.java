package org.ledgerbridge.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the ledger that change what its rules accept, audited like every state change. */
@Service
public class LedgerSettings {

    /** Seed 003: "Allow staff users to enter prepayments and overpayments" (Settings > Finance > General). */
    public static final String ALLOW_PREPAYMENTS_AND_OVERPAYMENTS = "allow-prepayments-and-overpayments";
    /** Per entity: what its payments post to the GL, see {@link PaymentGlDetail}. */
    public static final String PAYMENT_GL_DETAIL = "payment-gl-detail";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public LedgerSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean allowPrepaymentsAndOverpayments() {
        return jdbc.sql("SELECT value = 'true' FROM ledger_setting WHERE name = ?").param(ALLOW_PREPAYMENTS_AND_OVERPAYMENTS)
                .query(Boolean.class).optional().orElse(false);
    }

    @Transactional
    public void setAllowPrepaymentsAndOverpayments(boolean allow, String actor) {
        jdbc.sql("""
                        INSERT INTO ledger_setting (name, value, changed_by) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .params(ALLOW_PREPAYMENTS_AND_OVERPAYMENTS, String.valueOf(allow), actor).update();
        audit.record(actor, "setting.changed", "setting:" + ALLOW_PREPAYMENTS_AND_OVERPAYMENTS, Map.of("value", allow));
    }

    /** What each entity's payments post to its GL (the setting "payment GL detail"), by entity code. */
    public Map<String, PaymentGlDetail> paymentGlDetail() {
        Map<String, PaymentGlDetail> details = new LinkedHashMap<>();
        jdbc.sql("SELECT code, payment_gl_detail FROM financial_entity ORDER BY code")
                .query(rs -> {
                    details.put(rs.getString(1), PaymentGlDetail.valueOf(rs.getString(2)));
                });
        return details;
    }

    /** Sets an entity's payment GL detail; false when there is no such entity. */
    @Transactional
    public boolean setPaymentGlDetail(String entity, PaymentGlDetail detail, String actor) {
        int changed = jdbc.sql("UPDATE financial_entity SET payment_gl_detail = ? WHERE code = ?")
                .params(detail.name(), entity).update();
        if (changed == 0) {
            return false;
        }
        audit.record(actor, "setting.changed", "setting:" + PAYMENT_GL_DETAIL + "/" + entity, Map.of("value", detail.option()));
        return true;
    }
}
