-- Closed work leaves queue_item (issue 11).
--
-- The monitors (the queue gauges when scraped, the status board every 5 s) read every block of
-- queue_item in chunks and keep the open items. Closed items used to stay in it until the
-- retention purge (three years by default), so each scan read the whole history: at Xiamen's
-- 1,200 items a day, over a million rows after three years, against a few thousand open. Now an
-- item that turns 'done' moves to queue_item_done in the statement that closes it, and
-- queue_item holds only open work (ready, leased, stuck, handling): a scan costs what is open.
--
-- queue_item_done keeps the closed item as it was (queue, deadlines, SLA state, attempts) for
-- audits; nothing on the request path reads it. Its columns are queue_item's, in the same order:
-- a migration that adds a column to one adds it to the other (QueueHistoryTest checks).

CREATE TABLE queue_item_done (LIKE queue_item INCLUDING DEFAULTS);

ALTER TABLE queue_item_done
    ADD PRIMARY KEY (complaint_id),
    ADD FOREIGN KEY (complaint_id) REFERENCES complaint (id);

-- After the row is written, so the statement that closes it (and its RETURNING) is unchanged.
-- An item closed again (a correction requeued a record whose earlier item had been closed)
-- replaces its earlier copy.
CREATE FUNCTION queue_item_retire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM queue_item_done WHERE complaint_id = NEW.complaint_id;
    INSERT INTO queue_item_done SELECT (NEW).*;
    DELETE FROM queue_item WHERE complaint_id = NEW.complaint_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER queue_item_retire
    AFTER INSERT OR UPDATE OF state ON queue_item
    FOR EACH ROW WHEN (NEW.state = 'done')
    EXECUTE FUNCTION queue_item_retire();

INSERT INTO queue_item_done SELECT * FROM queue_item WHERE state = 'done';
DELETE FROM queue_item WHERE state = 'done';
