-- No planner statistics for the columns that only carry a record (issue 11).
--
-- ANALYZE, which autovacuum runs on complaint as it grows, sorts a sample of every column to build
-- its statistics. For the stored record and verdict (jsonb) that means detoasting and comparing
-- 30,000 documents, and for the content hash and fingerprint (bytea) as many byte strings, for
-- statistics no query uses: nothing filters, joins or sorts on these columns (the idempotency key,
-- ids, queues and times are what the statements look up). At saturation an autovacuum ANALYZE
-- took a fifth of the server's CPU while it ran; without these columns, paired runs of
-- bench/saturate measured 10% and 16% less server CPU a record (BENCHMARKS.md, "No statistics
-- for the payloads"). A column whose target is 0 is skipped by ANALYZE; the others keep theirs.

ALTER TABLE complaint
    ALTER COLUMN record SET STATISTICS 0,
    ALTER COLUMN verdict SET STATISTICS 0,
    ALTER COLUMN content_hash SET STATISTICS 0,
    ALTER COLUMN fingerprint SET STATISTICS 0;
