-- The grievance (问题类别) read from each record at intake: a wire name of routing/grievances.yaml
-- or 'unknown'. Null for records stored before grievances were read. The same value is in the
-- verdict; the column is for queries and reports by grievance.
ALTER TABLE complaint ADD COLUMN grievance text;
