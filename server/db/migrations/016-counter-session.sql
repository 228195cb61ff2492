-- Which sign-in opened a counter (a hash of its session, never the session itself): opening a
-- counter another desk PC has open asks first instead of taking it over.
ALTER TABLE queue_counters ADD COLUMN opened_session TEXT;
