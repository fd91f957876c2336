-- District work queues. A record's queue entry commits in the same transaction as the record,
-- so nothing is queued without being stored, or stored without being queued.
CREATE TABLE queue_item (
    complaint_id     uuid        PRIMARY KEY REFERENCES complaint (id),
    queue            text        NOT NULL,
    state            text        NOT NULL DEFAULT 'ready',   -- ready | leased | stuck | done
    enqueued_at      timestamptz NOT NULL DEFAULT now(),
    due_at           timestamptz,                            -- the nearest open deadline
    sla_state        text        NOT NULL DEFAULT 'ok',      -- ok | at_risk | breached (sweeper)
    lease_token      uuid,
    lease_expires_at timestamptz,
    attempts         integer     NOT NULL DEFAULT 0
);

-- Claims read the oldest ready items of one queue; expiry reads leases by their end.
CREATE INDEX queue_item_ready_idx ON queue_item (queue, enqueued_at) WHERE state = 'ready';
CREATE INDEX queue_item_lease_idx ON queue_item (lease_expires_at) WHERE state = 'leased';

-- Every decision a handler took, with the lease it held.
CREATE TABLE complaint_decision (
    complaint_id  uuid        NOT NULL REFERENCES complaint (id),
    decided_at    timestamptz NOT NULL DEFAULT now(),
    decision      text        NOT NULL,
    reason        text,
    target        text,
    lease_token   uuid        NOT NULL
);

CREATE INDEX complaint_decision_complaint_idx ON complaint_decision (complaint_id);

ALTER TABLE complaint ADD COLUMN deadlines jsonb NOT NULL DEFAULT '{}';
