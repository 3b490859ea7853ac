-- A job whose identity key holds only while it waits or is pending (JobBuilder.pendingIdentityKey,
-- for the export of a record's latest values): the claim clears its "active_key", so a write made
-- while it runs delays a new job. On the state row, which the claim reads and rewrites anyway.
-- A constant default: PostgreSQL records it in the catalog, without rewriting the table.
ALTER TABLE "connector_job" ADD COLUMN "key_until_claim" BOOLEAN DEFAULT FALSE NOT NULL;
