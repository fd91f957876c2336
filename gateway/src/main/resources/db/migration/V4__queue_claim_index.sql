-- Claims order by (enqueued_at, complaint_id); with the tie-breaker in the index a claim reads
-- the first ready rows directly instead of sorting the whole queue (a burst shares timestamps).
DROP INDEX queue_item_ready_idx;
CREATE INDEX queue_item_ready_idx ON queue_item (queue, enqueued_at, complaint_id) WHERE state = 'ready';
