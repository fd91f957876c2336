-- The stored record and verdict as json, not jsonb (issue 11).
--
-- Every record is written once and read back whole, as text: nothing queries inside either column
-- (the queues, groups, deadlines and board read their own columns). jsonb parses each document
-- into its binary form on the way in and prints it again on the way out, and that form of a
-- stored record is half as large again as its text (628 against 418 bytes on average over 30,522
-- records of the benchmark corpus; verdicts 287 against 281). json checks the text is JSON and
-- keeps it as written: the gateway's own canonical form, byte for byte. Measured in psql over those
-- records, the input cast took 4.3 µs a record and 2.5 µs a verdict as jsonb, 0.9 and 0.4 µs as
-- json (BENCHMARKS.md, "The record as json").
--
-- Rewrites the table once (an ALTER COLUMN … TYPE): seconds for a year of Xiamen's filings. The
-- statistics targets of V10 stay 0. json's operators (->, ->>) still read inside a record by hand.

ALTER TABLE complaint
    ALTER COLUMN record TYPE json USING record::json,
    ALTER COLUMN verdict TYPE json USING verdict::json;

ALTER TABLE complaint
    ALTER COLUMN record SET STATISTICS 0,
    ALTER COLUMN verdict SET STATISTICS 0;
