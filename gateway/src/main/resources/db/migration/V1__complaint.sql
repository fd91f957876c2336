-- One row per acknowledged record. (channel, source_id) is the idempotency key: the unique index
-- is what settles a retry, also between gateway nodes.
CREATE TABLE complaint (
    id            uuid        PRIMARY KEY,
    channel       text        NOT NULL,
    source_id     text        NOT NULL,
    content_hash  bytea       NOT NULL,
    type          text        NOT NULL,
    received_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    state         text        NOT NULL DEFAULT 'new',
    queue         text,
    record        jsonb       NOT NULL,
    verdict       jsonb       NOT NULL,
    CONSTRAINT complaint_channel_source_id_key UNIQUE (channel, source_id)
);

CREATE INDEX complaint_received_at_idx ON complaint (received_at);
