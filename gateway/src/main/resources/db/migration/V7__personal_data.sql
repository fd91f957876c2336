-- Personal data at rest (issue 10).
--
-- The complainant's phone and ID number inside complaint.record are AES-GCM envelopes
-- ("<key id>:<base64 of nonce, ciphertext and tag>"); pii_key names the key that sealed this
-- row's fields. NULL: written before this migration (fields still in clear) or by a path that did
-- not seal; the re-seal job seals such rows, and re-seals rows under an older key after a rotation.
-- The index lets start-up list the keys in use, and the job find a key's rows, without a full scan.
ALTER TABLE complaint ADD COLUMN pii_key text;
CREATE INDEX complaint_pii_key_idx ON complaint (pii_key);

-- Every unmasked read of a record: which operator key (its fingerprint, never the key) read which
-- complaint, and when. No foreign key: the audit outlives the records the retention purge deletes.
CREATE TABLE pii_access (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id  uuid        NOT NULL,
    actor         text        NOT NULL,
    read_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX pii_access_complaint_idx ON pii_access (complaint_id, read_at);
