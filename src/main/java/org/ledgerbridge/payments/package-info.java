/**
 * The payments file: the application rules (PaymentApplication, PaymentRules), deposit journals or
 * a journal per payment, undoing a payments batch.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = {"imports", "ledger", "receivables", "storage"})
package org.ledgerbridge.payments;

import org.springframework.modulith.ApplicationModule;
