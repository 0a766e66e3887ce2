-- A payments import adds an application for nearly every payment, each to an invoice anywhere in the
-- ledger. Every read of applications by document asks for one document (an equality on its number,
-- entity and module alongside), never a range or an order: a hash index answers that, and inserts at
-- random cost it a bucket page instead of a descent through a B-tree of text keys (a million
-- payments' applications wrote in 5.8-6.0 s instead of 7.1-7.8 s; docs/benchmarks.md).
DROP INDEX application_by_document;
CREATE INDEX application_by_document ON application USING hash (document_number);
