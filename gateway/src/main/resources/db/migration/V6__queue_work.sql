-- Work that never strands (issue 7).
--
-- queue_item.state gains 'handling': an accepted complaint stays open in its queue, due at its
-- mediate_by, until it is closed, so the SLA sweeper and the overview count the handling stage.
-- The column is free text, so only the comment in V3 changes meaning: ready | leased | stuck |
-- handling | done.

-- Where the record is now, once a transfer moved it. NULL: where its verdict put it.
ALTER TABLE complaint ADD COLUMN district text;

-- Closing an item in handling needs no lease: its claim ended with the acceptance.
ALTER TABLE complaint_decision ALTER COLUMN lease_token DROP NOT NULL;

-- Operators' corrections: a stuck item requeued, a wrong duplicate verdict unlinked, a record
-- taken out of its group. before/after hold what changed, never personal data.
CREATE TABLE complaint_correction (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id  uuid        NOT NULL REFERENCES complaint (id),
    action        text        NOT NULL,   -- requeue | unlink | ungroup
    actor         text        NOT NULL,
    reason        text,
    corrected_at  timestamptz NOT NULL DEFAULT now(),
    before        jsonb       NOT NULL,
    after         jsonb       NOT NULL
);

CREATE INDEX complaint_correction_complaint_idx ON complaint_correction (complaint_id);

-- The stuck list reads one queue's parked items, oldest first.
CREATE INDEX queue_item_stuck_idx ON queue_item (queue, enqueued_at, complaint_id) WHERE state = 'stuck';
