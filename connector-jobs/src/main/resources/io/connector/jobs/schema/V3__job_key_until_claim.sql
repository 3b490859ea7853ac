-- A job whose identity key holds only while it waits or is pending (JobBuilder.pendingIdentityKey,
-- for the export of a record's latest values): the claim clears its "active_key", so a write made
-- while it runs delays a new job. On the state row, which the claim reads and rewrites anyway.
-- H2 commits each DDL statement on its own: "IF NOT EXISTS" lets it run again after a failure.
ALTER TABLE "connector_job" ADD COLUMN IF NOT EXISTS "key_until_claim" BOOLEAN DEFAULT FALSE NOT NULL;
