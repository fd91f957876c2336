-- Monitoring that reads what it shows, not the whole intake (issue 11). The queue metrics and the
-- status board poll every few seconds; with a few hundred thousand records their queries took
-- seconds of server CPU per poll, more than intake itself. Each change keeps, with the rows that
-- are written anyway, what a poll used to recompute from every record.

-- The name of the deadline an item's due_at is (accept_by, mediate_by, ...). The queue metrics and
-- the SLA sweep count at-risk and breached items by it; without it each poll joined complaint and
-- parsed the deadlines of every open item's record.
ALTER TABLE queue_item ADD COLUMN due_deadline text;

UPDATE queue_item q SET due_deadline = (
    SELECT e.key FROM complaint c,
        jsonb_each_text(coalesce(c.verdict -> 'deadlines', '{}'::jsonb) || c.deadlines) e
    WHERE c.id = q.complaint_id AND e.key LIKE '%\_by'
      AND CASE WHEN e.key LIKE '%\_by' THEN e.value::timestamptz END = q.due_at
    ORDER BY e.key LIMIT 1)
WHERE q.due_at IS NOT NULL AND q.state <> 'done';

-- When a group last took a member. The board lists the groups that took one within the clustering
-- window; without it each refresh joined every member with every record of the window.
ALTER TABLE complaint_cluster ADD COLUMN last_member_at timestamptz;

UPDATE complaint_cluster k SET last_member_at = (
    SELECT max(c.created_at) FROM cluster_member m JOIN complaint c ON c.id = m.complaint_id
    WHERE m.cluster_id = k.id);

CREATE INDEX complaint_cluster_last_member_idx ON complaint_cluster (last_member_at);

-- Records taken per minute, counted by the transaction that stores them: the board's intake chart
-- reads a few rows per minute instead of every record of the last half hour. One row per minute
-- and server backend: a connection runs one transaction at a time, so concurrent writers never
-- wait on each other's row. The board's refresh deletes rows older than a day.
CREATE TABLE intake_minute (
    minute   timestamptz NOT NULL,
    backend  integer     NOT NULL,
    records  integer     NOT NULL,
    PRIMARY KEY (minute, backend)
);

-- The last hour as it stands, so that the chart is whole right after the upgrade.
INSERT INTO intake_minute (minute, backend, records)
SELECT date_trunc('minute', created_at), 0, count(*) FROM complaint
WHERE created_at >= now() - interval '1 hour' GROUP BY 1;
