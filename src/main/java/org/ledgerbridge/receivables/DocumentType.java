package org.ledgerbridge.receivables;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The document types of seed 002 per subledger, and which way each moves the party's balance:
 * +1 the party owes us (AR) / we owe the party (AP), -1 the other way, 0 settled at once.
 */
public enum DocumentType {
    AR_INVOICE(NewDocument.Module.AR, "INVOICE", 1),
    AR_DEBIT_MEMO(NewDocument.Module.AR, "DEBIT_MEMO", 1),
    AR_CREDIT_MEMO(NewDocument.Module.AR, "CREDIT_MEMO", -1),
    AR_PAYMENT(NewDocument.Module.AR, "PAYMENT", -1),
    AR_PREPAYMENT(NewDocument.Module.AR, "PREPAYMENT", -1),
    AR_REFUND(NewDocument.Module.AR, "REFUND", 1),
    AR_CASH_SALE(NewDocument.Module.AR, "CASH_SALE", 0),
    AR_CASH_RETURN(NewDocument.Module.AR, "CASH_RETURN", 0),
    AP_BILL(NewDocument.Module.AP, "BILL", 1),
    AP_DEBIT_ADJUSTMENT(NewDocument.Module.AP, "DEBIT_ADJUSTMENT", -1),
    AP_CREDIT_ADJUSTMENT(NewDocument.Module.AP, "CREDIT_ADJUSTMENT", 1),
    AP_PAYMENT(NewDocument.Module.AP, "PAYMENT", -1),
    AP_PREPAYMENT(NewDocument.Module.AP, "PREPAYMENT", -1),
    AP_REFUND(NewDocument.Module.AP, "REFUND", 1),
    AP_CASH_PURCHASE(NewDocument.Module.AP, "CASH_PURCHASE", 0);

    private final NewDocument.Module module;
    private final String code;
    private final int sign;

    DocumentType(NewDocument.Module module, String code, int sign) {
        this.module = module;
        this.code = code;
        this.sign = sign;
    }

    public static Optional<DocumentType> of(NewDocument.Module module, String code) {
        return Arrays.stream(values()).filter(t -> t.module == module && t.code.equals(code)).findFirst();
    }

    public static List<String> codesOf(NewDocument.Module module) {
        return Arrays.stream(values()).filter(t -> t.module == module).map(t -> t.code).toList();
    }

    public NewDocument.Module module() {
        return module;
    }

    public String code() {
        return code;
    }

    public int sign() {
        return sign;
    }
}
