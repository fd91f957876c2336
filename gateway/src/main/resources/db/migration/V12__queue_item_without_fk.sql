-- The waiting queue's items without a foreign key to their complaint (issue 11).
--
-- Every queue item is inserted by the statement that follows its complaint's INSERT in the same
-- transaction (store/BatchInsert), or by a correction that has just locked the complaint's row
-- (queue/CorrectionStore); the retention purge deletes a complaint's items before the complaint.
-- The key's check added nothing to that but its cost, on the hottest statement there is: for each
-- item, a look-up of the complaint and a FOR KEY SHARE lock on its row, which writes the row's
-- header and a WAL record of its own. Measured with pg_stat_statements at saturation, the statement
-- that writes a batch's queue items took 0.37 ms a batch without the key against 0.50-0.54 ms with
-- it, about a tenth of PostgreSQL's time a record (BENCHMARKS.md, "One plan for the INSERT, no
-- key check for the queue"). The link from a closed item (queue_item_done) keeps its key: it is
-- written once, when the work is closed. As for duplicate_of and cluster_member.complaint_id, the
-- tests check that no item is left without its complaint (CommittedOriginalsTest).

ALTER TABLE queue_item DROP CONSTRAINT IF EXISTS queue_item_complaint_id_fkey;
