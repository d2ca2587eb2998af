-- When the device last acknowledged a tip's customer-set state (read, done, dismissed, snoozed). A state changed
-- later, or never acknowledged because the device was offline, is sent again when the device listens again.
ALTER TABLE tips ADD COLUMN device_state_sent_at TIMESTAMP WITH TIME ZONE;
