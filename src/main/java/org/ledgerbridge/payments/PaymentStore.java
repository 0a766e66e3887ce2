package org.ledgerbridge.payments;

import org.ledgerbridge.ledger.Batch;
import org.ledgerbridge.ledger.BatchService;
import org.ledgerbridge.ledger.BatchType;
import org.ledgerbridge.ledger.FinancialEntity;
import org.ledgerbridge.ledger.JournalDraft;
import org.ledgerbridge.ledger.PaymentGlDetail;
import org.ledgerbridge.ledger.PaymentMethod;
import org.ledgerbridge.ledger.Posting;
import org.ledgerbridge.ledger.PostingRefusedException;
import org.ledgerbridge.ledger.PostingService;
import org.ledgerbridge.ledger.PostingStream;
import org.ledgerbridge.receivables.DocumentStatus;
import org.ledgerbridge.receivables.Documents;
import org.ledgerbridge.receivables.NewDocument;
import org.ledgerbridge.storage.CopyWriter;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes what the rows of one payments import hold, inside the import's transaction: payments,
 * their applications and credits (streamed with COPY while the next rows are read), the order
 * references of "pay later" rows, and the journals: summed into deposit journals posted at the
 * end, or one per payment streamed as they come ({@link PaymentGlDetail}).
 */
final class PaymentStore {

    /** Payments by these methods arrive through the website: iMIS puts them in auto-batches (seed 000). */
    private static final Set<String> CARD_METHODS = Set.of("VISA", "MC", "MASTERCARD", "AMEX", "DISCOVER", "DINERS", "JCB", "CARD");
    private static final int JOURNAL_IDS_PER_BLOCK = 1000;

    private final BatchService batches;
    private final PostingService posting;
    private final Map<String, FinancialEntity> entities;
    private final PaymentJournals journals;
    private final Function<String, PaymentGlDetail> glDetailOf;
    private final long importRunId;
    private final String actor;
    private final String source;

    private final Documents.PaymentWriter payments;
    private final CopyWriter paymentRows;
    private final CopyWriter orderReferences;
    private final Map<BatchType, Batch> batchOf = new java.util.LinkedHashMap<>(); // in the order they were opened
    private final Map<BatchType, PostingStream> streams = new EnumMap<>(BatchType.class);
    private final Collection<List<OpenInvoice>> invoices;
    private final DepositJournals deposits;
    private final ArrayDeque<Long> journalIds = new ArrayDeque<>();

    /**
     * @param invoices   the open invoices the rules applied the payments to, each party's: what they paid off each is
     *                   written at close
     * @param glDetailOf what a cash entity's payments post to the GL
     */
    PaymentStore(BatchService batches, PostingService posting, Documents documents, DataSource dataSource,
                 Map<String, FinancialEntity> entities, Collection<List<OpenInvoice>> invoices, PaymentJournals journals,
                 Function<String, PaymentGlDetail> glDetailOf, long importRunId, String actor) {
        this.invoices = invoices;
        this.batches = batches;
        this.posting = posting;
        this.entities = entities;
        this.journals = journals;
        this.glDetailOf = glDetailOf;
        this.importRunId = importRunId;
        this.actor = actor;
        this.source = "payments import #" + importRunId;
        this.payments = documents.paymentWriter(importRunId);
        this.paymentRows = new CopyWriter(dataSource, """
                payment (entity_code, number, party_id, payment_date, amount, currency, method_id, check_number, prepayment,
                         applied, unapplied, import_run_id, row_no, batch_id, journal_id)""");
        this.orderReferences = new CopyWriter(dataSource,
                "order_reference (entity_code, module, document_number, reference, amount, party_id, import_run_id, row_no)");
        this.deposits = new DepositJournals(entities, this::nextJournalId);
    }

    /** A "pay later" row: its purchase order recorded against the invoices it names; no cash moves. */
    void payLater(Payment payment) {
        for (PaymentApplication.Allocation allocation : payment.plan().allocations()) {
            orderReferences.row(allocation.invoice().entity(), "AR", allocation.invoice().number(), payment.checkNumber(),
                    allocation.amount(), payment.party().id(), importRunId, payment.row());
        }
    }

    /** A payment received: what it paid, the credit it leaves, and its journals. */
    void paid(Payment payment) {
        String number = payment.number(importRunId);
        PaymentApplication.Plan plan = payment.plan();
        for (PaymentApplication.Allocation allocation : plan.allocations()) {
            payments.paid(allocation.invoice().entity(), allocation.invoice().number(), allocation.amount(), payment.date(), number);
        }
        if (plan.unapplied().signum() > 0) {
            payments.credit(creditOf(payment, number));
        }
        BatchType type = batchTypeOf(payment.method());
        Batch batch = batchOf(type);
        List<JournalDraft> drafts = journals.of(payment, number, source + ", row " + payment.row());
        long journalId;
        if (glDetailOf.apply(payment.cashEntity()) == PaymentGlDetail.PAYMENT) {
            PostingStream stream = streams.computeIfAbsent(type, t -> {
                payments.awaitSent();
                return posting.stream(batch.id(), entities.keySet(), actor);
            });
            journalId = stream.post(drafts.get(0));
            for (int i = 1; i < drafts.size(); i++) {
                stream.post(drafts.get(i));
            }
        } else {
            journalId = deposits.add(type, payment, drafts);
        }
        paymentRows.row(payment.cashEntity(), number, payment.party().id(), payment.date(), payment.received().amount(),
                payment.received().currency(), payment.method().id(), blankToNull(payment.checkNumber()),
                plan.rule() == PaymentApplication.Rule.PREPAYMENT, plan.applied(), plan.unapplied(), importRunId, payment.row(),
                batch.id(), journalId);
    }

    /**
     * A payment that leaves a credit: an open AR document of its own for what it did not apply, for that
     * amount (the payment's whole amount, and what it applied, are on the payment and its journal).
     */
    private NewDocument creditOf(Payment payment, String number) {
        PaymentApplication.Plan plan = payment.plan();
        boolean prepayment = plan.rule() == PaymentApplication.Rule.PREPAYMENT;
        boolean base = payment.rate() == null || payment.received().isIn(entities.get(payment.cashEntity()).baseCurrency());
        return NewDocument.of(payment.cashEntity(), NewDocument.Module.AR, prepayment ? "PREPAYMENT" : "PAYMENT", number,
                        payment.party().id(), payment.date(), payment.received().currency(), base ? BigDecimal.ONE : payment.rate(), plan.unapplied(),
                        plan.unapplied(), DocumentStatus.OPEN, NewDocument.Origin.LEDGERBRIDGE)
                .referring(payment.checkNumber())
                .describedAs((prepayment ? "Prepayment " : "Unapplied payment ") + payment.method().id() + " (of "
                        + payment.received().amount().toPlainString() + " received)")
                .document();
    }

    private static BatchType batchTypeOf(PaymentMethod method) {
        return CARD_METHODS.contains(method.id().toUpperCase(Locale.ROOT)) ? BatchType.AUTO : BatchType.DEPOSIT;
    }

    /** One batch per batch type and import, opened at its first payment. */
    private Batch batchOf(BatchType type) {
        return batchOf.computeIfAbsent(type, t -> {
            payments.awaitSent(); // the connection is needed for a statement between COPY chunks
            return batches.openForImport(t, importRunId, actor);
        });
    }

    private long nextJournalId() {
        if (journalIds.isEmpty()) {
            payments.awaitSent();
            journalIds.addAll(posting.reserveJournalIds(JOURNAL_IDS_PER_BLOCK));
        }
        return journalIds.poll();
    }

    List<String> batchNames() {
        return batchOf.values().stream().map(Batch::name).toList();
    }

    long invoicesClosed() {
        return payments.invoicesClosed();
    }

    /** Sends the rest, lowers the invoices' open balances, and posts the deposit journals. */
    void close() {
        paymentRows.flush();
        orderReferences.flush();
        streams.values().forEach(PostingStream::close);
        payments.close(paidInAll -> {
            for (List<OpenInvoice> ofParty : invoices) {
                for (OpenInvoice invoice : ofParty) {
                    BigDecimal paid = invoice.paidSinceRead();
                    if (paid.signum() > 0) {
                        paidInAll.invoice(invoice.entity(), invoice.number(), paid);
                    }
                }
            }
        });
        postDeposits();
    }

    private void postDeposits() {
        for (Map.Entry<BatchType, Batch> batch : batchOf.entrySet()) {
            List<JournalDraft> drafts = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (DepositJournals.Deposit deposit : deposits.deposits()) {
                if (deposit.key.batch() != batch.getKey()) {
                    continue;
                }
                List<JournalDraft> ofDeposit = deposit.drafts(source);
                drafts.addAll(ofDeposit);
                ids.add(deposit.cashJournalId);
                for (int i = 1; i < ofDeposit.size(); i++) {
                    ids.add(nextJournalId());
                }
            }
            if (drafts.isEmpty()) {
                continue;
            }
            if (posting.post(batch.getValue().id(), drafts, ids, actor) instanceof Posting.Refused refused) {
                throw new PostingRefusedException(refused);
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
