-- Duplicate and group-complaint detection. The dedup index is soft state rebuilt from these
-- columns at start-up; a record, its duplicate link and its group membership commit together.
ALTER TABLE complaint
    ADD COLUMN blocking_key text,
    ADD COLUMN fingerprint  bytea,
    ADD COLUMN duplicate_of uuid,
    ADD COLUMN cluster_id   uuid;

CREATE INDEX complaint_duplicate_of_idx ON complaint (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- A group complaint: different complainants, one merchant, one matter.
CREATE TABLE complaint_cluster (
    id            uuid        PRIMARY KEY,
    blocking_key  text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    size          integer     NOT NULL,
    escalated_at  timestamptz
);

-- Membership is its own table so that a group formed later never rewrites earlier records.
CREATE TABLE cluster_member (
    cluster_id    uuid NOT NULL REFERENCES complaint_cluster (id),
    complaint_id  uuid NOT NULL,
    PRIMARY KEY (cluster_id, complaint_id)
);

CREATE INDEX cluster_member_complaint_idx ON cluster_member (complaint_id);

-- Server secrets generated on first start (the identity HMAC key when none is configured).
CREATE TABLE gateway_secret (
    name   text  PRIMARY KEY,
    value  bytea NOT NULL
);
