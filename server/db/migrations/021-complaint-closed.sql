-- When a complaint left the open list (resolved or rejected), as a column: a period's report
-- needs every complaint still open at its start, however long ago it came in (a pause can
-- last months), without reading every complaint's JSON.
ALTER TABLE complaints ADD COLUMN closed_at TEXT;
UPDATE complaints SET closed_at = strftime(
  '%Y-%m-%dT%H:%M:%fZ',
  coalesce(json_extract(record, '$.resolvedAt'), json_extract(record, '$.rejectedAt')) / 1000.0,
  'unixepoch'
) WHERE coalesce(json_extract(record, '$.resolvedAt'), json_extract(record, '$.rejectedAt')) IS NOT NULL;
CREATE INDEX complaints_closed ON complaints (closed_at);
