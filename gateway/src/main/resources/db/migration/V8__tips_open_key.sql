-- Clustered mode: one open tip per customer, device, kind and evidence, enforced by the database, so that two
-- gateway instances deciding on the same proposal at once cannot both create it. open_key (a SHA-256 of the
-- four) is set only while the tip is open (pending, delivered, read, snoozed, held out), like faults.active_key.
ALTER TABLE tips ADD COLUMN open_key VARCHAR(64);
CREATE UNIQUE INDEX tips_open_key_idx ON tips (open_key);
