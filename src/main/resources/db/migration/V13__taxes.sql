-- Taxes from a document's tax zone and tax category: the zone (per entity) gives the tax code
-- the GL knows, the rate and the tax account; the category says whether it is taxable.
CREATE TABLE tax_zone (
    entity_code text NOT NULL REFERENCES financial_entity (code),
    zone        text NOT NULL CHECK (length(zone) BETWEEN 1 AND 40),
    tax_code    text NOT NULL CHECK (length(tax_code) BETWEEN 1 AND 40),
    rate        numeric(9, 6) NOT NULL CHECK (rate >= 0 AND rate < 1),
    tax_account text NOT NULL,
    PRIMARY KEY (entity_code, zone),
    FOREIGN KEY (entity_code, tax_account) REFERENCES account (entity_code, account_code)
);

CREATE TABLE tax_category (
    category text PRIMARY KEY CHECK (length(category) BETWEEN 1 AND 40),
    taxable  boolean NOT NULL
);

ALTER TABLE document ADD COLUMN tax_zone text, ADD COLUMN tax_category text;

-- the tax code a GL line carries (GL history that came with one), for the formats with a field for it
ALTER TABLE journal_line ADD COLUMN tax_code text;
