-- A ticket machine's retry: the key it sent with a take (Idempotency-Key). A retry of the same
-- key on the same date gets the ticket already issued instead of a second one nobody holds.
ALTER TABLE queue_tickets ADD COLUMN idempotency_key TEXT;

CREATE UNIQUE INDEX queue_tickets_idempotency ON queue_tickets (date, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
