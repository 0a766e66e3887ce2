package org.ledgerbridge.receivables;

/**
 * What another module recorded against a document (a "pay later" row's purchase order names the
 * invoice it is for). When a migrated document is deleted, each module removes its part in the same
 * transaction, in its own tables; the receivables never write them.
 */
public interface DocumentDeletions {

    void deleted(String entity, String module, String number);
}
