-- Claims take the ready item due soonest, then the oldest: a 12345 work order to sign for by the
-- next working day no longer waits behind complaints due in a week. Items without a deadline (a
-- suggestion) come last. The tie-breakers are in the index, so a claim reads the first ready rows
-- directly instead of sorting the whole queue.
DROP INDEX queue_item_ready_idx;
CREATE INDEX queue_item_ready_idx
    ON queue_item (queue, due_at NULLS LAST, enqueued_at, complaint_id) WHERE state = 'ready';
