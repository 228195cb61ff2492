-- When a complaint's deadlines were both done (plan given, or rejected) and when it left the
-- open list (resolved or rejected), as columns: a period's report needs every complaint that
-- still had something to do at its start, however long ago it came in (a pause can last
-- months), without reading every complaint's JSON, nor those given a plan long ago and never
-- marked resolved, which pile up.
ALTER TABLE complaints ADD COLUMN settled_at TEXT;
ALTER TABLE complaints ADD COLUMN closed_at TEXT;
UPDATE complaints SET
  settled_at = strftime('%Y-%m-%dT%H:%M:%fZ',
    coalesce(json_extract(record, '$.plannedAt'), json_extract(record, '$.rejectedAt')) / 1000.0,
    'unixepoch'),
  closed_at = strftime('%Y-%m-%dT%H:%M:%fZ',
    coalesce(json_extract(record, '$.resolvedAt'), json_extract(record, '$.rejectedAt')) / 1000.0,
    'unixepoch');
CREATE INDEX complaints_settled ON complaints (settled_at);
CREATE INDEX complaints_closed ON complaints (closed_at);
