-- Payments (seed 003, iDMS): a received payment, and the order references of "pay later" rows.
-- What a payment paid is in `application` (one row per invoice paid); what it left unapplied is
-- an open AR document of the payment (type PAYMENT or PREPAYMENT) with that open balance.

CREATE TABLE payment (
    entity_code   text NOT NULL,       -- the entity whose cash account received it
    number        text NOT NULL,       -- PAY-<import run>-<row>, also the number of its AR document
    party_id      text NOT NULL,
    payment_date  date NOT NULL,
    amount        numeric(20, 4) NOT NULL CHECK (amount > 0),
    currency      char(3) NOT NULL,
    method_id     text NOT NULL,
    check_number  text,
    prepayment    boolean NOT NULL,
    applied       numeric(20, 4) NOT NULL CHECK (applied >= 0),
    unapplied     numeric(20, 4) NOT NULL CHECK (unapplied >= 0),
    import_run_id bigint,
    row_no        bigint,
    batch_id      bigint,
    PRIMARY KEY (entity_code, number),
    CHECK (applied + unapplied = amount)
);
-- insert-with-matching looks payments up by bill-to, date and amount
CREATE INDEX payment_match ON payment (party_id, payment_date, amount);

CREATE TABLE order_reference (
    entity_code     text NOT NULL,
    module          text NOT NULL,
    document_number text NOT NULL,
    reference       text NOT NULL,     -- the purchase order number of a "pay later" row
    amount          numeric(20, 4) NOT NULL,
    party_id        text NOT NULL,
    import_run_id   bigint,
    row_no          bigint
);
CREATE INDEX order_reference_by_document ON order_reference (entity_code, module, document_number);

