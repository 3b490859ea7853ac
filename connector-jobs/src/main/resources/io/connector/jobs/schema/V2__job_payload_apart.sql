-- A job's state changes (claim, end, retry, lease) rewrote its whole row and every index of the
-- table: H2 updates a row by removing it from each index and adding it again, and writes every
-- page it touched at commit. What a state change never changes moves to a table of its own,
-- written when the job is delayed and again only with its result or error: the uuid (with its
-- unique index, checked at every update of the row), the arguments, the description, the
-- identity key, the result and the error. The lease and backend indexes go: the reaper finds
-- running jobs by state, and a backend's jobs are counted by state or end time first. The claim
-- index takes the channel: the claim chooses among pending jobs by channel, and counts running
-- ones per channel, from the index alone.
-- H2 commits each DDL statement on its own: every statement here can run again after a
-- failure, and the columns go last, in one statement.
CREATE TABLE IF NOT EXISTS "connector_job_payload" (
    "job_id" BIGINT PRIMARY KEY REFERENCES "connector_job" ("id") ON DELETE CASCADE,
    "uuid" VARCHAR(36) NOT NULL,
    "args" VARCHAR NOT NULL,
    "description" VARCHAR(500),
    "identity_key" VARCHAR(400),
    "result" VARCHAR,
    "error_class" VARCHAR(300),
    "error_message" VARCHAR,
    "error_trace" VARCHAR
);
INSERT INTO "connector_job_payload" ("job_id", "uuid", "args", "description", "identity_key", "result", "error_class",
    "error_message", "error_trace")
    SELECT j."id", j."uuid", j."args", j."description", j."identity_key", j."result", j."error_class", j."error_message",
        j."error_trace" FROM "connector_job" j
    WHERE NOT EXISTS (SELECT 1 FROM "connector_job_payload" p WHERE p."job_id" = j."id");
CREATE UNIQUE INDEX IF NOT EXISTS "ux_connector_job_payload_uuid" ON "connector_job_payload" ("uuid");
DROP INDEX IF EXISTS "ux_connector_job_uuid";
DROP INDEX IF EXISTS "ix_connector_job_lease";
DROP INDEX IF EXISTS "ix_connector_job_backend";
DROP INDEX IF EXISTS "ix_connector_job_claim";
CREATE INDEX IF NOT EXISTS "ix_connector_job_claim" ON "connector_job" ("state", "eta", "priority", "id", "channel");
ALTER TABLE "connector_job" DROP COLUMN IF EXISTS ("uuid", "args", "description", "identity_key", "result", "error_class",
    "error_message", "error_trace");
